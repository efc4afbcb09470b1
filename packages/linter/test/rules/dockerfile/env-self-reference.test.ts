import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/env-self-reference.js";
import { check } from "../../helpers/check.js";

describe("DL3044 env-self-reference", () => {
  it("reports a reference to a key the same ENV defines", () =>
    check(rule, `
      FROM alpine:3.20
      ENV A=1 B=\${A}/x C=$A
      #         ^^^^ error[DL3044]: 'A' is defined in this same ENV, so 'A' here expands to its value from before the instruction (none); set it in an earlier ENV
      #                  ^^ error[DL3044]: 'A' is defined in this same ENV, so 'A' here expands to its value from before the instruction (none); set it in an earlier ENV
    `));

  it("accepts keys defined before, by ENV or ARG, and references before the definition", () =>
    check(rule, `
      FROM alpine:3.20
      ARG VERSION=1
      ENV HOME_DIR=/root
      ENV VERSION=2 FULL=v$VERSION HOME_DIR=/home X=$HOME_DIR
      ENV B=$Z Z=1
      ENV AB=1 C=$ABC
    `));

  it("handles continuation lines", () =>
    check(rule, `
      FROM alpine:3.20
      ENV A=1 \\
          B=$A
      #     ^^ error[DL3044]: 'A' is defined in this same ENV, so 'A' here expands to its value from before the instruction (none); set it in an earlier ENV
    `));
});
