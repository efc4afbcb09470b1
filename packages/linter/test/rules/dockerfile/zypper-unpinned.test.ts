import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/zypper-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3037 zypper-unpinned", () => {
  it("reports packages without versions", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper -n install httpd=2.4.58 'git>=2.4' "jq<2" x.rpm vim
      #                                                          ^^^ warning[DL3037]: Pin the version of 'vim' in zypper install (vim=<version>)
    `));

  it("skips option values, resolves variables", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      ARG PKG=tar
      RUN zypper -n in --repo oss -t package $PKG httpd=2 $UNKNOWN
      #                                      ^^^^ warning[DL3037]: Pin the version of 'tar' in zypper install (tar=<version>)
    `));

  it("reads continuations, ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper -n install \\
            httpd
      #     ^^^^^ warning[DL3037]: Pin the version of 'httpd' in zypper install (httpd=<version>)
      ONBUILD RUN zypper -n in git
      #                        ^^^ warning[DL3037]: Pin the version of 'git' in zypper install (git=<version>)
      RUN <<EOF
      zypper -n in jq
      #            ^^ warning[DL3037]: Pin the version of 'jq' in zypper install (jq=<version>)
      EOF
    `));
});
