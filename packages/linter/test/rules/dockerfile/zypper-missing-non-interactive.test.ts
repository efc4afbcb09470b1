import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/zypper-missing-non-interactive.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3034 zypper-missing-non-interactive", () => {
  it("reports prompting subcommands without a non-interactive switch", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper install httpd && zypper rm vim
      #   ^^^^^^ warning[DL3034]: zypper install needs --non-interactive: a build cannot answer its prompts
      #                           ^^^^^^ warning[DL3034]: zypper rm needs --non-interactive: a build cannot answer its prompts
      ONBUILD RUN zypper patch
      #           ^^^^^^ warning[DL3034]: zypper patch needs --non-interactive: a build cannot answer its prompts
    `));

  it("accepts every switch, and subcommands that do not prompt", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper -n install httpd && zypper --non-interactive in git && zypper in -y jq && zypper rm --no-confirm vim
      RUN zypper refresh && zypper clean
    `));

  it("checks heredoc scripts", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN <<EOF
      zypper in httpd
      #^^^^^ warning[DL3034]: zypper in needs --non-interactive: a build cannot answer its prompts
      EOF
    `));

  it("inserts --non-interactive after zypper, across continuations", () =>
    checkFix(rule, `
      FROM opensuse/leap:15.6
      RUN zypper \\
        install httpd
    `, `
      FROM opensuse/leap:15.6
      RUN zypper --non-interactive \\
        install httpd
    `));
});
