import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/apt-get-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3008 apt-get-unpinned", () => {
  it("reports each unpinned package word", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install -y curl=7.88.1 git ca-certificates
      #                                                    ^^^ warning[DL3008]: Pin the version of 'git' in apt-get install (git=<version>)
      #                                                        ^^^^^^^^^^^^^^^ warning[DL3008]: Pin the version of 'ca-certificates' in apt-get install (ca-certificates=<version>)
    `));

  it("accepts versions, releases, .deb files and option values", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get install -y -t bookworm-backports curl=7.88.1 git/bookworm ./local.deb
      RUN apt-get -o Dpkg::Options::=--force-confold install -y curl=7.88.1
      RUN apt-get update
      RUN if apt-get install -s "postgresql-jit" > /dev/null; then echo yes; fi
    `));

  it("reads packages across line continuations and behind sudo", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update \\
       && sudo apt-get install -y \\
            curl=7.88.1 \\
            git
      #     ^^^ warning[DL3008]: Pin the version of 'git' in apt-get install (git=<version>)
    `));

  it("resolves variables through ARG and ENV, and leaves unknown ones alone", () =>
    check(rule, `
      FROM debian:12
      ARG CURL_VERSION=7.88.1
      ENV PKGS="git wget=1.21"
      RUN apt-get install -y curl=\${CURL_VERSION} $PKGS $UNKNOWN
      #                                           ^^^^^ warning[DL3008]: Pin the version of 'git' in apt-get install (git=<version>)
    `));

  it("checks ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM debian:12
      ONBUILD RUN apt-get install -y curl
      #                              ^^^^ warning[DL3008]: Pin the version of 'curl' in apt-get install (curl=<version>)
      RUN <<EOF
      apt-get update
      apt-get install -y jq
      #                  ^^ warning[DL3008]: Pin the version of 'jq' in apt-get install (jq=<version>)
      EOF
    `));

  it("skips PowerShell stages", () =>
    check(rule, `
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      RUN apt-get install -y curl
    `));
});
