import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-not-rfc3339.js";
import { check } from "../../helpers/check.js";

const options = { labelSchema: { created: "rfc3339" } };

describe("DL3053 label-not-rfc3339", () => {
  it("reports dates that are not RFC 3339 timestamps or not real", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL created=2026-11-22
      #             ^^^^^^^^^^ warning[DL3053]: Label 'created' must be an RFC 3339 timestamp, not '2026-11-22'
      LABEL created=2026-02-30T10:00:00Z
      #             ^^^^^^^^^^^^^^^^^^^^ warning[DL3053]: Label 'created' must be an RFC 3339 timestamp, not '2026-02-30T10:00:00Z'
      LABEL created="2026-11-22T25:00:00+01:00"
      #             ^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DL3053]: Label 'created' must be an RFC 3339 timestamp, not '2026-11-22T25:00:00+01:00'
    `, { options }));

  it("accepts timestamps with offsets, fractions and leap days", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL created=2026-11-22T18:30:00Z
      LABEL created=2024-02-29T23:59:60.123+05:30
      LABEL created=$BUILD_DATE
    `, { options }));
});
