import { describe, expect, it } from "vitest";
import { defineRule } from "../src/rule.js";
import { md } from "../src/docs.js";
import { LintSession, lintSync } from "../src/lint.js";
import { ALL_RULES } from "../src/rules/all.js";
import duplicateNames from "../src/rules/compose/no-duplicate-container-names.js";
import unusedSuppression from "../src/rules/dockerfile/unused-suppression.js";
import { check } from "./helpers/check.js";

const docs = md`
  ## What it does
  Test rule.
`;

/** Reports every service image, so suppressions have something to act on. */
const imageRule = defineRule({
  code: "T100", name: "every-image", aliases: ["dclint-every-image"], kind: "compose", category: "style",
  severity: "info", enabledByDefault: true, docs,
  create: (ctx) => ({
    Service(service) {
      if (service.image) ctx.report(service.image, `image ${service.image.value}`);
    },
  }),
});

const buildsFrom = defineRule({
  code: "T101", name: "builds-from", kind: "compose", category: "correctness", severity: "warning", enabledByDefault: true, docs,
  create: (ctx) => ({
    Service(service) {
      const df = ctx.dockerfileOf(service);
      if (df) ctx.report(service.build!, `${df.path}: ${df.ast.instructions.length} instructions, stages ${df.semantic.stages.map((s) => s.displayName).join(",")}`);
    },
  }),
});

const throwing = defineRule({
  code: "T102", name: "throws-on-service", kind: "compose", category: "correctness", severity: "error", enabledByDefault: true, docs,
  create: () => ({
    Service() {
      throw new Error("boom");
    },
  }),
});

describe("compose suppression comments", () => {
  it("dclint disable-line: its own line, or the next one when alone", () =>
    check(imageRule, `
      services:
        a:
          image: a:1 # dclint disable-line every-image
        b:
          # dclint disable-line
          image: b:1
        c:
          image: c:1
      #          ^^^ info[T100]: image c:1
    `));

  it("dclint disable-next-line and names through aliases", () =>
    check(imageRule, `
      services:
        a:
          # dclint disable-next-line dclint-every-image
          image: a:1
        b:
          image: b:1
      #          ^^^ info[T100]: image b:1
    `));

  it("dclint disable on the first line covers the file", () => {
    check(imageRule, `
      # dclint disable every-image
      services:
        a:
          image: a:1
    `);
    check(imageRule, `
      # dclint disable-file
      services:
        a:
          image: a:1
    `);
  });

  it("dclint disable further down does nothing (as dclint)", () =>
    check(imageRule, `
      services:
        # dclint disable
        a:
          image: a:1
      #          ^^^ info[T100]: image a:1
    `));

  it("shipshape ignore covers the node below, nested lines included", () =>
    check(imageRule, `
      services:
        # shipshape ignore=T100 -- pinned elsewhere
        a:
          environment:
            - X=1
          image: a:1
        b:
          image: b:1
      #          ^^^ info[T100]: image b:1
    `));

  it("reports unused ones with unused-suppression", () =>
    check(unusedSuppression, `
      services:
        a:
          # shipshape ignore=T100
      #                      ^^^^ warning[SS001]: Suppression of 'T100' matches no diagnostic
          build: .
    `, { also: [imageRule], kind: "compose", path: "compose.yaml" }));
});

describe("compose engine", () => {
  it("reports the loader's errors as syntax rules and goes on", () => {
    const found = lintSync(
      { path: "compose.yaml", text: "services:\n  a:\n    image: a:1\n    bogus: 1\n" },
      { rules: [...ALL_RULES.filter((r) => r.category === "syntax"), imageRule], noConfigSearch: true },
    );
    expect(found.map((d) => [d.code, d.category])).toEqual([["T100", "style"], ["CF101", "syntax"]]);
  });

  it("turns a throwing rule into internal-error on the file", () => {
    const found = lintSync({ path: "compose.yaml", text: "services:\n  a:\n    image: a:1\n" }, { rules: [throwing, imageRule], noConfigSearch: true });
    // Reported at the service being visited; the other rule still ran.
    expect(found.map((d) => [d.code, d.message])).toEqual([
      ["internal-error", "Rule T102 (throws-on-service) failed: boom"],
      ["T100", "image a:1"],
    ]);
  });

  it("gives rules the Dockerfile a service builds, read through the reader", async () => {
    const files: Record<string, string> = {
      "/p/compose.yaml": "services:\n  api:\n    build:\n      context: ./api\n      dockerfile: Containerfile\n  web:\n    build: web\n  remote:\n    build: https://github.com/a/b.git\n",
      "/p/api/Containerfile": "FROM golang:1.23 AS build\nFROM alpine:3.20\n",
    };
    const session = new LintSession({ rules: [buildsFrom], noConfigSearch: true, readFile: (p) => files[p] });
    const out = await session.lintUnit([{ path: "/p/compose.yaml", text: files["/p/compose.yaml"]! }]);
    expect(out.map((d) => `${d.line} ${d.message}`)).toEqual(["4 /p/api/Containerfile: 2 instructions, stages build,stage-1"]);
  });

  it("lints several files as one project (override files)", async () => {
    const files: Record<string, string> = {
      "/p/compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    container_name: app\n",
      "/p/compose.override.yaml": "services:\n  worker:\n    image: busybox:1.36\n    container_name: app\n",
    };
    const session = new LintSession({ rules: [duplicateNames], noConfigSearch: true, readFile: (p) => files[p] });
    const out = await session.lintUnit(Object.entries(files).map(([path, text]) => ({ path, text })));
    expect(out.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual(["/p/compose.override.yaml:4 DC001"]);
  });
});

describe("a YAML cache kept across lints (as an editor keeps one)", () => {
  it("gives after each edit what a lint from scratch gives", async () => {
    const { YamlCache } = await import("@shipshape/compose");
    const yamlCache = new YamlCache();
    const lines = ["services:"];
    for (let i = 0; i < 20; i++) lines.push(`  svc${i}:`, `    image: app${i}:1`, "    networks: [back]", `    ports: ["${8000 + i}:80"]`);
    lines.push("networks:", "  back: {}");
    let text = lines.join("\n") + "\n";
    const edits: [string, string][] = [
      ["image: app3:1", "image: app3:12"],
      ['"8005:80"', '"8004:80"'], // a port clash with svc4
      ["networks: [back]\n    ports: [\"8007:80\"]", "networks: [front]\n    ports: [\"8007:80\"]"], // an undefined network
      ["image: app9:1", "image: app9:1\n    restart: sometimes"], // an invalid restart policy
      ["image: app3:12", "image: 'app3:12"], // a YAML error: a full parse
      ["image: 'app3:12", "image: app3:12"],
    ];
    const lint = (options: { yamlCache?: InstanceType<typeof YamlCache> }) =>
      lintSync({ path: "/p/compose.yaml", text }, { rules: ALL_RULES, ...options }).map((d) => `${d.code} ${d.range.start}-${d.range.end} ${d.message}`);
    lint({ yamlCache });
    for (const [from, to] of edits) {
      expect(text.includes(from), from).toBe(true);
      text = text.replace(from, to);
      expect(lint({ yamlCache }), to).toEqual(lint({}));
    }
    expect(yamlCache.splices).toBeGreaterThanOrEqual(4);
  });
});

