import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/stage-reference-variable.js";
import { check } from "../../helpers/check.js";

describe("DF118 stage-reference-variable", () => {
  it("reports a variable in COPY --from and in a mount's from=", () =>
    check(rule, `
      FROM alpine:3.20 AS build
      FROM alpine:3.20
      ARG SRC=build
      COPY --from=$SRC /out /out
      #           ^^^^ error[DF118]: COPY --from cannot use a variable: BuildKit refuses it before expanding anything; copy from a stage whose FROM names the source instead
      RUN --mount=from=\${SRC},target=/s true
      #                ^^^^^^ error[DF118]: RUN --mount from= cannot use a variable: BuildKit refuses it before expanding anything; mount a stage whose FROM names the source instead
    `));

  it("accepts names, indexes, images and a lone trailing $", () =>
    check(rule, `
      FROM alpine:3.20 AS build
      FROM alpine:3.20
      COPY --from=build /out /out
      COPY --from=0 /out /out2
      COPY --from=busybox:1.36 /bin/busybox /bb
      RUN --mount=from=build,target=/s true
    `));
});
