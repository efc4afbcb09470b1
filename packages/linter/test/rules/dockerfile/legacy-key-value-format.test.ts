import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/legacy-key-value-format.js";
import { check, checkFix } from "../../helpers/check.js";

describe("LegacyKeyValueFormat legacy-key-value-format", () => {
  it("reports ENV and LABEL without '='", () =>
    check(rule, `
      FROM alpine:3.20
      ENV APP_HOME /opt/app
      #   ^^^^^^^^ warning[LegacyKeyValueFormat]: Write 'ENV APP_HOME=...' instead of the legacy 'ENV APP_HOME ...' form
      label description A small tool
      #     ^^^^^^^^^^^ warning[LegacyKeyValueFormat]: Write 'LABEL description=...' instead of the legacy 'LABEL description ...' form
    `));

  it("accepts key=value pairs", () =>
    check(rule, `
      FROM alpine:3.20
      ENV A=1 B="two words"
      LABEL a=b
    `));

  it("joins with '=' and quotes values with spaces", () =>
    checkFix(rule, `
      FROM alpine:3.20
      ENV APP_HOME /opt/app
      ENV GREETING hello   world
      ENV QUOTED "a b"
      LABEL description A small tool
      ENV P $HOME/bin
    `, `
      FROM alpine:3.20
      ENV APP_HOME=/opt/app
      ENV GREETING="hello   world"
      ENV QUOTED="a b"
      LABEL description="A small tool"
      ENV P=$HOME/bin
    `));

  it("offers no fix where quoting would change the value", () =>
    checkFix(rule, `
      FROM alpine:3.20
      ENV MIXED a "b c"
      ENV ESCAPED a\\ b c
    `, `
      FROM alpine:3.20
      ENV MIXED a "b c"
      ENV ESCAPED a\\ b c
    `));
});
