import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/flag-not-boolean.js";
import { check } from "../../helpers/check.js";

describe("DF106 flag-not-boolean", () => {
  it("reports boolean flags with other values", () =>
    check(rule, `
      FROM alpine:3.20
      COPY --link=yes app /app
      #           ^^^ error[DF106]: '--link' takes true or false, not 'yes'
      COPY --parents=1 a/b /app/
      #              ^ error[DF106]: '--parents' takes true or false, not '1'
      ADD --keep-git-dir=on https://github.com/moby/buildkit.git#v0.14.0 /src
      #                  ^^ error[DF106]: '--keep-git-dir' takes true or false, not 'on'
    `));

  it("accepts true and false in any case, and the bare flag", () =>
    check(rule, `
      FROM alpine:3.20
      COPY --link app /app
      COPY --link=TRUE --parents=false app /app/
      ADD --unpack=False a.tar /x/
      COPY --from=yes a /b
    `));
});
