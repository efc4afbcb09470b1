import type { Diagnostic, Range, Severity } from "@shipshape/text";

/** One kind of problem the compose loader reports; the linter lists these as rules. */
export interface ComposeErrorInfo {
  code: string;
  /** Kebab-case rule name. */
  name: string;
  summary: string;
  severity: Severity;
}

const table = [
  // CF0xx: reading the files (YAML, interpolation, include, extends, env files)
  ["CF001", "yaml-syntax", "The file is not valid YAML.", "error"],
  ["CF002", "duplicate-key", "A mapping defines the same key twice; Compose refuses the file.", "error"],
  ["CF003", "excessive-aliasing", "Aliases expand into too many nodes (an alias bomb) or refer to themselves.", "error"],
  ["CF004", "invalid-merge-key", "A `<<` merge key must refer to a mapping or a list of mappings.", "error"],
  ["CF005", "invalid-top-level", "The document must be a mapping with string keys.", "error"],
  ["CF006", "empty-file", "The Compose file has no content.", "error"],
  ["CF007", "invalid-interpolation", "A `$` starts a malformed variable reference; write `$$` for a literal dollar.", "error"],
  ["CF008", "required-variable-missing", "A `${VAR:?message}` or `${VAR?message}` variable has no value.", "error"],
  ["CF009", "unset-variable", "A variable is not set and has no default, so it becomes an empty string.", "warning"],
  ["CF010", "obsolete-version", "The top-level `version` attribute is obsolete and ignored.", "warning"],
  ["CF011", "file-not-found", "A Compose file, included file, extended file or env file cannot be read.", "error"],
  ["CF012", "include-error", "An `include` entry is invalid or forms a cycle.", "error"],
  ["CF013", "extends-error", "An `extends` reference cannot be resolved or forms a cycle.", "error"],
  ["CF014", "env-file-syntax", "A `.env` file line cannot be parsed.", "error"],
  ["CF015", "merge-conflict", "Two files give incompatible kinds of value (a mapping and a list) to the same key.", "error"],
  ["CF016", "yaml-1.1-boolean", "`yes`/`no`/`on`/`off` are strings in YAML 1.2, not booleans; write `true` or `false`.", "warning"],
  // CF1xx: the Compose schema and the short syntaxes
  ["CF101", "unknown-key", "The key is not part of the Compose specification (only `x-*` extension keys may be added).", "error"],
  ["CF102", "invalid-type", "The value has the wrong type for this key.", "error"],
  ["CF103", "invalid-enum-value", "The value is not one of the values this key accepts.", "error"],
  ["CF104", "missing-required-key", "A key this mapping requires is missing.", "error"],
  ["CF105", "invalid-port", "A port mapping is malformed (bad number, range, protocol or address).", "error"],
  ["CF106", "invalid-volume-spec", "A volume mount in short syntax is malformed.", "error"],
  ["CF107", "invalid-duration", "A duration is malformed (expected e.g. `1m30s`, units ns us ms s m h d w).", "error"],
  ["CF108", "invalid-byte-size", "A byte size is malformed (expected e.g. `512m`, units b k kb m mb g gb).", "error"],
  ["CF109", "invalid-restart-policy", "`restart` must be no, always, on-failure[:N] or unless-stopped.", "error"],
  ["CF110", "invalid-name", "A service or resource name may only use letters, digits, `.`, `_` and `-`.", "error"],
  ["CF111", "invalid-key-value", "A list entry must have the form KEY=VALUE.", "error"],
  ["CF112", "value-out-of-range", "A number is outside the range this key accepts.", "error"],
  ["CF113", "conflicting-keys", "Keys that exclude each other are set together, or none of a required set is.", "error"],
  ["CF114", "pattern-mismatch", "The value does not have the form this key requires.", "error"],
  ["CF115", "duplicate-item", "A list that must hold unique items repeats one.", "error"],
  ["CF116", "invalid-extra-host", "An extra host entry must be HOST:IP or HOST=IP.", "error"],
  ["CF117", "invalid-healthcheck-test", "A healthcheck test list must start with NONE, CMD or CMD-SHELL.", "error"],
  ["CF118", "deprecated-key", "The key still works but is deprecated.", "warning"],
  ["CF119", "invalid-ip-address", "The value is not a valid IP address.", "error"],
  ["CF120", "invalid-device", "A device mapping is malformed.", "error"],
  ["CF121", "env-key-trailing-space", "An environment variable name ends with a space.", "error"],
] as const satisfies readonly (readonly [string, string, string, Severity])[];

export type ComposeErrorName = (typeof table)[number][1];

export const COMPOSE_ERRORS: readonly ComposeErrorInfo[] = table.map(([code, name, summary, severity]) => ({ code, name, summary, severity }));

const byName = new Map(COMPOSE_ERRORS.map((e) => [e.name, e]));

/** Builds a diagnostic of a known kind. */
export function composeDiagnostic(name: ComposeErrorName, message: string, range: Range, file: string | undefined, severity?: Severity): Diagnostic {
  const info = byName.get(name)!;
  const d: Diagnostic = {
    code: info.code,
    rule: info.name,
    message,
    severity: severity ?? info.severity,
    range,
    category: info.code.startsWith("CF0") && info.name !== "obsolete-version" ? "syntax" : "correctness",
  };
  if (file !== undefined) d.file = file;
  if (name === "obsolete-version" || name === "deprecated-key") d.tags = ["deprecated"];
  return d;
}

/** A sink for diagnostics that drops exact repeats (aliased content is validated once per use). */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private seen = new Set<string>();

  add(d: Diagnostic): void {
    const key = `${d.file ?? ""}|${d.code}|${d.range.start}|${d.range.end}|${d.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(d);
  }

  report(name: ComposeErrorName, message: string, range: Range, file: string | undefined, severity?: Severity): void {
    this.add(composeDiagnostic(name, message, range, file, severity));
  }
}
