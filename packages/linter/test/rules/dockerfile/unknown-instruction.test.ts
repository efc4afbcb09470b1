import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/unknown-instruction.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DF102 unknown-instruction", () => {
  it("reports unknown keywords with a suggestion when one is close", () =>
    check(rule, `
      FROM alpine:3.20
      RUNN apk add --no-cache curl
      #^^^ error[DF102]: Unknown instruction 'RUNN'; did you mean 'RUN'?
      entrypont ["/app"]
      #^^^^^^^^ error[DF102]: Unknown instruction 'entrypont'; did you mean 'entrypoint'?
      INSTALL curl
      #^^^^^^ error[DF102]: Unknown instruction 'INSTALL'
    `));

  it("accepts every known keyword in any case", () =>
    check(rule, `
      from alpine:3.20
      Run echo hi
      COPY a /b
      ONBUILD RUN echo hi
    `));

  it("reports the stray line of a broken continuation", () =>
    check(rule, `
      FROM alpine:3.20
      RUN apk add \\
          curl
          git
      #   ^^^ error[DF102]: Unknown instruction 'git'
    `));

  it("replaces a misspelt keyword", () =>
    checkFix(rule, `
      FROM alpine:3.20
      COPPY a /b
      workdri /app
    `, `
      FROM alpine:3.20
      COPY a /b
      workdir /app
    `));
});
