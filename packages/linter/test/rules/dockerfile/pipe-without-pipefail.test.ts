import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/pipe-without-pipefail.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "A failure before this pipe is ignored: set -o pipefail (in SHELL or at the start of the RUN)";

describe("DL4006 pipe-without-pipefail", () => {
  it("reports the pipe of a RUN without pipefail", () =>
    check(rule, `
      FROM debian:12
      RUN curl -fsSL https://x/install.sh | bash
      #                                   ^ warning[DL4006]: ${MESSAGE}
      RUN echo a && \\
          cat /etc/os-release |& grep -i debian
      #                       ^^ warning[DL4006]: ${MESSAGE}
      RUN grep x /y | while read l; do echo "$l"; done
      #             ^ warning[DL4006]: ${MESSAGE}
    `));

  it("accepts SHELL with pipefail (also inherited) and set -o pipefail before the pipe", () =>
    check(rule, `
      FROM debian:12 AS base
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      RUN curl -fsSL https://x | bash
      FROM base
      RUN curl -fsSL https://x | bash
      FROM alpine:3.21
      SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
      RUN wget -qO- https://x | sh
      FROM debian:12
      RUN set -euo pipefail && curl -fsSL https://x | bash
      RUN set -o pipefail; curl -fsSL https://x | bash
      RUN bash -euo pipefail -c 'curl -fsSL https://x | bash'
      RUN ls
    `));

  it("does not count pipefail set after the pipe or inside a subshell", () =>
    check(rule, `
      FROM debian:12
      RUN (set -o pipefail) && a | b
      #                          ^ warning[DL4006]: ${MESSAGE}
      RUN a | b && set -o pipefail
      #     ^ warning[DL4006]: ${MESSAGE}
      RUN bash -c 'a | b'
      #              ^ warning[DL4006]: ${MESSAGE}
    `));

  it("follows the shell hint pragma", () =>
    check(rule, `
      # hadolint shell=powershell
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      RUN Get-ChildItem | Select-Object Name
    `));

  it("reads heredoc scripts and skips PowerShell stages", () =>
    check(rule, `
      FROM debian:12
      RUN <<EOF bash
      set -o pipefail
      curl -fsSL https://x | bash
      EOF
      RUN <<EOF
      curl -fsSL https://x | sh
      #                    ^ warning[DL4006]: ${MESSAGE}
      EOF
      FROM mcr.microsoft.com/powershell
      SHELL ["pwsh", "-Command"]
      RUN Get-ChildItem | Select-Object Name
    `));
});

describe("DL4006 in exec form", () => {
  it("counts the exec-form shell's own -o pipefail, and never the stage's SHELL", () =>
    check(rule, `
      FROM debian:12
      RUN ["bash", "-o", "pipefail", "-c", "curl -fsSL https://x/a.tgz | tar -xz"]
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      RUN ["/bin/sh", "-c", "curl -fsSL https://x/a.tgz | tar -xz"]
      #                                                 ^ warning[DL4006]: A failure before this pipe is ignored: set -o pipefail (in SHELL or at the start of the RUN)
      RUN curl -fsSL https://x/a.tgz | tar -xz
    `));
});
