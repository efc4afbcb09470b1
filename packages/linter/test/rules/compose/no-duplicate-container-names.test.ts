import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/no-duplicate-container-names.js";
import { LintSession } from "../../../src/lint.js";
import { check } from "../../helpers/check.js";

describe("DC001 no-duplicate-container-names", () => {
  it("reports the later service using a name", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          container_name: app
        worker:
          image: busybox:1.36
          container_name: app
      #                   ^^^ error[DC001]: Service 'worker' uses the container name 'app' of service 'web'
        other:
          image: busybox:1.36
          container_name: other
    `));

  it("is known by dclint's name in dclint comments", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          container_name: app
        worker:
          image: busybox:1.36
          # dclint disable-line no-duplicate-container-names
          container_name: app
    `));

  it("checks the merged project, across files", async () => {
    const files: Record<string, string> = {
      "/p/compose.yaml": "include:\n  - other.yaml\nservices:\n  web:\n    image: nginx:1.27\n    container_name: app\n",
      "/p/other.yaml": "services:\n  db:\n    image: postgres:17\n    container_name: app\n",
    };
    const session = new LintSession({ rules: [rule], noConfigSearch: true, readFile: (p) => files[p] });
    const out = await session.lintUnit([{ path: "/p/compose.yaml", text: files["/p/compose.yaml"]! }]);
    expect(out.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual(["/p/other.yaml:4:21 DC001"]);
  });
});
