import { describe, expect, it } from "vitest";
import { lint, lintSync } from "../src/lint.js";
import { fixFile } from "../src/fix.js";
import { defineRule } from "../src/rule.js";
import { md } from "../src/docs.js";
import { explainRule, listRules, resolveRule } from "../src/rule-info.js";
import { ALL_RULES } from "../src/rules/all.js";
import latestTag from "../src/rules/dockerfile/latest-tag.js";
import fromAsCasing from "../src/rules/dockerfile/from-as-casing.js";
import stageNameCasing from "../src/rules/dockerfile/stage-name-casing.js";
import { SYNTAX_RULES } from "../src/rules/syntax.js";

/** A fixed set, so rules added later do not change these results. */
const RULES = [latestTag, fromAsCasing, stageNameCasing, ...SYNTAX_RULES];

const docs = md`
  ## What it does
  Test rule.
`;

const throwing = defineRule({
  code: "T001", name: "throws", kind: "dockerfile", category: "correctness", severity: "error", enabledByDefault: true, docs,
  create: () => ({
    Run() {
      throw new Error("boom");
    },
  }),
});

describe("lint()", () => {
  it("returns the JSON shape: 1-based UTF-16 columns, end exclusive, fix edits converted, sorted", async () => {
    const text = "FROM alpine:3.20 AS Build\nFROM debian:latest\n";
    const out = await lint([{ path: "b/Dockerfile", text }, { path: "a/Dockerfile", text: "FROM x:latest\n" }], {
      rules: RULES,
      noConfigSearch: true,
    });
    expect(out.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      "a/Dockerfile:1:8 DL3007",
      "b/Dockerfile:1:21 StageNameCasing",
      "b/Dockerfile:2:13 DL3007",
    ]);
    expect(out[2]).toMatchObject({ line: 2, column: 13, endLine: 2, endColumn: 19, rule: "latest-tag", aliases: [], severity: "warning" });
    expect(out[1]!.fix).toEqual({
      title: "Rename the stage to 'build'",
      safe: true,
      edits: [{ line: 1, column: 21, endLine: 1, endColumn: 26, text: "build" }],
    });
  });

  it("turns a throwing rule into one internal-error and keeps the others", async () => {
    const out = await lint([{ path: "Dockerfile", text: "FROM a:latest\nRUN x\nRUN y\n" }], {
      rules: [throwing, latestTag],
      noConfigSearch: true,
    });
    expect(out.map((d) => [d.code, d.line])).toEqual([["DL3007", 1], ["internal-error", 2]]);
    expect(out[1]!.message).toBe("Rule T001 (throws) failed: boom");
  });

  it("reads .shipshape.yaml found upward through the injected reader, and reports its problems", async () => {
    const files: Record<string, string> = {
      "/repo/.shipshape.yaml": "ignore: [latest-tag]\nseverity:\n  StageNameCasing: error\nbogus: 1\n",
      "/repo/.hadolint.yaml": "ignored: [StageNameCasing]\n",
    };
    const out = await lint([{ path: "/repo/app/Dockerfile", text: "FROM a:latest AS B\n" }], {
      rules: RULES,
      readFile: (p) => files[p],
    });
    expect(out.map((d) => [d.file, d.code, d.severity, d.message])).toEqual([
      ["/repo/.shipshape.yaml", "invalid-config", "warning", "Unknown configuration key 'bogus'"],
      ["/repo/app/Dockerfile", "StageNameCasing", "error", "Stage name 'B' should be lowercase"],
    ]);
  });

  it("falls back to .hadolint.yaml with hadolint's keys", async () => {
    const files: Record<string, string> = {
      "/repo/.hadolint.yaml": "ignored:\n  - DL3007\noverride:\n  style: [StageNameCasing]\n  info: [StageNameCasing]\nfailure-threshold: warning\n",
    };
    const out = await lint([{ path: "/repo/Dockerfile", text: "FROM a:latest AS B\n" }], {
      rules: RULES,
      readFile: (p) => files[p],
    });
    expect(out.map((d) => [d.code, d.severity])).toEqual([["StageNameCasing", "info"]]);
  });

  it("lets options win over the config file", async () => {
    const files: Record<string, string> = { "/r/.shipshape.yaml": "ignore: [DL3007]\n" };
    const out = await lint([{ path: "/r/Dockerfile", text: "FROM a:latest\n" }], {
      rules: RULES,
      readFile: (p) => files[p],
      select: ["latest-tag"],
      severity: { DL3007: "style" },
    });
    // ignore lists merge (as hadolint), so the rule stays off even though it is selected
    expect(out).toEqual([]);
  });

  it("reports a binary Dockerfile once (DF011, at its first NUL) and runs no rule on it, in lint and lintSync", async () => {
    const text = "FROM x:latest\nRUN a\u0000b\nFROM Y AS Build\n";
    const out = await lint([{ path: "Dockerfile", text }], { rules: [...RULES, throwing], noConfigSearch: true });
    expect(out.map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.code} ${d.severity}`)).toEqual(["2:6-7 DF011 error"]);
    expect(lintSync({ path: "Dockerfile", text }, { rules: RULES }).map((d) => d.code)).toEqual(["DF011"]);
    // Its selection and severity are a rule's, like any parse error.
    expect(lintSync({ path: "Dockerfile", text }, { rules: RULES, ignore: ["DF011"] })).toEqual([]);
    expect(lintSync({ path: "Dockerfile", text }, { rules: RULES, severity: { DF011: "warning" } }).map((d) => d.severity)).toEqual(["warning"]);
    // A host's parse of the binary text is not used, nor its semantic model.
    const { parseDockerfile } = await import("@shipshape/dockerfile");
    expect(lintSync({ path: "Dockerfile", text, parsed: parseDockerfile(text) }, { rules: RULES }).map((d) => d.code)).toEqual(["DF011"]);
    // Past the first 8,000 characters a NUL does not make the file binary (git's test): it is linted.
    const late = `FROM x:latest\n# ${"-".repeat(8000)}\u0000\n`;
    expect(lintSync({ path: "Dockerfile", text: late }, { rules: RULES }).map((d) => d.code)).toEqual(["DL3007"]);
  });

  it("reports bad values with their position in the config file", async () => {
    const files: Record<string, string> = { "/r/.shipshape.yaml": "severity:\n  DL3007: loud\nfailure-threshold: 3\n" };
    const out = await lint([{ path: "/r/Dockerfile", text: "FROM a:1\n" }], { rules: RULES, readFile: (p) => files[p] });
    expect(out.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "2:11 Expected error, warning, info, style or off",
      "3:20 Expected error, warning, info, style or none",
    ]);
  });
});

describe("compose projects through an asynchronous reader", () => {
  it("reads includes nested far deeper than a few levels, and reports only the file that is really missing", async () => {
    // c0 includes c1, which includes c2, ... c39 includes a file that does not exist.
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`/p/c${i}.yaml`] = `include:\n  - ${i < 39 ? `c${i + 1}` : "missing"}.yaml\nservices:\n  s${i}:\n    image: x:1\n`;
    const reads: string[] = [];
    const out = await lint([{ path: "/p/c0.yaml", text: files["/p/c0.yaml"]!, kind: "compose" }], {
      readFile: async (p) => {
        reads.push(p);
        return files[p];
      },
      noConfigSearch: true,
    });
    expect(out.filter((d) => d.code === "CF011").map((d) => [d.file, d.line, d.message])).toEqual([["/p/c39.yaml", 2, "Can't read Compose file /p/missing.yaml"]]);
    // Each file read once, and nothing else but the project's .env.
    expect(reads.filter((p) => p !== "/p/.env").sort()).toEqual([...Object.keys(files).filter((f) => f !== "/p/c0.yaml"), "/p/missing.yaml"].sort());
  });
});

describe("selection", () => {
  const text = "FROM a:latest as B\n";
  const codes = (config: Parameters<typeof lintSync>[1]) =>
    lintSync({ path: "Dockerfile", text }, { rules: RULES, noConfigSearch: true, ...config }).map((d) => d.code);

  it("runs the default set", () => expect(codes({})).toEqual(["DL3007", "FromAsCasing", "StageNameCasing"]));
  it("select replaces it, by code, name or alias", () =>
    expect(codes({ select: ["latest-tag", "fromascasing"] })).toEqual(["DL3007", "FromAsCasing"]));
  it("extendSelect adds rules that are off by default", () => {
    const off = defineRule({ ...latestTag, code: "T002", name: "off-latest", enabledByDefault: false, aliases: [] });
    expect(lintSync({ path: "Dockerfile", text }, { rules: [off], noConfigSearch: true })).toEqual([]);
    expect(lintSync({ path: "Dockerfile", text }, { rules: [off], extendSelect: ["off-latest"], noConfigSearch: true }).map((d) => d.code)).toEqual(["T002"]);
  });
  it("select all takes every rule", () => {
    const off = defineRule({ ...latestTag, code: "T004", name: "off-latest-2", enabledByDefault: false, aliases: [] });
    expect(lintSync({ path: "Dockerfile", text }, { rules: [...RULES, off], select: ["ALL"], noConfigSearch: true }).map((d) => d.code))
      .toEqual(["DL3007", "T004", "FromAsCasing", "StageNameCasing"]);
  });
  it("ignore and severity off drop rules", () =>
    expect(codes({ ignore: ["DL3007"], severity: { StageNameCasing: "off" } })).toEqual(["FromAsCasing"]));
  it("rule options come from the rule entry or the top level", () => {
    const withOption = defineRule({
      code: "T003", name: "registry", kind: "dockerfile", category: "security", severity: "warning",
      enabledByDefault: false, enabledByOptions: true, docs,
      options: { trustedRegistries: { type: "string[]", description: "Registries to allow." } },
      create: (ctx) => ({
        From(node) {
          ctx.report(node, `trusted: ${(ctx.options.trustedRegistries ?? []).join(",")}`);
        },
      }),
    });
    const run = (config: object) =>
      lintSync({ path: "Dockerfile", text }, { rules: [withOption], noConfigSearch: true, config }).map((d) => d.message);
    expect(run({})).toEqual([]);
    expect(run({ sharedOptions: { trustedRegistries: ["a.io"] } })).toEqual(["trusted: a.io"]);
    expect(run({ ruleOptions: { registry: { trustedRegistries: ["b.io"] } } })).toEqual(["trusted: b.io"]);
  });
});

describe("fixes", () => {
  it("fixFile applies safe fixes in rounds and reports what remains", async () => {
    const text = "FROM a:latest as Build\nCOPY --from=Build / /\n";
    const result = await fixFile({ path: "Dockerfile", text }, { rules: [latestTag, fromAsCasing, stageNameCasing], noConfigSearch: true });
    expect(result.text).toBe("FROM a:latest AS build\nCOPY --from=build / /\n");
    expect(result.changed).toBe(true);
    expect(result.remaining.map((d) => d.code)).toEqual(["DL3007"]);
  });

  it("leaves a clean file untouched", async () => {
    const result = await fixFile({ path: "Dockerfile", text: "FROM a:1\n" }, { rules: RULES, noConfigSearch: true });
    expect(result).toMatchObject({ text: "FROM a:1\n", changed: false, remaining: [] });
  });
});

describe("rule information", () => {
  it("lists every rule with its metadata", () => {
    const rules = listRules();
    const dl3025 = rules.find((r) => r.code === "DL3025");
    expect(dl3025).toMatchObject({ name: "json-args-recommended", aliases: ["JSONArgsRecommended"], kind: "dockerfile", fixable: true });
    expect(dl3025!.summary).toMatch(/^Flags `CMD` and `ENTRYPOINT`/);
    expect(rules.some((r) => r.category === "syntax")).toBe(true);
    expect(new Set(rules.map((r) => r.code)).size).toBe(rules.length);
  });

  it("resolves codes, names and aliases case-insensitively", () => {
    for (const ref of ["DL3025", "json-args-recommended", "JSONArgsRecommended", "jsonargsrecommended"]) {
      expect(resolveRule(ref)?.code).toBe("DL3025");
    }
    expect(resolveRule("nope")).toBeUndefined();
    expect(resolveRule("SC2086")?.code).toBe("shellcheck");
  });

  it("explains a rule", () => {
    expect(explainRule("maintainer-deprecated")).toMatch(/^# DL4000: maintainer-deprecated \(also `MaintainerDeprecated`\)\n/);
    // dclint's rule names are often the names of ours: not repeated as aliases.
    expect(explainRule("no-version-field")).toMatch(/^# DC006: no-version-field\n/);
    expect(explainRule("nope")).toBeUndefined();
  });
});

describe("a host's parse and semantic model", () => {
  it("are used as given, in lint and lintSync, and ignored without the parse they belong to", async () => {
    const { parseDockerfile } = await import("@shipshape/dockerfile");
    const { analyzeDockerfile } = await import("@shipshape/semantic");
    const text = "ARG V=1\nFROM alpine:${V}\n";
    const parsed = parseDockerfile(text);
    const semantic = analyzeDockerfile(parsed.ast);
    const seen: unknown[] = [];
    const probe = defineRule({
      code: "W020", name: "semantic-probe", kind: "dockerfile", category: "style", severity: "info", enabledByDefault: true, docs,
      create: (ctx) => ({ From: () => void seen.push(ctx.semantic) }),
    });
    const options = { rules: [probe], noConfigSearch: true };
    await lint([{ path: "Dockerfile", text, parsed, semantic }], options);
    lintSync({ path: "Dockerfile", text, parsed, semantic }, options);
    expect(seen).toEqual([semantic, semantic]);
    expect(seen[0]).toBe(semantic);
    expect(seen[1]).toBe(semantic);
    // Without `parsed`, a given model cannot belong to the linter's own parse: it builds its own.
    lintSync({ path: "Dockerfile", text, semantic }, options);
    expect(seen[2]).not.toBe(semantic);
  });
});

describe("inputs with the wrong types", () => {
  it("give one internal-error finding at 1:1 instead of a throw, in lint, lintSync and lintDocument", async () => {
    const { lint, lintSync, lintDocument } = await import("../src/index.js");
    const { loadProject } = await import("@shipshape/compose");
    const inputs = [{ path: "Dockerfile", text: undefined }, { path: "compose.yaml", text: null }, { path: "Dockerfile", text: 42 }, { text: "FROM a\n" }, null] as never[];
    for (const input of inputs) {
      const found = await lint([input], { noConfigSearch: true });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 1, code: "internal-error" });
      expect(lintSync(input).map((d) => d.code)).toEqual(["internal-error"]);
      expect((await lintDocument(input)).diagnostics.map((d) => d.code)).toEqual(["internal-error"]);
    }
    expect((await lint([{ path: "compose.yaml", text: null } as never], { noConfigSearch: true }))[0]!.message).toBe("Linting failed: the text of compose.yaml is null, not a string");
    expect(() => loadProject(undefined as never)).not.toThrow();
  });
});
