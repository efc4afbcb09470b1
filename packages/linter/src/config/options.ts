/** Checking rule option values against the rule's option specs, and filling defaults. */
import type { OptionSpec, OptionSpecs } from "../rule.js";

export type Coerced = { ok: true; value: unknown } | { ok: false; expected: string };

/** Accepts a value for a spec; a single string is accepted for a string list (as hadolint's trustedRegistries). */
export function coerceOption(spec: OptionSpec, value: unknown): Coerced {
  switch (spec.type) {
    case "string":
      return typeof value === "string" ? { ok: true, value } : { ok: false, expected: "a string" };
    case "string[]":
      if (typeof value === "string") return { ok: true, value: [value] };
      if (Array.isArray(value) && value.every((v) => typeof v === "string")) return { ok: true, value: [...value] };
      return { ok: false, expected: "a list of strings" };
    case "boolean":
      return typeof value === "boolean" ? { ok: true, value } : { ok: false, expected: "true or false" };
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? { ok: true, value } : { ok: false, expected: "a number" };
    case "enum":
      return typeof value === "string" && spec.values.includes(value)
        ? { ok: true, value }
        : { ok: false, expected: `one of ${spec.values.join(", ")}` };
    case "string-map": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return { ok: false, expected: "a map of strings" };
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) {
        if (v === null || v === undefined) out[k] = "";
        else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = String(v);
        else return { ok: false, expected: "a map of strings" };
      }
      return { ok: true, value: out };
    }
  }
}

export function defaultOptions(specs: OptionSpecs | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!specs) return out;
  for (const [k, spec] of Object.entries(specs)) if (spec.default !== undefined) out[k] = spec.default;
  return out;
}

/** `label-schema` → `labelSchema`. */
export function camelCase(key: string): string {
  return key.replace(/[-_]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}
