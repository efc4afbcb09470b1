import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/pointless-command-in-run.js";
import { check } from "../../helpers/check.js";

describe("DL3001 pointless-command-in-run", () => {
  it("reports interactive tools and service managers", () =>
    check(rule, `
      FROM debian:12
      RUN service nginx start && sudo /usr/bin/vim /etc/x
      #   ^^^^^^^ info[DL3001]: 'service' makes no sense during an image build: nothing is running and no one is at the terminal
      #                               ^^^^^^^^^^^^ info[DL3001]: '/usr/bin/vim' makes no sense during an image build: nothing is running and no one is at the terminal
      ONBUILD RUN ifconfig
      #           ^^^^^^^^ info[DL3001]: 'ifconfig' makes no sense during an image build: nothing is running and no one is at the terminal
    `));

  it("ignores package names, command -v and PowerShell stages", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get install -y vim procps && command -v ps && echo kill
      FROM mcr.microsoft.com/powershell
      SHELL ["pwsh", "-Command"]
      RUN kill 1
    `));

  it("reads continuations and heredoc scripts", () =>
    check(rule, `
      FROM debian:12
      RUN echo start && \\
          top -b -n 1
      #   ^^^ info[DL3001]: 'top' makes no sense during an image build: nothing is running and no one is at the terminal
      RUN <<EOF
      ps aux
      #^ info[DL3001]: 'ps' makes no sense during an image build: nothing is running and no one is at the terminal
      EOF
    `));
});
