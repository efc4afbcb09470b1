import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/duplicate-flag.js";
import { check } from "../../helpers/check.js";

describe("DF104 duplicate-flag", () => {
  it("reports the second occurrence of a flag", () =>
    check(rule, `
      FROM --platform=linux/amd64 --platform=linux/arm64 alpine:3.20 AS build
      #                           ^^^^^^^^^^^^^^^^^^^^^^ error[DF104]: '--platform' is given twice on this FROM
      COPY --chown=app --chown=root config /etc/app/
      #                ^^^^^^^^^^^^ error[DF104]: '--chown' is given twice on this COPY
      HEALTHCHECK --retries=3 --retries=4 CMD true
      #                       ^^^^^^^^^^^ error[DF104]: '--retries' is given twice on this HEALTHCHECK
      RUN --network=none --network=host true
      #                  ^^^^^^^^^^^^^^ error[DF104]: '--network' is given twice on this RUN
    `));

  it("accepts repeatable flags and flags on other instructions", () =>
    check(rule, `
      FROM alpine:3.20
      RUN --mount=type=cache,target=/a --mount=type=cache,target=/b --device=a --device=b true
      COPY --exclude=*.md --exclude=*.txt . /src/
      ENV --x=1 --x=2 A=b
    `));
});
