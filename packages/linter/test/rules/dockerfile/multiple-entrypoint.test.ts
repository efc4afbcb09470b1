import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/multiple-entrypoint.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL4004 multiple-entrypoint", () => {
  it("reports the overridden ENTRYPOINT, not the last", () =>
    check(rule, `
      FROM alpine:3.20 AS app
      ENTRYPOINT ["a"]
      #^^^^^^^^^ error[DL4004]: This ENTRYPOINT has no effect: the ENTRYPOINT on line 3 replaces it (only the last ENTRYPOINT of stage 'app' counts)
      ENTRYPOINT b
      FROM alpine:3.20
      ENTRYPOINT ["c"]
    `));

  it("removes the ignored one (unsafe)", () =>
    checkFix(rule, `
      FROM alpine:3.20
      ENTRYPOINT ["a"]
      ENTRYPOINT ["b"]
    `, `
      FROM alpine:3.20
      ENTRYPOINT ["b"]
    `, { unsafe: true }));
});
