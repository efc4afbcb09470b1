import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/cmd-ignored-by-entrypoint.js";
import { check } from "../../helpers/check.js";

const message = (where: string) =>
  `This CMD is ignored: the ENTRYPOINT ${where} is in shell form, whose command line never reads CMD's words; write that ENTRYPOINT as a JSON array`;

describe("DF215 cmd-ignored-by-entrypoint", () => {
  it("reports a CMD beside a shell-form ENTRYPOINT, before or after it", () =>
    check(rule, `
      FROM python:3.13-slim
      ENTRYPOINT python -m app
      CMD ["--port", "8080"]
      #^^ warning[DF215]: ${message("on line 2")}
      FROM python:3.13-slim
      CMD --port 8080
      #^^ warning[DF215]: ${message("on line 6")}
      ENTRYPOINT python -m app
    `));

  it("follows the ENTRYPOINT into the stages built on it, and looks at the last CMD and ENTRYPOINT only", () =>
    check(rule, `
      FROM debian:12 AS base
      ENTRYPOINT /usr/local/bin/serve
      FROM base AS app
      CMD ["--verbose"]
      #^^ warning[DF215]: ${message("on line 2 (inherited from stage 'base')")}
      FROM base AS fixed
      ENTRYPOINT ["/usr/local/bin/serve"]
      CMD ["--verbose"]
      FROM debian:12
      ENTRYPOINT ["/usr/local/bin/serve"]
      ENTRYPOINT /usr/local/bin/serve
      CMD ["a"]
      CMD ["b"]
      #^^ warning[DF215]: ${message("on line 10")}
    `));

  it("accepts JSON entrypoints, command lines that read their arguments, no CMD, and other shells", () =>
    check(rule, `
      FROM debian:12
      ENTRYPOINT ["tini", "--"]
      CMD python app.py
      FROM debian:12
      ENTRYPOINT exec /app/run "$@"
      CMD ["--fast"]
      FROM debian:12
      ENTRYPOINT /app/run \${1:-serve}
      CMD ["migrate"]
      FROM debian:12
      ENTRYPOINT /app/run
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      ENTRYPOINT C:\\app\\run.exe
      CMD ["--fast"]
      FROM debian:12
      SHELL ["/bin/bash", "-o", "pipefail", "-c"]
      ENTRYPOINT /app/run
      CMD ["--fast"]
      #^^ warning[DF215]: ${message("on line 18")}
    `));
});
