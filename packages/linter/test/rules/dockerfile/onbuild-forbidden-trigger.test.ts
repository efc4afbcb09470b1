import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/onbuild-forbidden-trigger.js";
import { check } from "../../helpers/check.js";

describe("DL3043 onbuild-forbidden-trigger", () => {
  it("reports ONBUILD of ONBUILD, FROM and MAINTAINER", () =>
    check(rule, `
      FROM node:22
      ONBUILD ONBUILD RUN true
      #       ^^^^^^^ error[DL3043]: ONBUILD cannot be used as an ONBUILD trigger
      onbuild from alpine
      #       ^^^^ error[DL3043]: FROM cannot be used as an ONBUILD trigger
      ONBUILD MAINTAINER me
      #       ^^^^^^^^^^ error[DL3043]: MAINTAINER cannot be used as an ONBUILD trigger
    `));

  it("accepts other triggers", () =>
    check(rule, `
      FROM node:22
      ONBUILD COPY . /app
      ONBUILD RUN npm ci
    `));
});
