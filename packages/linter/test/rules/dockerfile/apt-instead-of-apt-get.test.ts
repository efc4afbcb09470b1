import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/apt-instead-of-apt-get.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3027 apt-instead-of-apt-get", () => {
  it("reports the apt command, not apt-get or apt-cache", () =>
    check(rule, `
      FROM debian:12
      RUN apt update && apt-get install -y curl && apt-cache policy curl
      #   ^^^ warning[DL3027]: Use apt-get (or apt-cache) in scripts: apt has no stable command-line interface
      ONBUILD RUN sudo apt install -y curl
      #                ^^^ warning[DL3027]: Use apt-get (or apt-cache) in scripts: apt has no stable command-line interface
    `));

  it("does not take an apt package name or PowerShell for the command", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get install -y apt
      FROM mcr.microsoft.com/powershell
      SHELL ["pwsh", "-Command"]
      RUN apt install -y curl
    `));

  it("checks heredoc bodies", () =>
    check(rule, `
      FROM debian:12
      RUN <<EOF
      apt install -y curl
      #^^ warning[DL3027]: Use apt-get (or apt-cache) in scripts: apt has no stable command-line interface
      EOF
    `));

  it("replaces apt with apt-get as an unsafe fix, only where apt-get has the subcommand", () => {
    checkFix(rule, `
      FROM debian:12
      RUN apt update && \\
          apt install -y curl && apt search curl
    `, `
      FROM debian:12
      RUN apt-get update && \\
          apt-get install -y curl && apt search curl
    `, { unsafe: true });
    checkFix(rule, `
      FROM debian:12
      RUN apt update
    `, `
      FROM debian:12
      RUN apt update
    `);
  });
});

describe("DL3027's fix in exec form", () => {
  it("writes the JSON string apt-get", () =>
    checkFix(rule, `
      FROM debian:12
      RUN ["apt", "install", "-y", "curl"]
    `, `
      FROM debian:12
      RUN ["apt-get", "install", "-y", "curl"]
    `, { unsafe: true }));
});
