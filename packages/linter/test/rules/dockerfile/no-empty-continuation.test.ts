import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/no-empty-continuation.js";
import { check, checkFix } from "../../helpers/check.js";

describe("NoEmptyContinuation no-empty-continuation", () => {
  it("reports an instruction with blank continuation lines once, at the first", () =>
    check(rule, `
      FROM alpine:3.20
      RUN apk add \\

      # warning[NoEmptyContinuation]: RUN has 2 empty continuation lines; remove it before the build starts rejecting it
          curl \\

          git
    `));

  it("accepts comment lines inside the instruction, and blank lines between instructions", () =>
    check(rule, `
      FROM alpine:3.20
      RUN apk add \\
      # a comment
          curl

      RUN true
    `));

  it("deletes the blank lines, white space included", () =>
    checkFix(rule, "FROM alpine:3.20\nRUN apk add \\\n   \n    curl \\\n\n    git", "FROM alpine:3.20\nRUN apk add \\\n    curl \\\n    git"));
});
