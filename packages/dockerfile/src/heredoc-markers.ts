/**
 * Heredoc marker detection as BuildKit does it: the whole joined line is word-split by the shell lexer
 * (escape always `\`, quotes and escapes kept raw), then each word matching `^(\d*)<<(-?)\s*([^<]*)$`
 * is a candidate whose delimiter is lexed again with and without quotes.
 */

export interface HeredocMarker {
  /** Logical offsets of the marker word. */
  start: number;
  end: number;
  raw: string;
  name: string;
  fileDescriptor: number;
  chomp: boolean;
  expand: boolean;
}

export type MarkerResult = { markers: HeredocMarker[] } | { error: string; start: number; end: number };

import { isSpaceCode } from "./chars.js";

function endsWithHeredocOperator(line: string, wordStart: number, i: number): boolean {
  if (i - wordStart >= 2 && line.charCodeAt(i - 1) === 0x3c && line.charCodeAt(i - 2) === 0x3c) return true;
  return i - wordStart >= 3 && line.charCodeAt(i - 1) === 0x2d && line.charCodeAt(i - 2) === 0x3c && line.charCodeAt(i - 3) === 0x3c;
}

interface RawWord {
  start: number;
  end: number;
}

/** Shell-lexer word split with raw quotes and escapes; `null` on a lexer error. */
function rawWords(line: string, from: number, to: number): RawWord[] | null {
  const words: RawWord[] = [];
  let i = from;
  let wordStart = -1;
  while (i < to) {
    const c = line.charCodeAt(i);
    if (isSpaceCode(c)) {
      if (wordStart >= 0) {
        // the lexer glues the whitespace after `<<` (and, per upstream's tests, `<<-`) to the word
        if (endsWithHeredocOperator(line, wordStart, i)) {
          while (i < to && isSpaceCode(line.charCodeAt(i))) i++;
          continue;
        }
        words.push({ start: wordStart, end: i });
        wordStart = -1;
      }
      i++;
      continue;
    }
    if (wordStart < 0) wordStart = i;
    if (c === 0x5c) {
      i += 2;
      continue;
    }
    if (c === 0x27) {
      const close = line.indexOf("'", i + 1);
      if (close < 0 || close >= to) return null;
      i = close + 1;
      continue;
    }
    if (c === 0x22) {
      i++;
      while (i < to && line.charCodeAt(i) !== 0x22) i += line.charCodeAt(i) === 0x5c ? 2 : 1;
      if (i >= to) return null;
      i++;
      continue;
    }
    if (c === 0x24 && line.charCodeAt(i + 1) === 0x7b) {
      let depth = 0;
      let j = i + 1;
      for (; j < to; j++) {
        const d = line.charCodeAt(j);
        if (d === 0x7b) depth++;
        else if (d === 0x7d && --depth === 0) break;
      }
      if (j >= to) return null;
      i = j + 1;
      continue;
    }
    i++;
  }
  if (wordStart >= 0) words.push({ start: wordStart, end: Math.min(i, to) });
  return words;
}

const MARKER = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

/** Finds the heredoc markers of a joined instruction line (`line[from, to)`). */
export function heredocMarkers(line: string, from = 0, to = line.length): MarkerResult {
  const markers: HeredocMarker[] = [];
  const words = rawWords(line, from, to);
  if (!words) return { markers };
  for (const w of words) {
    const raw = line.slice(w.start, w.end);
    if (!raw.includes("<<")) continue;
    const m = MARKER.exec(raw);
    if (!m) continue;
    const parsed = parseDelimiter(m[3]);
    if (parsed === undefined) continue;
    if ("error" in parsed) return { error: parsed.error, start: w.start, end: w.end };
    markers.push({
      start: w.start,
      end: w.end,
      raw,
      name: parsed.name,
      fileDescriptor: m[1] ? Number.parseInt(m[1], 10) || 0 : 0,
      chomp: m[2] === "-",
      expand: parsed.expand,
    });
  }
  return { markers };
}

/** BuildKit's `ParseHeredoc` on a single word: undefined when not a heredoc. */
export function parseHeredocWord(word: string): { name: string; chomp: boolean; fileDescriptor: number; expand: boolean } | { error: string } | undefined {
  const m = MARKER.exec(word);
  if (!m) return undefined;
  const parsed = parseDelimiter(m[3]);
  if (parsed === undefined || "error" in parsed) return parsed;
  return { name: parsed.name, chomp: m[2] === "-", fileDescriptor: m[1] ? Number.parseInt(m[1], 10) || 0 : 0, expand: parsed.expand };
}

function parseDelimiter(rest: string): { name: string; expand: boolean } | { error: string } | undefined {
  if (rest.length === 0) return undefined;
  const unquoted = lexWords(rest, false);
  if (unquoted === null) return { error: `unterminated quote in heredoc delimiter ${JSON.stringify(rest)}` };
  if (unquoted.length !== 1) return undefined;
  const quoted = lexWords(rest, true);
  if (quoted === null || quoted.length !== 1) return { error: `inconsistent heredoc delimiter ${JSON.stringify(rest)}` };
  const count = (s: string) => {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x27 || c === 0x22) n++;
    }
    return n;
  };
  return { name: unquoted[0], expand: count(unquoted[0]) === count(quoted[0]) };
}

/**
 * The shell lexer in word mode with unset variables kept verbatim: quotes removed (or kept when
 * `rawQuotes`), escapes processed. `null` on an unterminated quote or brace.
 */
function lexWords(s: string, rawQuotes: boolean): string[] | null {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c) {
      if (inWord) {
        words.push(word);
        word = "";
        inWord = false;
      }
      i++;
      continue;
    }
    inWord = true;
    if (c === 0x27) {
      const close = s.indexOf("'", i + 1);
      if (close < 0) return null;
      word += rawQuotes ? s.slice(i, close + 1) : s.slice(i + 1, close);
      i = close + 1;
      continue;
    }
    if (c === 0x22) {
      if (rawQuotes) word += '"';
      i++;
      for (;;) {
        if (i >= n) return null;
        const d = s.charCodeAt(i);
        if (d === 0x22) break;
        if (d === 0x5c && i + 1 < n) {
          const e = s.charCodeAt(i + 1);
          if (e === 0x22 || e === 0x24 || e === 0x5c) {
            word += s[i + 1];
            i += 2;
            continue;
          }
        }
        word += s[i];
        i++;
      }
      if (rawQuotes) word += '"';
      i++;
      continue;
    }
    if (c === 0x5c) {
      if (i + 1 < n) word += s[i + 1];
      i += 2;
      continue;
    }
    if (c === 0x24 && s.charCodeAt(i + 1) === 0x7b) {
      const close = s.indexOf("}", i);
      if (close < 0) return null;
      word += s.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    word += s[i];
    i++;
  }
  if (inWord) words.push(word);
  return words;
}
