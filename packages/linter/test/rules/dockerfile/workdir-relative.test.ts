import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/workdir-relative.js";
import { check } from "../../helpers/check.js";

describe("DL3000 workdir-relative", () => {
  it("reports relative paths", () =>
    check(rule, `
      FROM alpine:3.20
      WORKDIR app
      #       ^^^ error[DL3000]: Use an absolute path for WORKDIR instead of 'app'
      WORKDIR ./src
      #       ^^^^^ error[DL3000]: Use an absolute path for WORKDIR instead of './src'
    `));

  it("accepts absolute, Windows, quoted and variable paths", () =>
    check(rule, `
      FROM alpine:3.20
      WORKDIR /app
      WORKDIR "/quoted path"
      WORKDIR C:\\\\app
      WORKDIR c:/app
      WORKDIR $HOME/app
      WORKDIR \${APP_DIR}
    `));
});
