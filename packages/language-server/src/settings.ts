import type { SeverityOrOff } from "@shipshape/linter";

/** The `shipshape` section of the client's settings. */
export interface ServerSettings {
  /** Codes, names or aliases to drop. */
  ignore: string[];
  /** Severity overrides per code, name or alias (`off` disables). */
  severity: Record<string, SeverityOrOff>;
  /** Milliseconds between the last edit and linting. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { ignore: [], severity: {}, debounceMs: 5 };

const LEVELS = new Set(["error", "warning", "info", "style", "off"]);

/** Keeps only well-formed values: a bad setting must not stop linting. */
export function readSettings(raw: unknown): ServerSettings {
  const out: ServerSettings = { ignore: [], severity: {}, debounceMs: DEFAULT_SETTINGS.debounceMs };
  if (!raw || typeof raw !== "object") return out;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.ignore)) out.ignore = r.ignore.filter((x): x is string => typeof x === "string");
  if (r.severity && typeof r.severity === "object") {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof v === "string" && LEVELS.has(v)) out.severity[k] = v as SeverityOrOff;
    }
  }
  if (typeof r.debounceMs === "number" && r.debounceMs >= 0 && r.debounceMs <= 5000) out.debounceMs = r.debounceMs;
  return out;
}
