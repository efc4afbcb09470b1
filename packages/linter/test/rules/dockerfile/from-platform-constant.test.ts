import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/from-platform-constant.js";
import { check } from "../../helpers/check.js";

describe("DL3029 from-platform-constant", () => {
  it("reports a constant platform", () =>
    check(rule, `
      FROM --platform=linux/amd64 node:22
      #               ^^^^^^^^^^^ warning[DL3029]: The platform 'linux/amd64' is fixed: this stage ignores the platform the build asks for
      FROM --platform=linux/arm64/v8 node:22 AS app
      #               ^^^^^^^^^^^^^^ warning[DL3029]: The platform 'linux/arm64/v8' is fixed: this stage ignores the platform the build asks for
    `));

  it("accepts variables, no flag, and stages named for their platform", () =>
    check(rule, `
      FROM --platform=$BUILDPLATFORM golang:1.23 AS build
      FROM --platform=linux/\${TARGETARCH} alpine:3.20
      FROM --platform=linux/arm64 alpine:3.20 AS tools-arm64
      FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS windows-base
      FROM node:22
    `));

  it("answers to FromPlatformFlagConstDisallowed in check=skip", () =>
    check(rule, `
      # check=skip=FromPlatformFlagConstDisallowed
      FROM --platform=linux/amd64 node:22
    `));
});
