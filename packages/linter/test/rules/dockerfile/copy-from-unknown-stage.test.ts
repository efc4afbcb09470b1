import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/copy-from-unknown-stage.js";
import { check } from "../../helpers/check.js";

describe("DL3022 copy-from-unknown-stage", () => {
  it("reports names that are no earlier stage, and indexes out of range", () =>
    check(rule, `
      FROM golang:1.23 AS build
      FROM alpine:3.20
      COPY --from=biuld /a /a
      #           ^^^^^ warning[DL3022]: 'biuld' is not the name of an earlier stage: unless the build is given a context of that name (--build-context), it pulls the image 'biuld:latest'
      COPY --from=5 /a /a
      #           ^ warning[DL3022]: There is no stage 5 before this one
      COPY --from=later /a /a
      #           ^^^^^ warning[DL3022]: 'later' is a stage defined later (line 6): COPY --from can only use earlier stages
      FROM alpine:3.20 AS later
    `));

  it("accepts earlier stages by name (any case) or index, images with tags or digests, variables", () =>
    check(rule, `
      FROM golang:1.23 AS Build
      FROM alpine:3.20
      COPY --from=build /a /a
      COPY --from=0 /a /a
      COPY --from=nginx:1.27 /a /a
      COPY --from=alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef /a /a
      COPY --from=\${STAGE} /a /a
      COPY /a /a
    `));

  it("leaves a stage copying from itself to DL3023", () =>
    check(rule, `
      FROM alpine:3.20 AS self
      COPY --from=self /a /a
    `));
});
