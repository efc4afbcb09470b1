import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-stopsignal.js";
import { check } from "../../helpers/check.js";

describe("DF108 invalid-stopsignal", () => {
  it("reports unknown names, zero and extra words", () =>
    check(rule, `
      FROM nginx:1.27
      STOPSIGNAL SIGTERMINATE
      #          ^^^^^^^^^^^^ error[DF108]: 'SIGTERMINATE' is not a signal STOPSIGNAL accepts (e.g. SIGTERM, SIGQUIT, 9)
      STOPSIGNAL 0
      #          ^ error[DF108]: '0' is not a signal STOPSIGNAL accepts (e.g. SIGTERM, SIGQUIT, 9)
      STOPSIGNAL SIGTERM SIGKILL
      #          ^^^^^^^^^^^^^^^ error[DF108]: 'SIGTERM SIGKILL' is not a signal STOPSIGNAL accepts (e.g. SIGTERM, SIGQUIT, 9)
    `));

  it("accepts what signal.ParseSignal accepts", () =>
    check(rule, `
      FROM nginx:1.27
      STOPSIGNAL SIGQUIT
      STOPSIGNAL term
      STOPSIGNAL 9
      STOPSIGNAL SIGRTMIN+3
      STOPSIGNAL $STOP
    `));
});
