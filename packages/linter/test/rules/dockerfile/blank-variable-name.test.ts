import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/blank-variable-name.js";
import { check } from "../../helpers/check.js";

describe("DF113 blank-variable-name", () => {
  it("reports pairs with an empty name", () =>
    check(rule, `
      FROM node:22-alpine
      ENV NODE_ENV=production PORT =3000
      #                            ^^^^^ error[DF113]: ENV has a value without a name before '='
      LABEL a=b ="x"
      #         ^^^^ error[DF113]: LABEL has a value without a name before '='
    `));

  it("accepts named pairs, empty values and the legacy form", () =>
    check(rule, `
      FROM node:22-alpine
      ENV NODE_ENV=production EMPTY=
      ENV LEGACY value with spaces
      ENV NODE_ENV =production
      LABEL "quoted key"=1
    `));
});
