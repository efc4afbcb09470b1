import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/add-remote-without-checksum.js";
import { check } from "../../helpers/check.js";

describe("DF206 add-remote-without-checksum", () => {
  it("reports http(s) sources without --checksum", () =>
    check(rule, `
      FROM alpine:3.20
      ADD https://example.com/tool.tar.gz /opt/
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DF206]: ADD downloads 'https://example.com/tool.tar.gz' without --checksum: its content is not verified
      ADD local.tar.gz http://example.com/x /opt/
      #                ^^^^^^^^^^^^^^^^^^^^ warning[DF206]: ADD downloads 'http://example.com/x' without --checksum: its content is not verified
    `));

  it("accepts --checksum, local files and Git sources", () =>
    check(rule, `
      FROM alpine:3.20
      ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/
      ADD tool.tar.gz /opt/
      ADD https://github.com/moby/buildkit.git#v0.14.0 /src
      ADD https://github.com/moby/buildkit.git?ref=v0.14.0&keep-git-dir=1 /src
      COPY https://example.com/x /opt/
    `));
});
