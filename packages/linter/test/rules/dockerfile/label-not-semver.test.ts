import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-not-semver.js";
import { check } from "../../helpers/check.js";

const options = { labelSchema: { version: "semver" } };

describe("DL3056 label-not-semver", () => {
  it("reports versions outside semver", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL version=v1.4.0
      #             ^^^^^^ warning[DL3056]: Label 'version' must be a semantic version, not 'v1.4.0'
      LABEL version=1.4
      #             ^^^ warning[DL3056]: Label 'version' must be a semantic version, not '1.4'
      LABEL version=01.2.3
      #             ^^^^^^ warning[DL3056]: Label 'version' must be a semantic version, not '01.2.3'
    `, { options }));

  it("accepts versions with pre-release and build parts", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL version=1.4.0
      LABEL version=2.0.0-rc.1+build.5
      ARG VERSION=3.1.4
      LABEL version=$VERSION
    `, { options }));
});
