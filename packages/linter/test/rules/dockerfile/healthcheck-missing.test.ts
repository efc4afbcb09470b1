import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/healthcheck-missing.js";
import { check } from "../../helpers/check.js";

describe("DL3057 healthcheck-missing", () => {
  it("reports image stages without HEALTHCHECK", () =>
    check(rule, `
      FROM golang:1.23 AS build
      FROM nginx:1.27 AS web
      #^^^ info[DL3057]: Stage 'web' has no HEALTHCHECK
      COPY --from=build /a /a
    `));

  it("accepts a HEALTHCHECK of the stage or a stage it builds on, NONE included", () =>
    check(rule, `
      FROM nginx:1.27 AS base
      HEALTHCHECK CMD curl -f http://localhost/
      FROM base
      FROM alpine:3.20
      HEALTHCHECK NONE
    `));

  it("does not count an ONBUILD HEALTHCHECK", () =>
    check(rule, `
      FROM nginx:1.27
      #^^^ info[DL3057]: This image has no HEALTHCHECK
      ONBUILD HEALTHCHECK CMD true
    `));
});
