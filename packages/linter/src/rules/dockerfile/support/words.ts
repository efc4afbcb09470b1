/**
 * Small text helpers shared by the Dockerfile rules (not rules themselves: codegen reads only the files
 * directly under rules/dockerfile/).
 */
import type { Instruction, Word } from "@shipshape/dockerfile";
import type { Range } from "@shipshape/text";

/** A value with one pair of surrounding quotes removed (`"a b"` → `a b`), escapes inside `"` applied. */
export function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v[0] === v[v.length - 1] && (v[0] === '"' || v[0] === "'")) {
    const inner = v.slice(1, -1);
    return v[0] === '"' ? inner.replace(/\\(["\\$])/g, "$1") : inner;
  }
  return v;
}

/** The last component of a slash-separated path, trailing slashes ignored (`./app/dist/` → `dist`). */
export function pathBasename(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** True when a word mentions a variable (`$x`, `${x}`), whose value is known only at build time. */
export function hasVariable(value: string): boolean {
  return /\$(?:\{|[A-Za-z_])/.test(value);
}

/**
 * The source range of `[from, to)` inside a word's logical value, when the word is written on one
 * stretch of source (no continuation inside it); undefined otherwise. Rules use it to point at part of
 * a word (the protocol of `80/TCP`) without guessing offsets across line continuations.
 */
export function subRange(word: Word, from: number, to: number): Range | undefined {
  if (word.range.end - word.range.start !== word.value.length) return undefined;
  return { start: word.range.start + from, end: word.range.start + to };
}

/** The range of a whole instruction plus the line break after it, for removing it. */
export function lineRange(instr: Instruction, text: string): Range {
  let end = instr.range.end;
  if (text[end] === "\r") end++;
  if (text[end] === "\n") end++;
  return { start: instr.range.start, end };
}

/** 1-based line of an offset, for messages. */
export function lineOf(lines: { positionAt(offset: number): { line: number } }, offset: number): number {
  return lines.positionAt(offset).line + 1;
}

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/**
 * The closest candidate to `name` (case differences count as one edit in total), if close enough to be
 * a likely misspelling: at most a third of the name's length, and at least one edit allowed.
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const limit = Math.max(1, Math.floor(name.length / 3));
  for (const c of candidates) {
    if (c === name) continue;
    const score = c.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name.toLowerCase(), c.toLowerCase());
    if (score <= limit && score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
