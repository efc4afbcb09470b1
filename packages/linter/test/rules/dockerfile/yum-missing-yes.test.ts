import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/yum-missing-yes.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3030 yum-missing-yes", () => {
  it("reports install subcommands without -y", () =>
    check(rule, `
      FROM centos:7
      RUN yum install httpd && yum groupinstall "Development Tools"
      #   ^^^ warning[DL3030]: yum install needs -y: a build cannot answer its prompt
      #                        ^^^ warning[DL3030]: yum groupinstall needs -y: a build cannot answer its prompt
      ONBUILD RUN yum localinstall ./x.rpm
      #           ^^^ warning[DL3030]: yum localinstall needs -y: a build cannot answer its prompt
    `));

  it("accepts -y, --assumeyes and other subcommands", () =>
    check(rule, `
      FROM centos:7
      RUN yum install -y httpd && yum --assumeyes install git && yum -qy install jq
      RUN yum clean all && yum --enablerepo install list
    `));

  it("checks heredoc scripts, not cmd stages", () =>
    check(rule, `
      FROM centos:7
      RUN <<EOF
      yum install httpd
      #^^ warning[DL3030]: yum install needs -y: a build cannot answer its prompt
      EOF
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      SHELL ["cmd", "/S", "/C"]
      RUN yum install httpd
    `));

  it("inserts -y after the subcommand, across continuations", () =>
    checkFix(rule, `
      FROM centos:7
      RUN yum install \\
            httpd
    `, `
      FROM centos:7
      RUN yum install -y \\
            httpd
    `));
});
