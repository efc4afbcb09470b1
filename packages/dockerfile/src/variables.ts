/**
 * Locates variable references the way BuildKit's shell lexer (`shell/lex.go`) recognises them:
 * `$name`, `${name}`, `${name<modifier>word}` including nested references inside the word. Text inside
 * single quotes and escaped `$` are skipped. Positions are offsets into the scanned string; the caller
 * maps them to source offsets.
 */

export interface FoundVariable {
  start: number;
  end: number;
  name: string;
  nameStart: number;
  braced: boolean;
  modifier?: string;
  word?: { start: number; end: number };
  replacement?: { start: number; end: number };
}

const SPECIAL = "@*#?-$!";

function isNameChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f ||
    (c > 0x7f && /[\p{L}\p{N}]/u.test(String.fromCharCode(c)))
  );
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Every reference in `s[from, to)`, outer ones before the nested ones they contain. */
export function findVariables(s: string, from: number, to: number, escape: number, out: FoundVariable[] = []): FoundVariable[] {
  // bounded: an instruction's words are scanned one by one, and a search to the end of the line for each
  // word would make many-word instructions quadratic
  const dollar = s.indexOf("$", from);
  if (dollar < 0 || dollar >= to) return out;
  new VariableScanner(s, to, escape, out).scan(from, -1, false);
  return out;
}

/** Nested `${a:-${b:-...}}` deeper than this are skipped as text (the scanner recurses once per level). */
const MAX_NESTING = 100;

class VariableScanner {
  depth = 0;

  constructor(
    readonly s: string,
    readonly to: number,
    readonly escape: number,
    readonly out: FoundVariable[],
  ) {}

  /**
   * Scans from `i` until `stop` (a char code, or -1 for the end) outside quotes; returns the index of the
   * stop character (or `to`).
   */
  scan(i: number, stop: number, inDouble: boolean): number {
    const { s, to, escape } = this;
    let dq = inDouble;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c === stop && !dq) return i;
      if (c === escape) {
        i += 2;
        continue;
      }
      if (!dq && c === 0x27) {
        const close = s.indexOf("'", i + 1);
        i = close < 0 || close >= to ? to : close + 1;
        continue;
      }
      if (c === 0x22) {
        dq = !dq;
        i++;
        continue;
      }
      if (c === 0x24) {
        i = this.dollar(i);
        continue;
      }
      i++;
    }
    return to;
  }

  /** Handles a `$` at `i`; returns the index after what it consumed. */
  dollar(i: number): number {
    const { s, to } = this;
    const c = i + 1 < to ? s.charCodeAt(i + 1) : -1;
    if (c === 0x7b) {
      if (this.depth >= MAX_NESTING) return i + 2;
      this.depth++;
      const end = this.braced(i);
      this.depth--;
      return end;
    }
    if (c < 0) return i + 1;
    if (isDigit(c) || SPECIAL.includes(String.fromCharCode(c))) {
      // positional and special parameters are always unset; not references to a variable
      let j = i + 2;
      if (isDigit(c)) while (j < to && isDigit(s.charCodeAt(j))) j++;
      return j;
    }
    if (!isNameChar(c)) return i + 1;
    let j = i + 1;
    while (j < to && isNameChar(s.charCodeAt(j))) j++;
    this.out.push({ start: i, end: j, name: s.slice(i + 1, j), nameStart: i + 1, braced: false });
    return j;
  }

  braced(i: number): number {
    const { s, to } = this;
    const nameStart = i + 2;
    let j = nameStart;
    while (j < to && isNameChar(s.charCodeAt(j))) j++;
    if (j === nameStart) {
      // `${}` `${#a}` and the like are lexer errors; skip to the closing brace
      const close = s.indexOf("}", j);
      return close < 0 || close >= to ? to : close + 1;
    }
    const ref: FoundVariable = { start: i, end: j, name: s.slice(nameStart, j), nameStart, braced: true };
    this.out.push(ref);
    const c = j < to ? s.charCodeAt(j) : -1;
    if (c === 0x7d) {
      ref.end = j + 1;
      return j + 1;
    }
    let modifier = "";
    if (c === 0x3a) {
      const d = j + 1 < to ? s.charCodeAt(j + 1) : -1;
      if (d === 0x2d || d === 0x2b || d === 0x3f) modifier = ":" + String.fromCharCode(d);
    } else if (c === 0x2d || c === 0x2b || c === 0x3f) modifier = String.fromCharCode(c);
    else if (c === 0x23 || c === 0x25 || c === 0x2f) {
      modifier = String.fromCharCode(c);
      if (j + 1 < to && s.charCodeAt(j + 1) === c) modifier += modifier;
    }
    if (!modifier) {
      const close = s.indexOf("}", j);
      ref.end = close < 0 || close >= to ? to : close + 1;
      return ref.end;
    }
    ref.modifier = modifier;
    const wordStart = j + modifier.length;
    if (c === 0x2f) {
      const slash = this.scan(wordStart, 0x2f, false);
      ref.word = { start: wordStart, end: slash };
      if (slash >= to) {
        ref.end = to;
        return to;
      }
      const close = this.scan(slash + 1, 0x7d, false);
      ref.replacement = { start: slash + 1, end: close };
      ref.end = Math.min(close + 1, to);
      return ref.end;
    }
    const close = this.scan(wordStart, 0x7d, false);
    ref.word = { start: wordStart, end: close };
    ref.end = Math.min(close + 1, to);
    return ref.end;
  }
}
