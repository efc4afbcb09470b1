import { LineIndex, type Range } from "@shipshape/text";
import { interpolate, type Lookup } from "./template.js";

/** One `KEY=value` of an env file. */
export interface DotenvEntry {
  key: string;
  value: string;
  keyRange: Range;
  valueRange: Range;
  /** A bare `KEY` line: the value is taken from the environment when set there (else the entry is dropped). */
  inherited: boolean;
}

export interface DotenvProblem {
  message: string;
  range: Range;
  line: number;
}

export interface DotenvResult {
  entries: DotenvEntry[];
  /** The resulting variables (later lines win). */
  vars: Record<string, string>;
  problems: DotenvProblem[];
}

// Created when first needed: a pattern with Unicode property classes takes V8 about half a millisecond to
// create, which every run would otherwise pay at start-up (most never meet a non-ASCII character).
let keyChar: RegExp | undefined;

/** Letters, digits, `_ . - [ ]` (and blanks, reported separately); the regex only for non-ASCII. */
function isKeyChar(code: number, ch: string): boolean {
  if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return true;
  if (code === 95 || code === 46 || code === 45 || code === 91 || code === 93 || code === 32 || code === 9 || code === 13) return true;
  return code > 127 && (keyChar ??= /[\p{L}\p{N}_.\-\[\]]/u).test(ch);
}

/**
 * Parses an env file the way Compose does: `#` comments, optional `export `, `KEY=value` or `KEY: value`,
 * unquoted values trimmed with ` #` comments cut, single quotes literal, double quotes with `\n`-style escapes and
 * multi-line values, `${VAR}` references expanded from `lookup` first and then from the lines above.
 */
export function parseDotenv(text: string, lookup?: Lookup): DotenvResult {
  const entries: DotenvEntry[] = [];
  // A Map while parsing: adding tens of thousands of keys to an object one by one is slow in V8.
  const vars = new Map<string, string>();
  const problems: DotenvProblem[] = [];
  const src = text.replace(/^\uFEFF/, "");
  const shift = text.length - src.length;
  let i = 0;
  const lines = new LineIndex(src);
  const lineOf = (off: number) => lines.lineAt(off) + 1;
  const endOfLine = (from: number) => {
    const n = src.indexOf("\n", from);
    return n < 0 ? src.length : n;
  };
  const resolver: Lookup = (name) => {
    const v = lookup?.(name);
    if (v !== undefined) return v;
    return vars.get(name);
  };
  while (i < src.length) {
    // Skip blank space and comment lines.
    const c = src[i]!;
    if (c === " " || c === "\t" || c === "\r" || c === "\n") {
      i++;
      continue;
    }
    if (c === "#") {
      i = endOfLine(i) + 1;
      continue;
    }
    let start = i;
    if (src.startsWith("export ", i) || src.startsWith("export\t", i)) {
      start = i + 7;
      while (src[start] === " " || src[start] === "\t") start++;
    }
    // The key runs to `=`, `:` or the end of the line.
    let j = start;
    let bad = -1;
    while (j < src.length && src[j] !== "=" && src[j] !== ":" && src[j] !== "\n") {
      if (bad < 0 && !isKeyChar(src.charCodeAt(j), src[j]!)) bad = j;
      j++;
    }
    const rawKey = src.slice(start, j).replace(/[\s]+$/, "");
    const keyRange = { start: start + shift, end: start + rawKey.length + shift };
    const lineNo = lineOf(start);
    if (bad >= 0 && bad < start + rawKey.length) {
      problems.push({ message: `Unexpected character ${JSON.stringify(src[bad])} in variable name`, range: { start: bad + shift, end: bad + 1 + shift }, line: lineNo });
      i = endOfLine(j) + 1;
      continue;
    }
    if (/\s/.test(rawKey)) {
      problems.push({ message: "A variable name cannot contain a space", range: keyRange, line: lineNo });
      i = endOfLine(j) + 1;
      continue;
    }
    if (j >= src.length || src[j] === "\n") {
      // A bare name: inherit it from the environment.
      const v = lookup?.(rawKey);
      if (rawKey) {
        entries.push({ key: rawKey, value: v ?? "", keyRange, valueRange: { start: keyRange.end, end: keyRange.end }, inherited: true });
        if (v !== undefined) vars.set(rawKey, v);
      }
      i = j + 1;
      continue;
    }
    let k = j + 1;
    while (src[k] === " " || src[k] === "\t") k++;
    const q = src[k];
    let value: string;
    let valueRange: Range;
    if (q === "'" || q === '"') {
      let e = k + 1;
      while (e < src.length && !(src[e] === q && (q === "'" || !isEscaped(src, e)))) e++;
      if (e >= src.length) {
        problems.push({ message: `Unterminated quoted value for ${rawKey}`, range: { start: k + shift, end: endOfLine(k) + shift }, line: lineNo });
        i = src.length;
        continue;
      }
      const inner = src.slice(k + 1, e);
      valueRange = { start: k + shift, end: e + 1 + shift };
      if (q === "'") value = inner;
      else {
        const unescaped = inner.includes("\\") ? unescapeDouble(inner) : inner;
        value = unescaped.includes("$") ? interpolate(unescaped, resolver).value : unescaped;
      }
      i = endOfLine(e) + 1;
    } else {
      const eol = endOfLine(k);
      let raw = src.slice(k, eol);
      const hash = raw.search(/[ \t]#/);
      if (hash >= 0) raw = raw.slice(0, hash);
      raw = raw.replace(/\s+$/, "");
      valueRange = { start: k + shift, end: k + raw.length + shift };
      value = raw.includes("$") ? interpolate(raw, resolver).value : raw;
      i = eol + 1;
    }
    entries.push({ key: rawKey, value, keyRange, valueRange, inherited: false });
    vars.set(rawKey, value);
  }
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of vars) out[k] = v;
  return { entries, vars: out, problems };
}

function isEscaped(s: string, at: number): boolean {
  let n = 0;
  for (let k = at - 1; k >= 0 && s[k] === "\\"; k--) n++;
  return n % 2 === 1;
}

function unescapeDouble(s: string): string {
  return s.replace(/\\(.)/gs, (_m, ch: string) => {
    switch (ch) {
      case "n":
        return "\n";
      case "r":
        return "\r";
      case "t":
        return "\t";
      case "$":
        return "$$";
      default:
        return ch;
    }
  });
}
