import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/unused-arg.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DF201 unused-arg", () => {
  it("reports global ARGs no FROM uses and no stage re-declares", () =>
    check(rule, `
      ARG NODE_VERSION=22
      #   ^^^^^^^^^^^^ warning[DF201]: Global ARG 'NODE_VERSION' is never used: no FROM refers to it and no stage re-declares it
      ARG BASE=alpine
      ARG APP_ENV
      FROM node:20-\${BASE}
      ARG APP_ENV
      RUN echo "$APP_ENV"
    `));

  it("reports stage ARGs that nothing reads, but not those a RUN can see", () =>
    check(rule, `
      FROM alpine:3.20
      ARG VERSION=1.0
      #   ^^^^^^^ warning[DF201]: ARG 'VERSION' is never used in stage 'stage-0'
      COPY app /app
      FROM alpine:3.20 AS build
      ARG DEBIAN_FRONTEND=noninteractive
      RUN apk add --no-cache curl
      ARG TARGETARCH
    `));

  it("counts uses in stages built on the declaring one", () =>
    check(rule, `
      FROM alpine:3.20 AS base
      ARG APP_DIR=/srv/app
      FROM base
      WORKDIR \${APP_DIR}
    `));

  it("does not judge stage ARGs when a FROM picks its base by a variable", () =>
    check(rule, `
      FROM alpine:3.20 AS windows
      ARG GATEWAY
      FROM alpine:3.20 AS linux
      FROM \${TARGETOS} AS target
      RUN true
    `));

  it("removes the ARG line", () =>
    checkFix(rule, `
      ARG UNUSED=1
      FROM alpine:3.20
      COPY app /app
    `, `
      FROM alpine:3.20
      COPY app /app
    `, { unsafe: true }));
});
