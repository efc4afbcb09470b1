/**
 * dclint's configuration files, read as a `LinterConfig` so a project moving from dclint keeps its
 * settings. dclint finds its config with cosmiconfig (module name `dclint`); the data formats are read
 * here: `.dclintrc` (JSON or YAML), `.dclintrc.json`, `.dclintrc.yaml`, `.dclintrc.yml`, the same names
 * under `.config/` (without the leading dot), and the `dclint` key of `package.json`. JavaScript and
 * TypeScript configs (`dclint.config.js`, `.dclintrc.cjs`, ...) would have to be run, which a linter
 * must not do with a project's code: such a file gets a warning saying where to move its settings.
 *
 * The shape: `{ rules: { <rule>: 0 | 1 | 2 | [0 | 1 | 2, { options }] }, quiet, debug, exclude }`.
 * 0 turns a rule off, 1 makes it a warning, 2 an error; rule names are dclint's (every dclint rule is
 * an alias of a shipshape rule, and codes and names are accepted too). `quiet` reports errors only;
 * `exclude` (path fragments that folder walks skip) is read by the CLI (`dclintExcludes`); `debug` and
 * `$schema` are accepted and ignored.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair } from "yaml";
import { dclintConfigKind, packageHasDclint, type Diagnostic, type Range } from "@shipshape/text";
import type { RuleSet } from "../registry.js";
import { INVALID_CONFIG, rangeOfNode, readRuleOption, type Problem } from "./parse.js";
import type { LinterConfig } from "./types.js";

// The file names, the kind of a name and the package.json check are shared with the CLI (@shipshape/text).
export { DCLINT_CONFIG_NAMES, DCLINT_SCRIPT_NAMES, dclintConfigKind, packageHasDclint } from "@shipshape/text";

/**
 * Reads a dclint config. undefined for a `package.json` without a `dclint` key (not a config: the search
 * goes on past it). Problems become `invalid-config` diagnostics with ranges in the file.
 */
export function parseDclintConfig(text: string, path: string, rules: RuleSet): { config: LinterConfig; diagnostics: Diagnostic[] } | undefined {
  const kind = dclintConfigKind(path);
  const diagnostics: Diagnostic[] = [];
  const problem = (range: Range, message: string, severity: "error" | "warning" = "error") =>
    diagnostics.push({ code: INVALID_CONFIG, rule: INVALID_CONFIG, aliases: [], category: "syntax", severity, message, range, file: path });
  const config: LinterConfig = {};
  if (kind === "script") {
    problem(
      { start: 0, end: Math.min(text.length, 1) },
      `shipshape does not run JavaScript configs: move the settings of ${path} to a .dclintrc.yaml (or a .shipshape.yaml) to have them applied`,
      "warning",
    );
    return { config, diagnostics };
  }
  if (kind === "package" && !packageHasDclint(text)) return undefined;
  // JSON is YAML: one parser gives ranges for both.
  const doc: Document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) problem({ start: err.pos[0], end: Math.max(err.pos[1], err.pos[0]) }, `Invalid ${kind === "package" ? "JSON" : "YAML"}: ${err.message.split("\n")[0]!.trim()}`);
  if (doc.errors.length > 0) return { config, diagnostics };
  let root: unknown = doc.contents;
  if (kind === "package") root = isMap(root) ? root.get("dclint", true) : undefined;
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === undefined))) return { config, diagnostics };
  if (!isMap(root)) {
    problem(rangeOfNode(root), "dclint's configuration must be an object");
    return { config, diagnostics };
  }
  applyDclintDefaults(config, rules);
  for (const pair of root.items as Pair<unknown, unknown>[]) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const value = pair.value;
    switch (key) {
      case "rules":
        if (!isMap(value)) problem(rangeOfNode(value ?? pair.key), "'rules' must map dclint rule names to 0, 1, 2 or [level, options]");
        else for (const entry of value.items as Pair<unknown, unknown>[]) readRule(entry, config, rules, problem);
        break;
      case "quiet":
        if (!isScalar(value) || typeof value.value !== "boolean") problem(rangeOfNode(value ?? pair.key), "'quiet' must be true or false");
        else config.quiet = value.value;
        break;
      case "exclude":
        if (!isSeq(value) || !value.items.every((i) => isScalar(i) && typeof i.value === "string")) problem(rangeOfNode(value ?? pair.key), "'exclude' must be a list of paths");
        break;
      case "debug":
      case "$schema":
        break;
      default:
        problem(rangeOfNode(pair.key), `Unknown dclint configuration key '${key}'`, "warning");
    }
  }
  return { config, diagnostics };
}

/**
 * What a dclint config means before its `rules` are read: dclint's rules at their default levels, and
 * dclint's exit status (1 for an error, not for warnings alone).
 */
function applyDclintDefaults(config: LinterConfig, rules: RuleSet): void {
  const severity: NonNullable<LinterConfig["severity"]> = {};
  for (const [name, level] of Object.entries(DCLINT_DEFAULTS)) if (rules.resolve(name)) severity[name] = level;
  config.severity = severity;
  config.failureThreshold = "error";
}

/** `exclude` of a dclint config text (path fragments), empty when it has none or cannot be read. */
export function dclintExcludes(text: string, path: string): string[] {
  const kind = dclintConfigKind(path);
  if (kind === undefined || kind === "script" || (kind === "package" && !packageHasDclint(text))) return [];
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return [];
  const root: unknown = kind === "package" ? (isMap(doc.contents) ? doc.contents.get("dclint", true) : undefined) : doc.contents;
  if (!isMap(root)) return [];
  const list = root.get("exclude", true);
  if (!isSeq(list)) return [];
  return list.items.flatMap((i) => (isScalar(i) && typeof i.value === "string" && i.value !== "" ? [i.value] : []));
}

const LEVELS = { 0: "off", 1: "warning", 2: "error" } as const;

/**
 * dclint's rules and the level each has when a config does not name it (dclint 3.1: every rule runs unless
 * turned off). A project that used dclint keeps them, also the ones shipshape leaves off by default.
 */
const DCLINT_DEFAULTS: Readonly<Record<string, "error" | "warning">> = {
  "no-build-and-image": "error",
  "no-duplicate-container-names": "error",
  "no-duplicate-exported-ports": "error",
  "no-quotes-in-volumes": "warning",
  "no-unbound-port-interfaces": "error",
  "no-version-field": "error",
  "require-project-name-field": "warning",
  "require-quotes-in-ports": "warning",
  "service-container-name-regex": "error",
  "service-dependencies-alphabetical-order": "warning",
  "service-image-require-explicit-tag": "error",
  "service-keys-order": "warning",
  "service-ports-alphabetical-order": "warning",
  "services-alphabetical-order": "warning",
  "top-level-properties-order": "warning",
};

function readRule(
  pair: Pair<unknown, unknown>,
  config: LinterConfig,
  rules: RuleSet,
  problem: Problem,
): void {
  if (!isScalar(pair.key)) return;
  const name = String(pair.key.value);
  const rule = rules.resolve(name);
  if (!rule || rule.kind !== "compose") {
    problem(rangeOfNode(pair.key), rule ? `'${name}' is not a Compose rule` : `Unknown rule '${name}'`, "warning");
    return;
  }
  const value = pair.value;
  let levelNode: unknown = value;
  let options: unknown;
  if (isSeq(value)) {
    if (value.items.length !== 2 || !isMap(value.items[1])) {
      problem(rangeOfNode(value), "Expected [level, { options }]");
      return;
    }
    [levelNode, options] = value.items;
  }
  const level = isScalar(levelNode) ? LEVELS[levelNode.value as keyof typeof LEVELS] : undefined;
  if (!level) {
    problem(rangeOfNode(levelNode ?? pair.key), "Expected 0 (off), 1 (warning) or 2 (error)");
    return;
  }
  (config.severity ??= {})[name] = level;
  if (!isMap(options)) return;
  for (const o of options.items as Pair<unknown, unknown>[]) readRuleOption(rule, name, o, config, problem);
}
