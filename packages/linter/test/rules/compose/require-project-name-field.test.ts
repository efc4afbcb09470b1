import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/require-project-name-field.js";
import { LintSession } from "../../../src/lint.js";
import { check } from "../../helpers/check.js";

describe("DC007 require-project-name-field", () => {
  it("reports a project without a name", () =>
    check(rule, `
      services:
      # warning[DC007]: The project has no top-level 'name'; it will be named after its folder
        web:
          image: nginx:1.27
    `));

  it("accepts a name", () =>
    check(rule, `
      name: shop
      services:
        web:
          image: nginx:1.27
    `));

  it("accepts a name from an override file", async () => {
    const files: Record<string, string> = {
      "/p/compose.yaml": "services:\n  web:\n    image: nginx:1.27\n",
      "/p/compose.override.yaml": "name: shop\n",
    };
    const session = new LintSession({ rules: [rule], noConfigSearch: true, readFile: (p) => files[p] });
    const out = await session.lintUnit(Object.entries(files).map(([path, text]) => ({ path, text })));
    expect(out).toEqual([]);
  });
});
