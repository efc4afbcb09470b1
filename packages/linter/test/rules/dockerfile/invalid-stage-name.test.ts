import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-stage-name.js";
import { check } from "../../helpers/check.js";

describe("DF109 invalid-stage-name", () => {
  it("reports names starting with a non-letter or holding symbols", () =>
    check(rule, `
      FROM golang:1.23 AS 2-build
      #                   ^^^^^^^ error[DF109]: '2-build' cannot name a stage: start with a letter, then use only letters, digits, '-', '_' and '.'
      FROM golang:1.23 AS build/linux
      #                   ^^^^^^^^^^^ error[DF109]: 'build/linux' cannot name a stage: start with a letter, then use only letters, digits, '-', '_' and '.'
      FROM alpine:3.20 AS $NAME
      #                   ^^^^^ error[DF109]: '$NAME' cannot name a stage: start with a letter, then use only letters, digits, '-', '_' and '.'
    `));

  it("accepts letters, digits, dashes, underscores and dots in any case", () =>
    check(rule, `
      FROM golang:1.23 AS Build-2_linux.amd64
      FROM alpine:3.20 AS b
      FROM alpine:3.20
    `));
});
