/**
 * Rule tests as annotated source. Expected diagnostics are written as caret lines under the line they
 * point at:
 *
 *     FROM node:latest
 *     #         ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
 *
 * The carets cover the range's columns; `#` stands in for column 1 (`#^^^^` marks columns 1 to 5, and a
 * bare `# warning[...]` column 1 alone). A range running past its first line is annotated on that line,
 * carets to the line's end; an empty range gets one caret. `check` strips the caret lines, lints the
 * rest with the given rules only, and requires exactly the annotated set: the failure shows the source
 * annotated with what was found, next to what was expected.
 */
import { expect } from "vitest";
import { LineIndex, type Diagnostic } from "@shipshape/text";
import { dedent } from "../../src/docs.js";
import { applySafeFixes, MAX_FIX_ROUNDS } from "../../src/fix.js";
import { lintSync, type LintOptions } from "../../src/lint.js";
import type { Rule, RuleKind } from "../../src/rule.js";
import type { LinterConfig } from "../../src/config/types.js";
import { ALL_RULES } from "../../src/rules/all.js";
import { initShell } from "@shipshape/shell";

// Rules that read shell commands (ctx.shell) need the bash grammar loaded; check() itself is synchronous.
await initShell();

export interface CheckOptions {
  /** Options for the rule under test (as under `rules: { CODE: {...} }` in the config). */
  options?: Record<string, unknown>;
  /** Any further configuration (severity overrides, pragmas settings, ...). */
  config?: LinterConfig;
  /** File kind; default from the rule. */
  kind?: RuleKind;
  /** File name; default `Dockerfile` or `compose.yaml`. */
  path?: string;
  /** Also lint with these rules (e.g. to test pragmas across rules). */
  also?: readonly Rule[];
}

interface Expected {
  line: number; // 0-based line in the stripped text
  column: number; // 0-based
  width: number;
  severity: string;
  code: string;
  message: string;
}

const CARET_LINE = /^#(?:(\^*)|( *)(\^+)) +(error|warning|info|style)\[([^\]]+)\]: (.*)$/;

/** Splits annotated source into the text to lint and the expected diagnostics. */
export function parseAnnotated(source: string): { text: string; expected: Expected[] } {
  const lines = dedent(source).split("\n");
  const kept: string[] = [];
  const expected: Expected[] = [];
  for (const line of lines) {
    const m = CARET_LINE.exec(line);
    if (!m) {
      kept.push(line);
      continue;
    }
    if (kept.length === 0) throw new Error(`Caret line with no line above it: ${line}`);
    const [, atStart, spaces, carets, severity, code, message] = m;
    const column = carets !== undefined ? 1 + spaces!.length : 0;
    const width = carets !== undefined ? carets.length : 1 + atStart!.length;
    expected.push({ line: kept.length - 1, column, width, severity: severity!, code: code!, message: message! });
  }
  return { text: kept.join("\n") + "\n", expected };
}

function fromDiagnostic(d: Diagnostic, index: LineIndex): Expected {
  const start = index.positionAt(d.range.start);
  const end = index.positionAt(d.range.end);
  const lineEnd = index.lineContentEnd(start.line) - index.lineStart(start.line);
  const endColumn = end.line === start.line ? end.character : Math.max(lineEnd, start.character + 1);
  return {
    line: start.line,
    column: start.character,
    width: Math.max(1, endColumn - start.character),
    severity: d.severity,
    code: d.code,
    message: d.message,
  };
}

/** The text with caret lines under the lines they annotate: the form a test is written in. */
export function renderAnnotated(text: string, found: readonly Expected[]): string {
  const lines = text.replace(/\n$/, "").split("\n");
  const sorted = [...found].sort(
    (a, b) => a.line - b.line || a.column - b.column || a.width - b.width || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    for (const e of sorted.filter((x) => x.line === i)) {
      const marker = e.column === 0 ? "#" + "^".repeat(e.width - 1) : "#" + " ".repeat(e.column - 1) + "^".repeat(e.width);
      out.push(`${marker} ${e.severity}[${e.code}]: ${e.message}`);
    }
  }
  for (const e of sorted.filter((x) => x.line >= lines.length)) out.push(`# (past the end) ${e.severity}[${e.code}]: ${e.message}`);
  return out.join("\n");
}

function lintOptions(rules: readonly Rule[], opts: CheckOptions): LintOptions {
  const [main] = rules;
  const config: LinterConfig = {
    ...opts.config,
    select: [...rules.map((r) => r.code), ...(opts.config?.select ?? [])],
    ruleOptions: { ...opts.config?.ruleOptions, ...(opts.options && main ? { [main.code]: opts.options } : {}) },
  };
  // The whole registry is known (so codes in pragmas resolve), but only `rules` are selected.
  const codes = new Set(rules.map((r) => r.code));
  return { rules: [...rules, ...ALL_RULES.filter((r) => !codes.has(r.code))], config, noConfigSearch: true };
}

function defaultPath(rule: Rule | undefined, opts: CheckOptions): { path: string; kind: RuleKind } {
  const kind = opts.kind ?? rule?.kind ?? "dockerfile";
  return { kind, path: opts.path ?? (kind === "compose" ? "compose.yaml" : "Dockerfile") };
}

/** Lints the annotated source with `rule` (plus `options.also`) and requires exactly the annotated diagnostics. */
export function check(rule: Rule, source: string, opts: CheckOptions = {}): void {
  const rules = [rule, ...(opts.also ?? [])];
  const { text, expected } = parseAnnotated(source);
  const { path, kind } = defaultPath(rule, opts);
  const diagnostics = lintSync({ path, text, kind }, lintOptions(rules, opts));
  const index = new LineIndex(text);
  const mine = diagnostics.filter((d) => d.file === undefined || d.file === path);
  const found = mine.map((d) => fromDiagnostic(d, index));
  expect(renderAnnotated(text, found)).toBe(renderAnnotated(text, expected));
  for (const d of mine) expect(fixProblems(d, text), `fix of ${d.code}: ${d.message}`).toEqual([]);
}

/** What is wrong with a diagnostic's fix: edits outside the text, reversed, or overlapping each other. */
function fixProblems(d: Diagnostic, text: string): string[] {
  if (!d.fix) return [];
  const problems: string[] = [];
  const edits = [...d.fix.edits].sort((a, b) => a.range.start - b.range.start);
  if (edits.length === 0) problems.push("a fix with no edits");
  edits.forEach((e, i) => {
    if (e.range.start < 0 || e.range.end > text.length || e.range.start > e.range.end) {
      problems.push(`edit ${e.range.start}-${e.range.end} is outside the text (length ${text.length})`);
    }
    const next = edits[i + 1];
    if (next && next.range.start < e.range.end) problems.push(`edits ${e.range.start}-${e.range.end} and ${next.range.start}-${next.range.end} overlap`);
  });
  return problems;
}

/**
 * Applies the rule's fixes (safe ones; unsafe too with `unsafe: true`) in rounds until stable and
 * requires the result to equal `after`. Caret lines are not used here.
 */
export function checkFix(rule: Rule, before: string, after: string, opts: CheckOptions & { unsafe?: boolean } = {}): void {
  const rules = [rule, ...(opts.also ?? [])];
  const { path, kind } = defaultPath(rule, opts);
  let text = dedent(before) + "\n";
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const diagnostics = lintSync({ path, text, kind }, lintOptions(rules, opts));
    const result = applySafeFixes(text, diagnostics, { unsafe: opts.unsafe, file: path });
    if (result.applied === 0 || result.text === text) break;
    text = result.text;
  }
  expect(text).toBe(dedent(after) + "\n");
}
