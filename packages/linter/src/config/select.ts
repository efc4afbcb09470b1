/** Which rules run on a file, at which severity and with which options, given a configuration. */
import type { Severity } from "@shipshape/text";
import type { ActiveRule } from "../engine/dockerfile-runner.js";
import { SHELLCHECK_CODE, type RuleSet } from "../registry.js";
import type { Rule, RuleKind } from "../rule.js";
import { defaultOptions } from "./options.js";
import type { LinterConfig } from "./types.js";

export interface Selection {
  /** Rules to run (of every kind; filter by `rule.kind`). */
  active: ActiveRule<Rule>[];
  /** Canonical codes of the rules that run. */
  enabledCodes: Set<string>;
  /** ShellCheck codes: which are on, and severity overrides. */
  shellcheck: {
    /** Only these `SCnnnn` codes (when `select` lists some); undefined = all. */
    only?: Set<string>;
    ignored: Set<string>;
    severity: Map<string, Severity>;
  };
}

/** `select: [all]` / `--select all`: every rule, off-by-default ones included. */
export const ALL = "all";

export function selectRules(rules: RuleSet, config: LinterConfig, kind?: RuleKind): Selection {
  const codesOf = (refs: readonly string[] | undefined) => {
    const out: string[] = [];
    for (const ref of refs ?? []) {
      if (ref.trim().toLowerCase() === ALL) {
        out.push(...rules.rules.map((r) => r.code));
        continue;
      }
      for (const rule of rules.resolveAll(ref)) out.push(rule.code);
    }
    return out;
  };
  const scOf = (refs: readonly string[] | undefined) =>
    (refs ?? []).filter((r) => SHELLCHECK_CODE.test(r.trim())).map((r) => r.trim().toUpperCase());

  const enabled = new Set<string>();
  if (config.select) {
    for (const c of codesOf(config.select)) enabled.add(c);
  } else {
    for (const rule of rules.rules) {
      if (rule.enabledByDefault || (rule.enabledByOptions && hasOwnOptions(rule, config))) enabled.add(rule.code);
    }
  }
  for (const c of codesOf(config.extendSelect)) enabled.add(c);

  const severity = new Map<string, Severity>();
  const scSeverity = new Map<string, Severity>();
  const off = new Set<string>();
  for (const [ref, level] of Object.entries(config.severity ?? {})) {
    const named = rules.resolveAll(ref);
    const sc = SHELLCHECK_CODE.test(ref.trim()) ? ref.trim().toUpperCase() : undefined;
    if (level === "off") {
      for (const rule of named) off.add(rule.code);
      if (sc) off.add(sc);
      continue;
    }
    // As hadolint's `override`, naming a severity for a rule that is off by default turns it on.
    for (const rule of named) {
      severity.set(rule.code, level);
      enabled.add(rule.code);
    }
    if (sc) scSeverity.set(sc, level);
  }
  for (const c of codesOf(config.ignore)) enabled.delete(c);
  for (const c of off) enabled.delete(c);

  const active: ActiveRule<Rule>[] = [];
  for (const rule of rules.rules) {
    if (!enabled.has(rule.code) || (kind && rule.kind !== kind)) continue;
    active.push({ rule, severity: severity.get(rule.code) ?? rule.severity, options: optionsFor(rule, rules, config) });
  }

  const selectedSc = scOf(config.select);
  const ignoredSc = new Set([...scOf(config.ignore), ...[...off].filter((c) => SHELLCHECK_CODE.test(c))]);
  return {
    active,
    enabledCodes: enabled,
    shellcheck: {
      only: config.select ? new Set([...selectedSc, ...scOf(config.extendSelect)]) : undefined,
      ignored: ignoredSc,
      severity: scSeverity,
    },
  };
}

function hasOwnOptions(rule: Rule, config: LinterConfig): boolean {
  const names = Object.keys(rule.options ?? {});
  if (names.some((n) => config.sharedOptions?.[n] !== undefined)) return true;
  return Object.keys(config.ruleOptions ?? {}).some((ref) => refersTo(ref, rule));
}

function refersTo(ref: string, rule: Rule): boolean {
  const r = ref.trim().toLowerCase();
  return [rule.code, rule.name, ...(rule.aliases ?? [])].some((x) => x.toLowerCase() === r);
}

/** Defaults, then top-level options the rule declares, then the rule's own entry. */
export function optionsFor(rule: Rule, _rules: RuleSet, config: LinterConfig): Record<string, unknown> {
  const out = defaultOptions(rule.options);
  for (const name of Object.keys(rule.options ?? {})) {
    const v = config.sharedOptions?.[name];
    if (v !== undefined) out[name] = v;
  }
  for (const [ref, opts] of Object.entries(config.ruleOptions ?? {})) {
    if (refersTo(ref, rule)) Object.assign(out, opts);
  }
  return out;
}
