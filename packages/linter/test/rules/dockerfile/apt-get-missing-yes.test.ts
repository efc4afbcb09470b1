import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/apt-get-missing-yes.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3014 apt-get-missing-yes", () => {
  it("reports apt-get install without -y", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install curl
      #                     ^^^^^^^ warning[DL3014]: apt-get install needs -y: a build cannot answer its prompt
      ONBUILD RUN apt-get install curl
      #           ^^^^^^^ warning[DL3014]: apt-get install needs -y: a build cannot answer its prompt
    `));

  it("accepts every spelling of yes", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get install -y curl
      RUN apt-get install --yes curl
      RUN apt-get install --assume-yes curl
      RUN apt-get -qq install curl
      RUN apt-get -q -q install curl
      RUN apt-get -q=2 install curl
      RUN apt-get -qy install curl
      RUN apt-get -o APT::Get::Assume-Yes=true install curl
      RUN apt-get update
      RUN apt-get install -s curl && apt-get --simulate install curl
    `));

  it("checks heredoc scripts, not PowerShell stages", () =>
    check(rule, `
      FROM debian:12
      RUN <<EOF
      apt-get install curl
      #^^^^^^ warning[DL3014]: apt-get install needs -y: a build cannot answer its prompt
      EOF
      FROM mcr.microsoft.com/powershell
      SHELL ["pwsh", "-Command"]
      RUN apt-get install curl
    `));

  it("reads a heredoc fed to a shell once, and skips non-shell heredocs", () =>
    check(rule, `
      FROM debian:12
      RUN <<EOF bash -e
      apt-get install curl
      #^^^^^^ warning[DL3014]: apt-get install needs -y: a build cannot answer its prompt
      EOF
      RUN <<EOF
      #!/usr/bin/env python3
      print("apt-get install curl")
      EOF
      RUN cat <<EOF > /notes.txt
      apt-get install curl
      EOF
    `));

  it("inserts -y after install, also across continuations", () => {
    checkFix(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install \\
            curl
    `, `
      FROM debian:12
      RUN apt-get update && apt-get install -y \\
            curl
    `);
    checkFix(rule, `
      FROM debian:12
      RUN apt-get update && apt-get \\
        install curl
    `, `
      FROM debian:12
      RUN apt-get update && apt-get \\
        install -y curl
    `);
  });
});

describe("DL3014's fix in exec form", () => {
  it("adds -y as an element of the JSON array, and inside a -c script as a word", () =>
    checkFix(rule, `
      FROM debian:12
      RUN ["apt-get", "install", "--no-install-recommends", "curl=7.88.1-10"]
      RUN ["sh", "-c", "apt-get install curl=7.88.1-10"]
    `, `
      FROM debian:12
      RUN ["apt-get", "install", "-y", "--no-install-recommends", "curl=7.88.1-10"]
      RUN ["sh", "-c", "apt-get install -y curl=7.88.1-10"]
    `));
});

describe("DL3014 and apt's option spellings", () => {
  it("takes Assume-Yes set with -o, --option and --option=", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get -o APT::Get::Assume-Yes=true install --no-install-recommends curl=1
      RUN apt-get --option APT::Get::Assume-Yes=true install --no-install-recommends curl=1
      RUN apt-get --option=APT::Get::Assume-Yes=true install --no-install-recommends curl=1
      RUN apt-get -oAPT::Get::Assume-Yes=1 install --no-install-recommends curl=1
    `));
});
