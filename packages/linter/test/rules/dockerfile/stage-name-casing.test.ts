import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/stage-name-casing.js";
import { check, checkFix } from "../../helpers/check.js";

describe("StageNameCasing stage-name-casing", () => {
  it("reports stage names that are not lowercase", () =>
    check(rule, `
      FROM golang:1.23 AS Builder
      #                   ^^^^^^^ warning[StageNameCasing]: Stage name 'Builder' should be lowercase
      FROM alpine:3.20 AS runtime
      FROM alpine:3.20 AS run-2.x
    `));

  it("leaves a FROM with extra words to the parser", () =>
    check(rule, `
      FROM alpine:3.20 AS Base extra
    `));

  it("renames the stage and its references", () =>
    checkFix(rule, `
      FROM golang:1.23 AS Builder
      RUN go build -o /out/app .
      FROM Builder AS test
      RUN --mount=type=cache,from=BUILDER,target=/cache true
      FROM alpine:3.20
      COPY --from=builder /out/app /app
    `, `
      FROM golang:1.23 AS builder
      RUN go build -o /out/app .
      FROM builder AS test
      RUN --mount=type=cache,from=builder,target=/cache true
      FROM alpine:3.20
      COPY --from=builder /out/app /app
    `));
});
