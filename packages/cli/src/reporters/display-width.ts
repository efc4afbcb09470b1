/**
 * How wide text shows in a terminal, in columns: what editors' compilation modes count in the GNU format
 * and what carets under a line must match. Combining marks, zero-width joiners and variation selectors take
 * none; East Asian wide and fullwidth characters and emoji take two; everything else one. (Unicode's
 * East_Asian_Width is not a JavaScript regex property: the wide ranges are listed here, as wcwidth has them.)
 */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200B-\u200F\u2060\uFE00-\uFE0F\uFEFF]$/u;

const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18cd5], [0x1b000, 0x1b2fb], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The columns one character (a code point) takes. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x300) return 1; // ASCII and Latin: the common case, without a regex
  if (ZERO_WIDTH.test(ch)) return 0;
  return isWide(cp) ? 2 : 1;
}

/**
 * The display column (1-based) where UTF-16 column `column` (1-based) of `line` starts: tabs go to the next
 * multiple of 8, as GNU's convention says.
 */
export function displayColumn(line: string, column: number): number {
  let col = 0;
  let i = 0;
  const stop = Math.min(column - 1, line.length);
  for (const ch of line) {
    if (i >= stop) break;
    col = ch === "\t" ? col + 8 - (col % 8) : col + charWidth(ch);
    i += ch.length;
  }
  return col + 1 + Math.max(0, column - 1 - line.length);
}

/** Text with every character replaced by spaces of its width (tabs kept), for padding under it. */
export function blankLike(text: string): string {
  let out = "";
  for (const ch of text) out += ch === "\t" ? "\t" : " ".repeat(charWidth(ch));
  return out;
}

/** The columns text takes (tabs counted as one: only used for runs the carets cover). */
export function textWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += ch === "\t" ? 1 : charWidth(ch);
  return n;
}
