import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-not-spdx.js";
import { check } from "../../helpers/check.js";

const options = { labelSchema: { license: "spdx" } };

describe("DL3054 label-not-spdx", () => {
  it("reports values that are no SPDX identifier or expression", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL license="Apache 2"
      #             ^^^^^^^^^^ warning[DL3054]: Label 'license' must be an SPDX license identifier or expression, not 'Apache 2'
      LABEL license=mit
      #             ^^^ warning[DL3054]: Label 'license' must be an SPDX license identifier or expression, not 'mit'
      LABEL license="MIT OR"
      #             ^^^^^^^^ warning[DL3054]: Label 'license' must be an SPDX license identifier or expression, not 'MIT OR'
    `, { options }));

  it("accepts identifiers, expressions and LicenseRef", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL license=Apache-2.0
      LABEL license="(MIT OR Apache-2.0) AND GPL-2.0-only WITH Classpath-exception-2.0"
      LABEL license=LicenseRef-acme-proprietary
      LABEL license=GPL-2.0+
    `, { options }));
});
