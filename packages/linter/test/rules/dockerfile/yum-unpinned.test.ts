import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/yum-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3033 yum-unpinned", () => {
  it("reports packages and modules without versions", () =>
    check(rule, `
      FROM centos:7
      RUN yum install -y httpd-2.4.6 python3-pip gcc-c++ ./local.rpm
      #                              ^^^^^^^^^^^ warning[DL3033]: Pin the version of 'python3-pip' in yum install (python3-pip-<version>)
      #                                          ^^^^^^^ warning[DL3033]: Pin the version of 'gcc-c++' in yum install (gcc-c++-<version>)
      RUN yum module install -y nodejs:18 php
      #                                   ^^^ warning[DL3033]: Pin the stream of 'php' in yum module install (php:<stream>)
    `));

  it("resolves variables and skips unknown ones", () =>
    check(rule, `
      FROM centos:7
      ARG HTTPD_VERSION=2.4.6
      ARG BAD=latest
      RUN yum install -y httpd-\${HTTPD_VERSION} git-$BAD jq-$UNKNOWN
      #                                         ^^^^^^^^ warning[DL3033]: Pin the version of 'git-latest' in yum install (git-latest-<version>)
    `));

  it("reads continuations, ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM centos:7
      RUN yum install -y \\
            --enablerepo extras \\
            httpd
      #     ^^^^^ warning[DL3033]: Pin the version of 'httpd' in yum install (httpd-<version>)
      ONBUILD RUN yum install -y git
      #                          ^^^ warning[DL3033]: Pin the version of 'git' in yum install (git-<version>)
      RUN <<EOF
      yum install -y jq-1.6 tar
      #                     ^^^ warning[DL3033]: Pin the version of 'tar' in yum install (tar-<version>)
      EOF
    `));
});
