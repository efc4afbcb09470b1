/**
 * Reads a `.shipshape.yaml` or `.hadolint.yaml` text into a `LinterConfig`, reporting every problem as
 * a diagnostic with a range in the config file (and carrying on with what is valid).
 *
 * Keys may be written in camelCase or kebab-case. Hadolint's keys are accepted as hadolint defines them
 * (`ignored`, `override`, `failure-threshold`, `trustedRegistries`, `label-schema`, `strict-labels`,
 * `disable-ignore-pragma`, `no-fail`); its output keys (`format`, `no-color`, ...) belong to the CLI and
 * are accepted and ignored here.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from "yaml";
import type { Diagnostic, Range } from "@shipshape/text";
import { isSeverity } from "@shipshape/text";
import type { RuleSet } from "../registry.js";
import type { Rule } from "../rule.js";
import { camelCase, coerceOption } from "./options.js";
import type { FailureThreshold, LinterConfig, SeverityOrOff } from "./types.js";

export const INVALID_CONFIG = "invalid-config";

export interface ParsedConfig {
  config: LinterConfig;
  diagnostics: Diagnostic[];
}

/** Keys the CLI reads from the same file (`outputSettingsOf`); the library accepts them silently. */
const CLI_KEYS = new Set(["format", "formats", "noColor", "verbose", "output", "outputs"]);

/** What a config file says about the reports: hadolint's `format`/`formats`, `output`/`outputs`, `no-color`, `verbose`. */
export interface OutputSettings {
  /** The formats to write, in order (`format: x` is a list of one). */
  formats?: string[];
  /** Where each format goes, in the same order; a format without an entry goes to stdout. */
  outputs?: string[];
  noColor?: boolean;
  verbose?: boolean;
}

/**
 * The report settings of a `.shipshape.yaml` or `.hadolint.yaml` text (keys in either spelling). As in
 * hadolint, several formats may be listed, each written to the `outputs` entry in the same place, or to
 * stdout when there is none. Values of the wrong type, and texts that do not parse, give nothing.
 */
export function outputSettingsOf(text: string): OutputSettings {
  const out: OutputSettings = {};
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return out;
  const strings = (v: unknown): string[] | undefined => {
    const items = isSeq(v) ? v.items : [v];
    const list = items.map((i) => (isScalar(i) && typeof i.value === "string" ? i.value.trim() : ""));
    return list.length > 0 && list.every((s) => s !== "") ? list : undefined;
  };
  for (const pair of doc.contents.items as Pair<unknown, unknown>[]) {
    if (!isScalar(pair.key)) continue;
    const key = camelCase(String(pair.key.value));
    const value = pair.value;
    if (key === "format" || key === "formats") out.formats ??= strings(value);
    else if (key === "output" || key === "outputs") out.outputs ??= strings(value);
    else if ((key === "noColor" || key === "verbose") && isScalar(value) && typeof value.value === "boolean") out[key] = value.value;
  }
  return out;
}

/** Rules hadolint has deleted: still in many projects' ignore lists, where they name nothing and harm nothing. */
const RETIRED_HADOLINT_CODES: ReadonlySet<string> = new Set(["DL3005", "DL3017", "DL3031", "DL3039"]);

export function parseConfig(text: string, path: string, rules: RuleSet): ParsedConfig {
  const diagnostics: Diagnostic[] = [];
  const problem = (range: Range, message: string, severity: "error" | "warning" = "error") =>
    diagnostics.push({
      code: INVALID_CONFIG, rule: INVALID_CONFIG, aliases: [], category: "syntax", severity, message, range, file: path,
    });
  const config: LinterConfig = {};
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const err of doc.errors) problem({ start: err.pos[0], end: Math.max(err.pos[1], err.pos[0]) }, `Invalid YAML: ${firstLine(err.message)}`);
  if (doc.errors.length > 0) return { config, diagnostics };
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === undefined))) return { config, diagnostics };
  if (!isMap(root)) {
    problem(rangeOfNode(root), "The configuration must be a map of keys to values");
    return { config, diagnostics };
  }

  const ruleRefList = (node: unknown, key: string): string[] | undefined => {
    const list = stringList(node);
    if (!list) {
      problem(rangeOfNode(node), `'${key}' must be a list of rule codes or names`);
      return undefined;
    }
    for (const item of list) checkRuleRef(item.value, item.range);
    return list.map((i) => i.value);
  };
  const checkRuleRef = (ref: string, range: Range) => {
    if (ref.trim().toLowerCase() !== "all" && !rules.canonicalCode(ref) && !RETIRED_HADOLINT_CODES.has(ref.trim().toUpperCase())) problem(range, `Unknown rule '${ref}'`, "warning");
  };

  for (const pair of root.items as Pair<unknown, unknown>[]) {
    if (!isScalar(pair.key)) continue;
    const written = String(pair.key.value);
    const key = camelCase(written);
    const keyRange = rangeOfNode(pair.key);
    const value = pair.value;
    const plain = isScalar(value) ? value.value : (value as { toJSON?: () => unknown })?.toJSON?.();
    switch (key) {
      case "select":
      case "extendSelect":
      case "ignore":
      case "ignored": {
        const list = ruleRefList(value, written);
        if (list) config[key === "ignored" ? "ignore" : key] = [...(config[key === "ignored" ? "ignore" : key] ?? []), ...list];
        break;
      }
      case "severity": {
        if (!isMap(value)) { problem(rangeOfNode(value ?? pair.key), "'severity' must map rule codes to a severity"); break; }
        for (const p of value.items as Pair<unknown, unknown>[]) {
          if (!isScalar(p.key)) continue;
          const ref = String(p.key.value);
          checkRuleRef(ref, rangeOfNode(p.key));
          const level = severityOrOff(isScalar(p.value) ? p.value.value : undefined);
          if (!level) problem(rangeOfNode(p.value ?? p.key), "Expected error, warning, info, style or off");
          else (config.severity ??= {})[ref] = level;
        }
        break;
      }
      case "override": {
        // Hadolint applies style, then info, warning, error: the most severe list wins.
        if (!isMap(value)) { problem(rangeOfNode(value ?? pair.key), "'override' must map error/warning/info/style to lists of rules"); break; }
        const lists = new Map<string, string[]>();
        for (const p of value.items as Pair<unknown, unknown>[]) {
          const level = isScalar(p.key) ? String(p.key.value) : "";
          if (!isSeverity(level)) { problem(rangeOfNode(p.key), `Unknown severity '${level}' (expected error, warning, info or style)`); continue; }
          const list = ruleRefList(p.value, `override.${level}`);
          if (list) lists.set(level, list);
        }
        for (const level of ["style", "info", "warning", "error"] as const) {
          for (const ref of lists.get(level) ?? []) (config.severity ??= {})[ref] = level;
        }
        break;
      }
      case "rules": {
        if (!isMap(value)) { problem(rangeOfNode(value ?? pair.key), "'rules' must map rule codes to settings"); break; }
        for (const p of value.items as Pair<unknown, unknown>[]) readRuleEntry(p, config, rules, problem);
        break;
      }
      case "failureThreshold": {
        const t = failureThreshold(plain);
        if (!t) problem(rangeOfNode(value ?? pair.key), "Expected error, warning, info, style or none");
        else config.failureThreshold = t;
        break;
      }
      case "disableIgnorePragma":
      case "noFail":
      case "quiet":
      case "strictLabels": {
        if (typeof plain !== "boolean") { problem(rangeOfNode(value ?? pair.key), `'${written}' must be true or false`); break; }
        if (key === "strictLabels") (config.sharedOptions ??= {}).strictLabels = plain;
        else config[key] = plain;
        break;
      }
      default: {
        if (CLI_KEYS.has(key)) break;
        const spec = rules.sharedOption(key);
        if (!spec) { problem(keyRange, `Unknown configuration key '${written}'`, "warning"); break; }
        const c = coerceOption(spec, plain);
        if (!c.ok) problem(rangeOfNode(value ?? pair.key), `'${written}' must be ${c.expected}`);
        else (config.sharedOptions ??= {})[key] = c.value;
      }
    }
  }
  return { config, diagnostics };
}

/** `rules: { DL3026: { severity: error, trustedRegistries: [...] }, DL3007: off, DL3008: warning }` */
function readRuleEntry(
  p: Pair<unknown, unknown>,
  config: LinterConfig,
  rules: RuleSet,
  problem: Problem,
): void {
  if (!isScalar(p.key)) return;
  const ref = String(p.key.value);
  const rule = rules.resolve(ref);
  if (!rules.canonicalCode(ref)) problem(rangeOfNode(p.key), `Unknown rule '${ref}'`, "warning");
  const value = p.value;
  if (isScalar(value)) {
    const v = value.value;
    const level = typeof v === "boolean" ? (v ? undefined : "off") : severityOrOff(v);
    if (v === true) (config.extendSelect ??= []).push(ref);
    else if (level) (config.severity ??= {})[ref] = level;
    else problem(rangeOfNode(value), "Expected a severity, off, true/false or a map of settings");
    return;
  }
  if (!isMap(value)) {
    problem(rangeOfNode(value ?? p.key), "Expected a severity, off, true/false or a map of settings");
    return;
  }
  for (const q of value.items as Pair<unknown, unknown>[]) {
    if (!isScalar(q.key)) continue;
    const name = camelCase(String(q.key.value));
    const plain = isScalar(q.value) ? q.value.value : (q.value as { toJSON?: () => unknown })?.toJSON?.();
    if (name === "severity") {
      const level = severityOrOff(plain);
      if (!level) problem(rangeOfNode(q.value ?? q.key), "Expected error, warning, info, style or off");
      else (config.severity ??= {})[ref] = level;
    } else if (name === "enabled") {
      if (typeof plain !== "boolean") problem(rangeOfNode(q.value ?? q.key), "'enabled' must be true or false");
      else if (plain) (config.extendSelect ??= []).push(ref);
      else (config.ignore ??= []).push(ref);
    } else if (rule) readRuleOption(rule, ref, q, config, problem);
  }
}

export type Problem = (range: Range, message: string, severity?: "error" | "warning") => void;

/**
 * One option of a rule's entry (`key: value`, the key in either spelling) into `config.ruleOptions[ref]`,
 * checked against the rule's declaration. Shared with dclint's configs.
 */
export function readRuleOption(rule: Rule, ref: string, q: Pair<unknown, unknown>, config: LinterConfig, problem: Problem): void {
  if (!isScalar(q.key)) return;
  const written = String(q.key.value);
  const name = camelCase(written);
  const spec = rule.options?.[name];
  if (!spec) {
    problem(rangeOfNode(q.key), `Rule ${rule.code} has no option '${written}'`, "warning");
    return;
  }
  const plain = isScalar(q.value) ? q.value.value : (q.value as { toJSON?: () => unknown } | null)?.toJSON?.();
  const c = coerceOption(spec, plain);
  if (!c.ok) problem(rangeOfNode(q.value ?? q.key), `'${written}' must be ${c.expected}`);
  else ((config.ruleOptions ??= {})[ref] ??= {})[name] = c.value;
}

function severityOrOff(v: unknown): SeverityOrOff | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.toLowerCase();
  if (isSeverity(s)) return s;
  if (s === "off" || s === "ignore" || s === "none") return "off";
  return undefined;
}

function failureThreshold(v: unknown): FailureThreshold | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.toLowerCase();
  if (isSeverity(s)) return s;
  if (s === "none" || s === "ignore") return "none";
  return undefined;
}

function stringList(node: unknown): { value: string; range: Range }[] | undefined {
  if (isScalar(node) && typeof node.value === "string") {
    // A comma list in one string is accepted too (as on the command line).
    const base = rangeOfNode(node).start;
    return node.value.split(",").map((s) => s.trim()).filter(Boolean).map((value) => ({ value, range: { start: base, end: base + node.value!.toString().length } }));
  }
  if (!isSeq(node)) return undefined;
  const out: { value: string; range: Range }[] = [];
  for (const item of node.items) {
    if (!isScalar(item) || (typeof item.value !== "string" && typeof item.value !== "number")) return undefined;
    out.push({ value: String(item.value), range: rangeOfNode(item) });
  }
  return out;
}

export function rangeOfNode(node: unknown): Range {
  const r = (node as YamlNode | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function firstLine(s: string): string {
  return s.split("\n")[0]!.trim();
}
