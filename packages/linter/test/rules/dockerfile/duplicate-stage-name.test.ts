import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/duplicate-stage-name.js";
import { check } from "../../helpers/check.js";

describe("DL3024 duplicate-stage-name", () => {
  it("reports the later stage with a repeated name, in any case", () =>
    check(rule, `
      FROM node:22 AS build
      FROM node:22 AS test
      FROM node:22 AS Build
      #               ^^^^^ error[DL3024]: Stage name 'Build' is already used by the stage on line 1
      FROM node:22 AS build
      #               ^^^^^ error[DL3024]: Stage name 'build' is already used by the stage on line 1
    `));

  it("accepts distinct names and unnamed stages", () =>
    check(rule, `
      FROM node:22 AS deps
      FROM deps AS build
      FROM node:22
      FROM node:22
    `));

  it("answers to the BuildKit name in check=skip", () =>
    check(rule, `
      # check=skip=DuplicateStageName
      FROM node:22 AS a
      FROM node:22 AS a
    `));
});
