import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-empty.js";
import { check } from "../../helpers/check.js";

const options = { labelSchema: { revision: "hash", owner: "text" } };

describe("DL3051 label-empty", () => {
  it("reports empty schema labels, also through an empty ARG default", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL revision="" owner='' other=""
      #              ^^ warning[DL3051]: The label 'revision' is empty
      #                       ^^ warning[DL3051]: The label 'owner' is empty
      ARG REV=
      LABEL revision=$REV
      #              ^^^^ warning[DL3051]: The label 'revision' is empty
    `, { options }));

  it("accepts values and unknown variables", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL revision=abc1234 owner="ops team"
      LABEL revision=$GIT_SHA
    `, { options }));
});
