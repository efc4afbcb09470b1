import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-not-git-hash.js";
import { check } from "../../helpers/check.js";

const options = { labelSchema: { revision: "hash" } };

describe("DL3055 label-not-git-hash", () => {
  it("reports values that are not short or full commit hashes", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL revision=main
      #              ^^^^ warning[DL3055]: Label 'revision' must be a git commit hash (7 or 40 lowercase hex digits), not 'main'
      LABEL revision=3F2A9C1
      #              ^^^^^^^ warning[DL3055]: Label 'revision' must be a git commit hash (7 or 40 lowercase hex digits), not '3F2A9C1'
      LABEL revision=3f2a9c1d
      #              ^^^^^^^^ warning[DL3055]: Label 'revision' must be a git commit hash (7 or 40 lowercase hex digits), not '3f2a9c1d'
    `, { options }));

  it("accepts 7 and 40 digit hashes", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL revision=3f2a9c1
      LABEL revision=3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d3f2a9c1d
    `, { options }));
});
