import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/add-git-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DF207 add-git-unpinned", () => {
  it("reports Git sources without a ref, or with a movable one", () =>
    check(rule, `
      FROM alpine:3.20
      ADD https://github.com/moby/buildkit.git /src
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DF207]: ADD of the Git repository 'https://github.com/moby/buildkit.git' has no #ref: it builds whatever the default branch holds
      ADD git@github.com:moby/buildkit.git#master:docs /docs
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DF207]: '#master' is a branch or tag, which can move: pin the commit hash (or add --checksum=<commit>)
    `));

  it("accepts commit hashes, a checksum and plain URLs", () =>
    check(rule, `
      FROM alpine:3.20
      ADD https://github.com/moby/buildkit.git#2b5d0b1a8c7d5e1f3a4b6c8d9e0f1a2b3c4d5e6f /src
      ADD --checksum=2b5d0b1a8c7d5e1f3a4b6c8d9e0f1a2b3c4d5e6f https://github.com/moby/buildkit.git#v0.14.0 /src
      ADD https://example.com/archive.tar.gz /opt/
      ADD https://github.com/golangci/golangci-lint.git#\${GOLANGCI_LINT_VERSION} /src
      ADD https://github.com/moby/buildkit.git?ref=2b5d0b1a8c7d5e1f3a4b6c8d9e0f1a2b3c4d5e6f&keep-git-dir=1 /src
    `));
});
