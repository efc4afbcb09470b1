import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-healthcheck-option.js";
import { check } from "../../helpers/check.js";

describe("DF107 invalid-healthcheck-option", () => {
  it("reports durations Go cannot parse", () =>
    check(rule, `
      FROM nginx:1.27
      HEALTHCHECK --interval=30 --timeout=5sec --start-period=s CMD true
      #                      ^^ error[DF107]: '--interval=30' is not a duration (time: missing unit in duration "30"); write e.g. '30s' or '1m30s'
      #                                   ^^^^ error[DF107]: '--timeout=5sec' is not a duration (time: unknown unit "sec" in duration "5sec"); write e.g. '30s' or '1m30s'
      #                                                       ^ error[DF107]: '--start-period=s' is not a duration (time: invalid duration "s"); write e.g. '30s' or '1m30s'
      HEALTHCHECK --interval=500us --timeout=-1s CMD true
      #                      ^^^^^ error[DF107]: '--interval' must be 0 or at least 1ms
      #                                      ^^^ error[DF107]: '--timeout' cannot be negative
    `));

  it("reports retries that are not a whole number, or negative", () =>
    check(rule, `
      FROM nginx:1.27
      HEALTHCHECK --retries=three CMD true
      #                     ^^^^^ error[DF107]: '--retries' takes a whole number, not 'three'
      HEALTHCHECK --retries=-2 CMD true
      #                     ^^ error[DF107]: '--retries' cannot be negative (-2)
    `));

  it("accepts Go durations, zero and variables", () =>
    check(rule, `
      FROM nginx:1.27
      HEALTHCHECK --interval=1m30s --timeout=1.5s --start-period=0 --start-interval=250ms --retries=3 CMD true
      HEALTHCHECK --interval=1h --timeout=.5s --start-period=10us5ms CMD true
      HEALTHCHECK --interval=$INTERVAL --retries=0 CMD true
    `));
});
