import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/directive-casing.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DF213 directive-casing", () => {
  it("reports directive names that are not lowercase", () =>
    check(rule, `
      # Syntax=docker/dockerfile:1
      # ^^^^^^ style[DF213]: Write the parser directive 'Syntax' in lowercase: 'syntax'
      # ESCAPE=\\
      # ^^^^^^ style[DF213]: Write the parser directive 'ESCAPE' in lowercase: 'escape'
      FROM alpine:3.20
    `));

  it("accepts lowercase directives and ordinary comments", () =>
    check(rule, `
      # syntax=docker/dockerfile:1
      # check=skip=all
      FROM alpine:3.20
      # Syntax=not a directive here
    `));

  it("lower-cases the name and keeps the value", () =>
    checkFix(rule, `
      # SYNTAX=docker/dockerfile:1.7
      FROM alpine:3.20
    `, `
      # syntax=docker/dockerfile:1.7
      FROM alpine:3.20
    `));
});
