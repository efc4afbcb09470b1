import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/from-as-casing.js";
import { check, checkFix } from "../../helpers/check.js";

describe("FromAsCasing from-as-casing", () => {
  it("reports AS in a different case from FROM", () =>
    check(rule, `
      FROM node:22 as build
      #            ^^ warning[FromAsCasing]: 'as' should be written 'AS' to match 'FROM'
      from node:22 AS test
      #            ^^ warning[FromAsCasing]: 'AS' should be written 'as' to match 'from'
    `));

  it("accepts matching case and leaves mixed-case FROM alone", () =>
    check(rule, `
      FROM node:22 AS build
      from node:22 as test
      From node:22 as mixed
      FROM node:22
    `));

  it("fixes the keyword", () =>
    checkFix(rule, `
      FROM node:22 as build
      from node:22 As test
    `, `
      FROM node:22 AS build
      from node:22 as test
    `));
});
