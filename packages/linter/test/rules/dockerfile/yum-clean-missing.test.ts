import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/yum-clean-missing.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "Run 'yum clean all' after yum install in the same RUN, or the package cache stays in the layer";

describe("DL3032 yum-clean-missing", () => {
  it("reports yum install without a later yum clean all", () =>
    check(rule, `
      FROM centos:7
      RUN yum install -y httpd-2.4.6
      #   ^^^ warning[DL3032]: ${MESSAGE}
      RUN yum clean all && yum install -y httpd-2.4.6
      #                    ^^^ warning[DL3032]: ${MESSAGE}
      RUN yum install -y httpd-2.4.6 && yum clean metadata && rm -rf /tmp/x
      #   ^^^ warning[DL3032]: ${MESSAGE}
    `));

  it("accepts clean all, removing the cache, and cache mounts", () =>
    check(rule, `
      FROM centos:7
      RUN yum install -y httpd-2.4.6 && yum clean all
      RUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*
      RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6
    `));

  it("reads continuations, ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM centos:7
      RUN yum install -y httpd-2.4.6 \\
       && yum \\
            clean all
      ONBUILD RUN yum install -y git-2.1
      #           ^^^ warning[DL3032]: ${MESSAGE}
      RUN <<EOF
      yum install -y jq-1.6
      #^^ warning[DL3032]: ${MESSAGE}
      EOF
      RUN <<EOF
      yum install -y jq-1.6
      yum clean all
      EOF
    `));
});
