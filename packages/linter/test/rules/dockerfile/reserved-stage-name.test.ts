import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/reserved-stage-name.js";
import { check } from "../../helpers/check.js";

describe("DL3063 reserved-stage-name", () => {
  it("reports scratch and context as stage names, in any case", () =>
    check(rule, `
      FROM alpine:3.20 AS scratch
      #                   ^^^^^^^ warning[DL3063]: 'scratch' is a reserved name and cannot name a stage unambiguously
      FROM alpine:3.20 AS Context
      #                   ^^^^^^^ warning[DL3063]: 'Context' is a reserved name and cannot name a stage unambiguously
    `));

  it("accepts other names and FROM scratch", () =>
    check(rule, `
      FROM scratch AS base
      FROM alpine:3.20 AS contexts
    `));
});
