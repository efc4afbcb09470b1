import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/dnf-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3041 dnf-unpinned", () => {
  it("reports packages without versions", () =>
    check(rule, `
      FROM fedora:41
      RUN dnf install -y httpd-2.4.62 git && microdnf install -y jq
      #                               ^^^ warning[DL3041]: Pin the version of 'git' in dnf install (git-<version>)
      #                                                          ^^ warning[DL3041]: Pin the version of 'jq' in microdnf install (jq-<version>)
    `));

  it("leaves modules, groups and known versions alone", () =>
    check(rule, `
      FROM fedora:41
      ENV V=1.7.1
      RUN dnf module install -y nodejs && dnf group install -y "Development Tools" && dnf install -y jq-$V x.rpm
    `));

  it("reads continuations, ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM fedora:41
      RUN dnf install -y \\
            httpd
      #     ^^^^^ warning[DL3041]: Pin the version of 'httpd' in dnf install (httpd-<version>)
      ONBUILD RUN dnf install -y git
      #                          ^^^ warning[DL3041]: Pin the version of 'git' in dnf install (git-<version>)
      RUN <<EOF
      dnf install -y tar
      #              ^^^ warning[DL3041]: Pin the version of 'tar' in dnf install (tar-<version>)
      EOF
    `));
});
