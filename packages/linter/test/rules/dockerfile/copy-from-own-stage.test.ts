import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/copy-from-own-stage.js";
import { check } from "../../helpers/check.js";

describe("DL3023 copy-from-own-stage", () => {
  it("reports a stage copying from itself, by name or index", () =>
    check(rule, `
      FROM node:22 AS build
      COPY --from=BUILD /a /b
      #           ^^^^^ error[DL3023]: COPY --from=BUILD refers to the stage it is in; a stage cannot copy from itself
      FROM node:22
      COPY --from=1 /a /b
      #           ^ error[DL3023]: COPY --from=1 refers to the stage it is in; a stage cannot copy from itself
    `));

  it("accepts copies from other stages", () =>
    check(rule, `
      FROM node:22 AS build
      FROM nginx:1.27 AS web
      COPY --from=build /a /b
      COPY --from=0 /a /b
    `));
});
