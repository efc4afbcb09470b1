import type { Severity } from "@shipshape/text";

/** A severity, or `off` to disable a rule (hadolint's `ignore` and `none` mean the same). */
export type SeverityOrOff = Severity | "off";

export type FailureThreshold = Severity | "none";

/**
 * A configuration after validation, in one normal form whatever the file spelling
 * (`.shipshape.yaml` keys in camelCase or kebab-case, `.hadolint.yaml` keys as hadolint has them).
 * Rule references are kept as written; they are resolved against the rule set when selecting.
 */
export interface LinterConfig {
  /** Exactly these rules (replaces the default set). */
  select?: string[];
  /** Added to the default (or selected) set. */
  extendSelect?: string[];
  /** Removed from the set (hadolint's `ignored`). */
  ignore?: string[];
  /** Severity per rule; `off` disables, any other value also enables (as hadolint's `override`). */
  severity?: Record<string, SeverityOrOff>;
  /** Per-rule options, keyed by rule reference. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** Options given at the top level (`trustedRegistries`, `labelSchema`, ...): apply to every rule declaring them. */
  sharedOptions?: Record<string, unknown>;
  failureThreshold?: FailureThreshold;
  disableIgnorePragma?: boolean;
  noFail?: boolean;
  /** Report errors only (dclint's `quiet`; the CLI's `--quiet` for the files this config covers). */
  quiet?: boolean;
}

/** Merges configs: later ones win for scalars, lists concatenate, maps (and label schemas) union, as hadolint merges. */
export function mergeConfigs(...configs: (LinterConfig | undefined)[]): LinterConfig {
  const out: LinterConfig = {};
  for (const c of configs) {
    if (!c) continue;
    if (c.select) out.select = [...c.select];
    if (c.extendSelect) out.extendSelect = [...(out.extendSelect ?? []), ...c.extendSelect];
    if (c.ignore) out.ignore = [...(out.ignore ?? []), ...c.ignore];
    if (c.severity) out.severity = { ...out.severity, ...c.severity };
    if (c.ruleOptions) {
      out.ruleOptions = { ...out.ruleOptions };
      for (const [k, v] of Object.entries(c.ruleOptions)) out.ruleOptions[k] = { ...out.ruleOptions[k], ...v };
    }
    if (c.sharedOptions) {
      const labelSchema = unionOf(out.sharedOptions?.labelSchema, c.sharedOptions.labelSchema);
      out.sharedOptions = { ...out.sharedOptions, ...c.sharedOptions, ...(labelSchema ? { labelSchema } : {}) };
    }
    if (c.failureThreshold !== undefined) out.failureThreshold = c.failureThreshold;
    if (c.disableIgnorePragma !== undefined) out.disableIgnorePragma = c.disableIgnorePragma;
    if (c.noFail !== undefined) out.noFail = c.noFail;
    if (c.quiet !== undefined) out.quiet = c.quiet;
  }
  return out;
}

/** Label schemas merge as hadolint merges them: every label of both, the later type winning. */
function unionOf(a: unknown, b: unknown): Record<string, unknown> | undefined {
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  return isMap(a) && isMap(b) ? { ...a, ...b } : undefined;
}
