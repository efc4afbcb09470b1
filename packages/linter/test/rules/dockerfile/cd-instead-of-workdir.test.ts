import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/cd-instead-of-workdir.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "Use WORKDIR to change directory: a cd lasts only until the end of this RUN";

describe("DL3003 cd-instead-of-workdir", () => {
  it("reports cd that changes the step's directory", () =>
    check(rule, `
      FROM debian:12
      RUN cd /usr/src/app && make
      #   ^^ warning[DL3003]: ${MESSAGE}
      RUN make -C lib && \\
          cd /tmp && rm -rf x
      #   ^^ warning[DL3003]: ${MESSAGE}
    `));

  it("leaves scoped cd alone (subshells, substitutions, sh -c), and ONBUILD", () =>
    check(rule, `
      FROM debian:12
      RUN (cd src && make) && echo "$(cd /tmp && pwd)" && sh -c 'cd /x && ls'
      ONBUILD RUN cd /app
    `));

  it("reads heredoc scripts, not PowerShell stages", () =>
    check(rule, `
      FROM debian:12
      RUN <<EOF
      cd /app
      #^ warning[DL3003]: ${MESSAGE}
      make
      EOF
      FROM mcr.microsoft.com/powershell
      SHELL ["pwsh", "-Command"]
      RUN cd C:/app
    `));
});
