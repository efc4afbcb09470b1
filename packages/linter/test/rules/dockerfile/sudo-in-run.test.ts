import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/sudo-in-run.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "Do not use sudo in a build: set USER for the steps that need root, or use gosu in the entrypoint";

describe("DL3004 sudo-in-run", () => {
  it("reports sudo, also behind env and in ONBUILD", () =>
    check(rule, `
      FROM debian:12
      RUN sudo apt-get update && env X=1 sudo ls
      #   ^^^^ error[DL3004]: ${MESSAGE}
      #                                  ^^^^ error[DL3004]: ${MESSAGE}
      ONBUILD RUN sudo make install
      #           ^^^^ error[DL3004]: ${MESSAGE}
    `));

  it("ignores a package named sudo and PowerShell stages", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get install -y sudo && echo sudo
      FROM mcr.microsoft.com/powershell
      SHELL ["pwsh", "-Command"]
      RUN sudo ls
    `));

  it("reads continuations and heredoc scripts", () =>
    check(rule, `
      FROM debian:12
      RUN true \\
       && sudo ls
      #   ^^^^ error[DL3004]: ${MESSAGE}
      RUN <<EOF
      sudo ls
      #^^^ error[DL3004]: ${MESSAGE}
      EOF
    `));
});
