import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/redundant-target-platform.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3065 redundant-target-platform", () => {
  it("reports --platform=$TARGETPLATFORM in both spellings", () =>
    check(rule, `
      FROM --platform=$TARGETPLATFORM alpine:3.20
      #    ^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DL3065]: --platform=$TARGETPLATFORM is redundant: stages are built for the target platform by default
      FROM --platform=\${TARGETPLATFORM} alpine:3.20 AS b
      #    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DL3065]: --platform=$TARGETPLATFORM is redundant: stages are built for the target platform by default
    `));

  it("accepts other platforms", () =>
    check(rule, `
      FROM --platform=$BUILDPLATFORM alpine:3.20
      FROM --platform=linux/\${TARGETARCH} alpine:3.20
      FROM --platform=\${TARGETPLATFORM:-linux/amd64} alpine:3.20
    `));

  it("removes the flag", () =>
    checkFix(rule, `
      FROM --platform=$TARGETPLATFORM   alpine:3.20 AS a
      FROM --platform=\${TARGETPLATFORM} \\
        alpine:3.20
    `, `
      FROM alpine:3.20 AS a
      FROM alpine:3.20
    `));

  it("offers no fix when a global ARG gives TARGETPLATFORM a default", () =>
    checkFix(rule, `
      ARG TARGETPLATFORM=linux/arm64
      FROM --platform=$TARGETPLATFORM alpine:3.20
    `, `
      ARG TARGETPLATFORM=linux/arm64
      FROM --platform=$TARGETPLATFORM alpine:3.20
    `));
});
