import type { Range } from "./range.js";

/** Replace `range` with `text`. */
export interface TextEdit {
  range: Range;
  text: string;
}

export type FixSafety = "safe" | "unsafe";

/** A set of edits that repairs one diagnostic. */
export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export function replace(range: Range, text: string): TextEdit {
  return { range, text };
}

export function insertAt(offset: number, text: string): TextEdit {
  return { range: { start: offset, end: offset }, text };
}

export function remove(range: Range): TextEdit {
  return { range, text: "" };
}

/**
 * Applies edits that do not overlap each other. Edits are applied from the end of the text so
 * earlier offsets stay valid. Throws nothing: overlapping edits are skipped and returned.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const accepted: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.range.start < 0 || e.range.end > text.length || e.range.start > e.range.end) {
      skipped.push(e);
      continue;
    }
    if (e.range.start < lastEnd) {
      skipped.push(e);
      continue;
    }
    accepted.push(e);
    lastEnd = e.range.end;
  }
  let out = "";
  let pos = 0;
  for (const e of accepted) {
    out += text.slice(pos, e.range.start) + e.text;
    pos = e.range.end;
  }
  out += text.slice(pos);
  return { text: out, skipped };
}

/**
 * Applies whole fixes: a fix whose edits overlap an already chosen fix is left for a later round.
 * Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number; deferred: number } {
  const chosen: TextEdit[] = [];
  let applied = 0;
  let deferred = 0;
  for (const fix of fixes) {
    const clash = fix.edits.some((e) =>
      chosen.some((c) => (e.range.start < c.range.end && c.range.start < e.range.end) ||
        (e.range.start === e.range.end && e.range.start === c.range.start) ||
        (c.range.start === c.range.end && c.range.start === e.range.start)),
    );
    const invalid = fix.edits.some((e) => e.range.start < 0 || e.range.end > text.length || e.range.start > e.range.end);
    if (invalid) continue;
    if (clash) {
      deferred++;
      continue;
    }
    chosen.push(...fix.edits);
    applied++;
  }
  return { text: applyEdits(text, chosen).text, applied, deferred };
}
