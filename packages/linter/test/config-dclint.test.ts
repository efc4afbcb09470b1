import { describe, expect, it } from "vitest";
import { ConfigLoader, COMPOSE_CONFIG_NAMES } from "../src/config/discover.js";
import { dclintConfigKind, dclintExcludes, parseDclintConfig } from "../src/config/dclint.js";
import { lint } from "../src/lint.js";
import { RuleSet } from "../src/registry.js";
import { ALL_RULES } from "../src/rules/all.js";

const rules = new RuleSet(ALL_RULES);
const parse = (text: string, path = "/p/.dclintrc") => parseDclintConfig(text, path, rules);
const problems = (text: string, path = "/p/.dclintrc") =>
  parse(text, path)!.diagnostics.map((d) => `${text.slice(d.range.start, d.range.end)} | ${d.severity}: ${d.message}`);

describe("dclint config files", () => {
  it("reads levels 0, 1 and 2, options in the [level, options] form, and quiet", () => {
    const text = `{
      "rules": {
        "no-version-field": 0,
        "no-unbound-port-interfaces": 1,
        "service-image-require-explicit-tag": [2, { "prohibitedTags": ["latest", "edge"] }]
      },
      "quiet": true, "debug": false, "exclude": ["legacy"], "$schema": "x"
    }`;
    const { config, diagnostics } = parse(text)!;
    expect(diagnostics).toEqual([]);
    expect(config.severity).toMatchObject({ "no-version-field": "off", "no-unbound-port-interfaces": "warning", "service-image-require-explicit-tag": "error" });
    expect(config.ruleOptions).toEqual({ "service-image-require-explicit-tag": { prohibitedTags: ["latest", "edge"] } });
    expect(config.quiet).toBe(true);
  });

  it("keeps dclint's defaults: every dclint rule at its level unless the config says otherwise, and exit 1 for errors only", () => {
    const { config } = parse('{"rules": {"require-project-name-field": 0}}')!;
    expect(Object.keys(config.severity!)).toHaveLength(15);
    expect(config.severity).toMatchObject({ "require-project-name-field": "off", "no-unbound-port-interfaces": "error", "require-quotes-in-ports": "warning", "service-keys-order": "warning" });
    expect(config.failureThreshold).toBe("error");
  });

  it("reads YAML too (.dclintrc is JSON or YAML)", () => {
    expect(parse("rules:\n  services-alphabetical-order: 2\n", "/p/.config/dclintrc.yml")!.config.severity).toMatchObject({ "services-alphabetical-order": "error" });
  });

  it("reports what it cannot use, at its place, and keeps the rest", () => {
    const text = '{"rules": {"bogus": 1, "latest-tag": 2, "no-version-field": 3, "service-keys-order": [1, {"groupOrder": []}], "services-alphabetical-order": [1]}, "quiet": "yes", "exclude": "legacy", "extra": 1}';
    expect(problems(text)).toEqual([
      '"bogus" | warning: Unknown rule \'bogus\'',
      '"latest-tag" | warning: \'latest-tag\' is not a Compose rule',
      "3 | error: Expected 0 (off), 1 (warning) or 2 (error)",
      '"groupOrder" | warning: Rule DC012 has no option \'groupOrder\'',
      "[1] | error: Expected [level, { options }]",
      '"yes" | error: \'quiet\' must be true or false',
      '"legacy" | error: \'exclude\' must be a list of paths',
      '"extra" | warning: Unknown dclint configuration key \'extra\'',
    ]);
    expect(parse(text)!.config.severity).toMatchObject({ "service-keys-order": "warning", "no-version-field": "error" });
    expect(problems('{"rules": ')).toHaveLength(1);
  });

  it("package.json counts only with a dclint key; JavaScript configs are not run but reported", () => {
    expect(parse('{"name": "app"}', "/p/package.json")).toBeUndefined();
    expect(parse('{"name": "app", "dclint": {"rules": {"no-version-field": 0}}}', "/p/package.json")!.config.severity).toMatchObject({ "no-version-field": "off" });
    const js = parse("module.exports = { rules: {} };", "/p/dclint.config.js")!;
    expect(js.config).toEqual({});
    expect(js.diagnostics).toMatchObject([{ severity: "warning", file: "/p/dclint.config.js", message: expect.stringContaining("does not run JavaScript configs") }]);
  });

  it("knows dclint's file names, and reads exclude", () => {
    expect(["/p/.dclintrc", "/p/.config/dclintrc.json", "/p/package.json", "/p/dclint.config.mjs", "/p/x/.dclintrc.ts", "/p/dclintrc", "/p/.shipshape.yaml"].map(dclintConfigKind)).toEqual([
      "data", "data", "package", "script", "script", undefined, undefined,
    ]);
    expect(dclintExcludes('{"exclude": ["legacy", "", "tmp/"]}', ".dclintrc")).toEqual(["legacy", "tmp/"]);
    expect(dclintExcludes('{"name": "x"}', "package.json")).toEqual([]);
    expect(dclintExcludes('{"dclint": {"exclude": ["old"]}}', "package.json")).toEqual(["old"]);
  });
});

describe("finding a dclint config", () => {
  const files: Record<string, string> = {
    "/r/.hadolint.yaml": "ignored: [DL3007]\n",
    "/r/a/package.json": '{"name": "a"}',
    "/r/a/b/.dclintrc": '{"rules": {"no-unbound-port-interfaces": 2}}',
    "/r/s/.shipshape.yaml": "ignore: [DC005]\n",
    "/r/s/t/.dclintrc.yml": "rules: {}\n",
  };
  const loader = () => new ConfigLoader(rules, (p) => files[p], undefined);

  it("applies to compose files only; .shipshape.yaml wins over it, and it wins over .hadolint.yaml", async () => {
    expect(await loader().locate("/r/a/b/c/compose.yaml", "compose")).toBe("/r/a/b/.dclintrc");
    expect(await loader().locate("/r/a/b/c/Dockerfile", "dockerfile")).toBe("/r/.hadolint.yaml");
    expect(await loader().locate("/r/s/t/compose.yaml", "compose")).toBe("/r/s/.shipshape.yaml");
  });

  it("goes on past a package.json without a dclint key", async () => {
    expect(await loader().locate("/r/a/compose.yaml", "compose")).toBe("/r/.hadolint.yaml");
  });

  it("looks for every name dclint reads, data files before scripts", () => {
    expect(COMPOSE_CONFIG_NAMES.indexOf(".dclintrc")).toBeLessThan(COMPOSE_CONFIG_NAMES.indexOf("dclint.config.js"));
    expect(COMPOSE_CONFIG_NAMES).toContain(".config/dclintrc.yaml");
  });

  it("a lint applies it: severities, options and rules turned on", async () => {
    const compose = 'services:\n  web:\n    image: nginx:edge\n    ports: ["8080:80"]\n';
    const codes = async (config: string | undefined) => {
      const readFile = (p: string) => (p === "/w/.dclintrc" ? config : undefined);
      return (await lint([{ path: "/w/compose.yaml", text: compose }], { readFile })).map((d) => `${d.code}:${d.severity}`);
    };
    const without = await codes(undefined);
    expect(without).toContain("DC011:warning");
    const withConfig = await codes('{"rules": {"service-image-require-explicit-tag": [2, {"prohibitedTags": ["nightly"]}], "no-unbound-port-interfaces": 0}}');
    // `edge` is no longer a moving tag under these options, and the port rule is off.
    expect(withConfig.some((c) => c.startsWith("DC011"))).toBe(false);
    expect(withConfig.some((c) => c.startsWith("DC005"))).toBe(false);
    const asErrors = await codes('{"rules": {"service-image-require-explicit-tag": 2, "no-unbound-port-interfaces": 2}}');
    expect(asErrors).toEqual(expect.arrayContaining(["DC011:error", "DC005:error"]));
  });
});
