import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/apt-get-install-recommends.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3015 apt-get-install-recommends", () => {
  it("reports apt-get install without --no-install-recommends", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install -y curl
      #                     ^^^^^^^ info[DL3015]: apt-get install without --no-install-recommends also installs recommended packages
      ONBUILD RUN apt-get install -y curl
      #           ^^^^^^^ info[DL3015]: apt-get install without --no-install-recommends also installs recommended packages
    `));

  it("accepts the flag and the apt option", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get install -y --no-install-recommends curl
      RUN apt-get -o APT::Install-Recommends=false install -y curl
      RUN apt-get install -y APT::Install-Recommends=false curl
      RUN apt-get update
      RUN apt-get install -s curl
    `));

  it("checks heredoc scripts", () =>
    check(rule, `
      FROM debian:12
      RUN <<EOF
      set -e
      apt-get install -y curl
      #^^^^^^ info[DL3015]: apt-get install without --no-install-recommends also installs recommended packages
      EOF
    `));

  it("offers an unsafe fix after install, across continuations", () => {
    checkFix(rule, `
      FROM debian:12
      RUN apt-get install -y curl
    `, `
      FROM debian:12
      RUN apt-get install -y curl
    `);
    checkFix(rule, `
      FROM debian:12
      RUN apt-get update \\
       && apt-get install \\
            -y curl
    `, `
      FROM debian:12
      RUN apt-get update \\
       && apt-get install --no-install-recommends \\
            -y curl
    `, { unsafe: true });
  });
});
