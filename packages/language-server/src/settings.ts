import type { SeverityOrOff } from "@shipshape/linter";

/** The `shipshape` section of the client's settings. */
export interface ServerSettings {
  /** Codes, names or aliases to drop. */
  ignore: string[];
  /** Severity overrides per code, name or alias (`off` disables). */
  severity: Record<string, SeverityOrOff>;
  /** Milliseconds between the last edit and linting; 0 lints once the edits already received are applied. */
  debounceMs: number;
  /**
   * A config file used for every document instead of the `.shipshape.yaml` / `.hadolint.yaml` found upward;
   * empty for none. A relative path is taken against the first workspace folder.
   */
  configPath: string;
  /** Which file kinds the server serves; a disabled kind gets no diagnostics and no answers. */
  enable: { dockerfile: boolean; compose: boolean };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  ignore: [],
  severity: {},
  debounceMs: 0,
  configPath: "",
  enable: { dockerfile: true, compose: true },
};

const LEVELS = new Set(["error", "warning", "info", "style", "off"]);

/** Keeps only well-formed values: a bad setting must not stop linting. */
export function readSettings(raw: unknown): ServerSettings {
  const out: ServerSettings = { ...DEFAULT_SETTINGS, ignore: [], severity: {}, enable: { ...DEFAULT_SETTINGS.enable } };
  if (!raw || typeof raw !== "object") return out;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.ignore)) out.ignore = r.ignore.filter((x): x is string => typeof x === "string");
  if (r.severity && typeof r.severity === "object") {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof v === "string" && LEVELS.has(v)) out.severity[k] = v as SeverityOrOff;
    }
  }
  if (typeof r.debounceMs === "number" && r.debounceMs >= 0 && r.debounceMs <= 5000) out.debounceMs = r.debounceMs;
  if (typeof r.configPath === "string") out.configPath = r.configPath.trim();
  // VS Code hands nested settings over as objects (`enable: { dockerfile }`); other clients may send dotted keys.
  const enable = r.enable && typeof r.enable === "object" ? (r.enable as Record<string, unknown>) : {};
  for (const kind of ["dockerfile", "compose"] as const) {
    const value = enable[kind] ?? r[`enable.${kind}`];
    if (typeof value === "boolean") out.enable[kind] = value;
  }
  return out;
}
