import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/no-version-field.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DC006 no-version-field", () => {
  it("reports the key", () =>
    check(rule, `
      version: "3.8"
      #^^^^^^ warning[DC006]: The 'version' key is obsolete; Compose ignores it
      services:
        web:
          image: nginx:1.27
    `));

  it("removes the line", () =>
    checkFix(rule, `
      services:
        web:
          image: nginx:1.27
      version: '2' # old
      volumes:
        data:
    `, `
      services:
        web:
          image: nginx:1.27
      volumes:
        data:
    `));
});
