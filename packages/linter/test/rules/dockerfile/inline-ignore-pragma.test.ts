import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/inline-ignore-pragma.js";
import { check } from "../../helpers/check.js";

describe("DL1001 inline-ignore-pragma", () => {
  it("reports inline hadolint ignores", () =>
    check(rule, `
      FROM debian:12
      # hadolint ignore=DL3008,DL3015
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ info[DL1001]: Inline suppression pragma: record this exception in the configuration file instead
      RUN apt-get install -y curl
      #hadolint ignore = DL3059
      #^^^^^^^^^^^^^^^^^^^^^^^^ info[DL1001]: Inline suppression pragma: record this exception in the configuration file instead
      RUN true
    `));

  it("accepts global and stage ignores, shell hints and ordinary comments", () =>
    check(rule, `
      # hadolint global ignore=DL3008
      # hadolint shell=bash
      FROM debian:12
      # hadolint stage ignore=DL3015
      # ignore this: hadolint ignore=DL3008 is only a pragma at the start
      RUN true
    `));
});
