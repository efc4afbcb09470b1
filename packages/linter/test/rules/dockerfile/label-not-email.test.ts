import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-not-email.js";
import { check } from "../../helpers/check.js";

const options = { labelSchema: { contact: "email" } };

describe("DL3058 label-not-email", () => {
  it("reports values that are not addresses", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL contact="ops at example.com"
      #             ^^^^^^^^^^^^^^^^^^^^ warning[DL3058]: Label 'contact' must be a valid e-mail address, not 'ops at example.com'
      LABEL contact="Ops <ops@example.com>"
      #             ^^^^^^^^^^^^^^^^^^^^^^^ warning[DL3058]: Label 'contact' must be a valid e-mail address, not 'Ops <ops@example.com>'
    `, { options }));

  it("accepts addresses", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL contact=ops@example.com
      LABEL contact=first.last+tag@sub.example.co.uk
    `, { options }));
});
