/** Suppressions of both file kinds: which codes, where they apply, and whether they were used. */
import type { Diagnostic, Range } from "@shipshape/text";

export type SuppressionOrigin = "hadolint" | "shipshape" | "buildkit" | "dclint";

export interface SuppressedCode {
  /** The code as written in the comment. */
  written: string;
  /** Where it is written (for `unused-suppression`). */
  range: Range;
  /** True once it suppressed a diagnostic. */
  used: boolean;
}

export interface Suppression {
  origin: SuppressionOrigin;
  /** The comment that declares it. */
  range: Range;
  /** The offsets it covers (inclusive of both ends); undefined for the whole file. */
  scope?: Range;
  /** Empty means every rule (`# dclint disable`, `skip=all` is expanded to `all`). */
  codes: SuppressedCode[];
  /** `all` / empty list / `*`: suppress every rule this origin may suppress. */
  all: boolean;
  /** BuildKit's `skip=all` reaches BuildKit checks only. */
  onlyBuildkitChecks?: boolean;
  /** Hadolint and shipshape ignores obey `disable-ignore-pragma`; `# check=skip` is build config. */
  obeysDisablePragma: boolean;
}

/**
 * Turns a code written in a suppression into the canonical codes of the rules it names (more than one
 * for an alias several rules share); empty when unknown.
 */
export type CodeResolver = (written: string) => readonly string[];

export interface SuppressionOutcome {
  kept: Diagnostic[];
  /** Codes that suppressed nothing, with the rule they name (undefined when unknown). */
  unused: { suppression: Suppression; code: SuppressedCode; canonical: string | undefined }[];
}

/**
 * Drops suppressed diagnostics. A diagnostic is suppressed when it starts inside a suppression's scope
 * and the suppression names its rule (by code, name or alias). Unused codes are returned so the caller
 * can report them for rules that actually ran.
 */
export function applySuppressions(
  diagnostics: readonly Diagnostic[],
  suppressions: readonly Suppression[],
  resolve: CodeResolver,
  isBuildkitCheck: (code: string) => boolean,
  disableIgnorePragma: boolean,
): SuppressionOutcome {
  const active = suppressions.filter((s) => !(disableIgnorePragma && s.obeysDisablePragma));
  const resolved = new Map<SuppressedCode, readonly string[]>();
  for (const s of active) for (const c of s.codes) resolved.set(c, resolve(c.written));
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    let suppressed = false;
    // Parse errors and internal failures are never suppressed (as hadolint's DL1000).
    if (d.category !== "syntax" && d.code !== "internal-error") {
      for (const s of active) {
        if (s.scope && (d.range.start < s.scope.start || d.range.start > s.scope.end)) continue;
        if (s.all) {
          if (s.onlyBuildkitChecks && !isBuildkitCheck(d.code)) continue;
          suppressed = true;
          for (const c of s.codes) c.used = true;
          continue;
        }
        for (const c of s.codes) {
          if (resolved.get(c)?.includes(d.code)) {
            c.used = true;
            suppressed = true;
          }
        }
      }
    }
    if (!suppressed) kept.push(d);
  }
  const unused: SuppressionOutcome["unused"] = [];
  for (const s of active) {
    if (s.all) continue;
    for (const c of s.codes) if (!c.used) unused.push({ suppression: s, code: c, canonical: resolved.get(c)?.[0] });
  }
  return { kept, unused };
}

/** Splits `A, B ,C` into codes with their ranges; `base` is the offset of `list` in the file. */
export function splitCodes(list: string, base: number): SuppressedCode[] {
  const codes: SuppressedCode[] = [];
  const re = /[^\s,]+/g;
  for (let m = re.exec(list); m; m = re.exec(list)) {
    codes.push({ written: m[0], range: { start: base + m.index, end: base + m.index + m[0].length }, used: false });
  }
  return codes;
}
