import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config/parse.js";
import { RuleSet } from "../src/registry.js";
import { defineRule } from "../src/rule.js";
import { md } from "../src/docs.js";
import { ALL_RULES } from "../src/rules/all.js";
import { configJsonSchema } from "../src/config/schema.js";

const withOptions = defineRule({
  code: "T200", name: "with-options", kind: "dockerfile", category: "style", severity: "info", enabledByDefault: true,
  docs: md`
    ## What it does
    Test rule.
  `,
  options: {
    registries: { type: "string[]", description: "r" },
    mode: { type: "enum", values: ["a", "b"], description: "m", default: "a" },
  },
  create: () => ({}),
});

const rules = new RuleSet([...ALL_RULES, withOptions]);
const parse = (text: string) => parseConfig(text, "/c/.shipshape.yaml", rules);
const problems = (text: string) =>
  parse(text).diagnostics.map((d) => `${text.slice(d.range.start, d.range.end)} | ${d.severity}: ${d.message}`);

describe("config files", () => {
  it("reads our keys in either spelling", () => {
    expect(parse("select: [DL3007]\nextend-select: [latest-tag]\nignore: DL3006, DL3000\nfailureThreshold: warning\nno-fail: true\n").config).toEqual({
      select: ["DL3007"], extendSelect: ["latest-tag"], ignore: ["DL3006", "DL3000"], failureThreshold: "warning", noFail: true,
    });
  });

  it("reads per-rule entries: severity, off, enabled, options", () => {
    const { config, diagnostics } = parse(
      "rules:\n  T200: { severity: error, registries: docker.io, mode: b }\n  DL3007: off\n  DL3006: { enabled: false }\n  SS001: true\n",
    );
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      severity: { T200: "error", DL3007: "off" },
      ruleOptions: { T200: { registries: ["docker.io"], mode: "b" } },
      ignore: ["DL3006"],
      extendSelect: ["SS001"],
    });
  });

  it("takes top-level options any rule declares", () => {
    expect(parse("registries: [a.io]\n").config).toEqual({ sharedOptions: { registries: ["a.io"] } });
  });

  it("reports problems where they are written", () => {
    expect(problems("rules:\n  T200: { mode: c, nope: 1 }\n  DL9999: off\nwhatever: 1\nignore: [DL0000]\n")).toEqual([
      "c | error: 'mode' must be one of a, b",
      "nope | warning: Rule T200 has no option 'nope'",
      "DL9999 | warning: Unknown rule 'DL9999'",
      "whatever | warning: Unknown configuration key 'whatever'",
      "DL0000 | warning: Unknown rule 'DL0000'",
    ]);
    expect(problems("select: [a\n")[0]).toMatch(/error: Invalid YAML/);
    expect(problems("- a\n")).toEqual(["- a\n | error: The configuration must be a map of keys to values"]);
  });

  it("accepts ShellCheck codes and hadolint's output keys", () => {
    expect(problems("ignored: [SC2086]\nformat: json\nno-color: true\n")).toEqual([]);
  });

  it("is an empty config when the file is empty", () => {
    expect(parse("").config).toEqual({});
  });
});

describe("config JSON schema", () => {
  it("names every rule and its options", () => {
    const schema = configJsonSchema([...ALL_RULES, withOptions]) as { properties: Record<string, any> };
    const entry = schema.properties.rules.properties.T200;
    expect(entry.anyOf[2].properties.mode).toEqual({ description: "m", default: "a", enum: ["a", "b"] });
    expect(schema.properties.registries).toBeDefined();
    expect(schema.properties["failure-threshold"]).toEqual(schema.properties.failureThreshold);
  });
});

describe("report settings in config files (read by the CLI)", () => {
  it("reads hadolint's format(s), output(s), no-color and verbose in either spelling; nothing from what does not fit", async () => {
    const { outputSettingsOf } = await import("../src/config/parse.js");
    expect(outputSettingsOf("format: json\nno-color: true\nverbose: false\nignored: [DL3007]\n")).toEqual({ formats: ["json"], noColor: true, verbose: false });
    expect(outputSettingsOf("formats: [sarif, json]\noutputs:\n  - out.sarif\nnoColor: yes\n")).toEqual({ formats: ["sarif", "json"], outputs: ["out.sarif"] });
    expect(outputSettingsOf("format: 3\nverbose: 1\nformats: [json, 2]\n")).toEqual({});
    expect(outputSettingsOf("format: [")).toEqual({});
    expect(parse("format: json\nformats: [tty]\nno-color: true\noutputs: [a]\n").diagnostics).toEqual([]);
  });
});

describe("merging configs", () => {
  it("later scalars win, lists concatenate, and label schemas union as hadolint merges them", async () => {
    const { mergeConfigs } = await import("../src/config/types.js");
    const file = { ignore: ["DL3007"], failureThreshold: "warning" as const, sharedOptions: { labelSchema: { version: "semver", owner: "text" }, strictLabels: false } };
    const cli = { ignore: ["DL3008"], failureThreshold: "error" as const, sharedOptions: { labelSchema: { owner: "email", maintainer: "email" }, trustedRegistries: ["docker.io"] } };
    expect(mergeConfigs(file, cli)).toEqual({
      ignore: ["DL3007", "DL3008"],
      failureThreshold: "error",
      sharedOptions: { labelSchema: { version: "semver", owner: "email", maintainer: "email" }, strictLabels: false, trustedRegistries: ["docker.io"] },
    });
    expect(mergeConfigs(file, { sharedOptions: { strictLabels: true } }).sharedOptions).toEqual({ labelSchema: { version: "semver", owner: "text" }, strictLabels: true });
  });
});
