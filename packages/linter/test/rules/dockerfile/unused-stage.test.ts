import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/unused-stage.js";
import { check } from "../../helpers/check.js";

describe("DF202 unused-stage", () => {
  it("reports stages the last stage does not need, also chains of them", () =>
    check(rule, `
      FROM golang:1.23 AS tools
      #                   ^^^^^ info[DF202]: Stage 'tools' is not needed to build the last stage 'stage-3' (build it with --target, or remove it)
      FROM tools AS lint
      #             ^^^^ info[DF202]: Stage 'lint' is not needed to build the last stage 'stage-3' (build it with --target, or remove it)
      FROM golang:1.23 AS build
      FROM alpine:3.20
      COPY --from=build /out/app /usr/local/bin/app
    `));

  it("follows FROM, COPY --from by name or index, and mounts", () =>
    check(rule, `
      FROM golang:1.23 AS base
      FROM base AS deps
      FROM alpine:3.20 AS assets
      FROM deps AS build
      RUN --mount=from=assets,target=/assets true
      FROM alpine:3.20
      COPY --from=3 /out /app
    `));

  it("accepts stages listed as targets and what they need", () =>
    check(rule, `
      FROM node:22 AS deps
      FROM deps AS test
      FROM node:22 AS docs
      #               ^^^^ info[DF202]: Stage 'docs' is not needed to build the last stage 'stage-3' (build it with --target, or remove it)
      FROM node:22-alpine
    `, { options: { targets: ["Test"] } }));
});
