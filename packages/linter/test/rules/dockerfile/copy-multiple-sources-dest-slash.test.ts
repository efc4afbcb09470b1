import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/copy-multiple-sources-dest-slash.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3021 copy-multiple-sources-dest-slash", () => {
  it("reports a destination without trailing slash for several sources", () =>
    check(rule, `
      FROM node:22
      COPY a b /app
      #        ^^^^ error[DL3021]: COPY with 2 sources needs a directory destination ending in '/': write '/app/'
      COPY ["a", "b", "c", "/app"]
      #                    ^^^^^^ error[DL3021]: COPY with 3 sources needs a directory destination ending in '/': write '/app/'
      ADD x.tgz y.tgz /opt
      #               ^^^^ error[DL3021]: ADD with 2 sources needs a directory destination ending in '/': write '/opt/'
    `));

  it("accepts one source, a trailing slash, and variables", () =>
    check(rule, `
      FROM node:22
      COPY a /app
      COPY a b /app/
      COPY a b "/app/"
      COPY a b \${DEST}
      COPY go.mod go.sum .
      COPY a b ..
      COPY a b src/.
    `));

  it("adds the slash, inside quotes when quoted", () =>
    checkFix(rule, `
      FROM node:22
      COPY a b /app
      COPY ["a", "b", "/app"]
      COPY a b "/app"
    `, `
      FROM node:22
      COPY a b /app/
      COPY ["a", "b", "/app/"]
      COPY a b "/app/"
    `));
});
