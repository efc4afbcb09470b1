import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-platform.js";
import { check } from "../../helpers/check.js";

describe("DF119 invalid-platform", () => {
  it("reports a platform BuildKit cannot read, also once global ARGs are expanded", () =>
    check(rule, `
      ARG ARCH="amd 64"
      FROM --platform=linux/amd64/v3/extra alpine:3.20 AS tool
      #               ^^^^^^^^^^^^^^^^^^^^ error[DF119]: 'linux/amd64/v3/extra' is not a platform BuildKit can read: write os/arch[/variant], such as linux/arm64/v8
      FROM --platform=linux/\${ARCH} alpine:3.20 AS other
      #               ^^^^^^^^^^^^^ error[DF119]: 'linux/amd 64' (from linux/\${ARCH}) is not a platform BuildKit can read: write os/arch[/variant], such as linux/arm64/v8
    `));

  it("accepts platforms, architectures alone, BuildKit's platform args and values that need a build argument", () =>
    check(rule, `
      ARG TARGET
      FROM --platform=linux/arm64/v8 alpine:3.20 AS a
      FROM --platform=arm64 alpine:3.20 AS b
      FROM --platform=$BUILDPLATFORM golang:1.23 AS c
      FROM --platform=\${TARGET} alpine:3.20 AS d
      FROM --platform=windows/amd64 mcr.microsoft.com/windows/nanoserver:ltsc2022 AS e
    `));
});
