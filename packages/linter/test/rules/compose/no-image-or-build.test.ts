import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/no-image-or-build.js";
import { LintSession } from "../../../src/lint.js";
import { check } from "../../helpers/check.js";

describe("DC104 no-image-or-build", () => {
  it("reports the service name", () =>
    check(rule, `
      services:
        web:
      # ^^^ error[DC104]: Service 'web' has neither an image nor a build
          restart: always
        ok:
          build: .
        provided:
          provider:
            type: model
    `));

  it("accepts a service completed by extends", () =>
    check(rule, `
      services:
        base:
          image: busybox:1.36
        web:
          extends: base
    `));

  it("checks the merged project, so an override file may omit the image", async () => {
    const files: Record<string, string> = {
      "/p/compose.yaml": "services:\n  web:\n    image: nginx:1.27\n",
      "/p/compose.override.yaml": "services:\n  web:\n    restart: always\n  extra:\n    restart: always\n",
    };
    const session = new LintSession({ rules: [rule], noConfigSearch: true, readFile: (p) => files[p] });
    const out = await session.lintUnit(Object.entries(files).map(([path, text]) => ({ path, text })));
    expect(out.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(["/p/compose.override.yaml:4:3"]);
  });
});

describe("DC104 on overlay files", () => {
  it("stays silent for an incomplete file whose name is not a default compose name", async () => {
    const files: Record<string, string> = {
      "/p/compose.https.yaml": "services:\n  proxy:\n    labels: [a=b]\n",
      "/p/ci/compose.yaml": "services:\n  proxy:\n    labels: [a=b]\n",
    };
    const session = new LintSession({ rules: [rule], noConfigSearch: true, readFile: (p) => files[p] });
    const overlay = await session.lintUnit([{ path: "/p/compose.https.yaml", text: files["/p/compose.https.yaml"]! }]);
    const standalone = await session.lintUnit([{ path: "/p/ci/compose.yaml", text: files["/p/ci/compose.yaml"]! }]);
    expect(overlay).toEqual([]);
    expect(standalone.map((d) => d.code)).toEqual(["DC104"]);
  });
});

describe("DC104 next to a schema error", () => {
  it("leaves a service whose image or build has the wrong type, or that is not a mapping, to its schema error", () =>
    check(rule, `
      services:
        web:
          image: 123
        api: "nginx"
        db:
      # ^^ error[DC104]: Service 'db' has neither an image nor a build
          restart: always
    `));
});
