import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/dnf-missing-yes.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3038 dnf-missing-yes", () => {
  it("reports dnf and microdnf installs without -y", () =>
    check(rule, `
      FROM fedora:41
      RUN dnf install httpd && /usr/bin/microdnf install git
      #   ^^^ warning[DL3038]: dnf install needs -y: a build cannot answer its prompt
      #                        ^^^^^^^^^^^^^^^^^ warning[DL3038]: microdnf install needs -y: a build cannot answer its prompt
      ONBUILD RUN dnf groupinstall "Development Tools"
      #           ^^^ warning[DL3038]: dnf groupinstall needs -y: a build cannot answer its prompt
    `));

  it("accepts -y and --assumeyes", () =>
    check(rule, `
      FROM fedora:41
      RUN dnf install -y httpd && dnf --assumeyes install git && microdnf -y install jq && dnf clean all
    `));

  it("checks heredoc scripts", () =>
    check(rule, `
      FROM fedora:41
      RUN <<EOF
      dnf install httpd
      #^^ warning[DL3038]: dnf install needs -y: a build cannot answer its prompt
      EOF
    `));

  it("inserts -y after the subcommand, across continuations", () =>
    checkFix(rule, `
      FROM fedora:41
      RUN dnf \\
        install httpd
    `, `
      FROM fedora:41
      RUN dnf \\
        install -y httpd
    `));
});
