import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/multiple-healthcheck.js";
import { check } from "../../helpers/check.js";

describe("DL3012 multiple-healthcheck", () => {
  it("reports the overridden HEALTHCHECK, NONE included", () =>
    check(rule, `
      FROM nginx:1.27
      HEALTHCHECK NONE
      #^^^^^^^^^^ error[DL3012]: This HEALTHCHECK has no effect: the HEALTHCHECK on line 3 replaces it (only the last HEALTHCHECK of this stage counts)
      HEALTHCHECK CMD curl -f http://localhost/
    `));

  it("accepts one per stage and ONBUILD ones", () =>
    check(rule, `
      FROM nginx:1.27 AS a
      HEALTHCHECK CMD true
      ONBUILD HEALTHCHECK CMD false
      FROM a
      HEALTHCHECK CMD true
    `));
});
