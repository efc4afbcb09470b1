import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/flag-missing-value.js";
import { check } from "../../helpers/check.js";

describe("DF105 flag-missing-value", () => {
  it("reports value flags written without =value", () =>
    check(rule, `
      FROM --platform alpine:3.20 AS build
      #    ^^^^^^^^^^ error[DF105]: '--platform' needs a value: write '--platform=<value>'
      COPY --from build /out /app
      #    ^^^^^^ error[DF105]: '--from' needs a value: write '--from=<value>'
      RUN --mount true
      #   ^^^^^^^ error[DF105]: '--mount' needs a value: write '--mount=<value>'
      HEALTHCHECK --interval CMD true
      #           ^^^^^^^^^^ error[DF105]: '--interval' needs a value: write '--interval=<value>'
    `));

  it("accepts boolean flags alone and flags with values", () =>
    check(rule, `
      FROM alpine:3.20 AS build
      COPY --link --parents --from=build /out /app/
      ADD --keep-git-dir --unpack https://example.com/a.tar.gz /src/
      ENV --x A=b
    `));
});
