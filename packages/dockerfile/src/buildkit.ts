/**
 * BuildKit's per-line parsing (`splitCommand`, flag extraction, the per-instruction argument parsers),
 * reproduced exactly and extended with logical offsets for every word. The result, a `LineNode`, is what
 * both the AST builder and the `Node.Dump()` reproduction are made from.
 */
import { goQuote, goToLower, isRawByte, isReWhitespace, isSpaceCode, skipSpace, trimEndIndex, utf8Bytes } from "./chars.js";
import { parseJsonArray } from "./json.js";

/** A piece of the logical line: `[start, end)` in logical offsets, `value` as BuildKit produces it. */
export interface Piece {
  start: number;
  end: number;
  value: string;
}

export type LineErrorKind = "jsonNotStrings" | "missingValue" | "missingEquals";

export interface LineError {
  kind: LineErrorKind;
  message: string;
  start: number;
  end: number;
}

/** One instruction as BuildKit's parser sees it. */
export interface LineNode {
  /** Keyword as written. */
  keyword: Piece;
  /** `goToLower(keyword)`: the dispatch key. */
  lower: string;
  flags: Piece[];
  /** Trimmed arguments after the flags (logical offsets; `start === end` when empty). */
  args: Piece;
  /** The argument nodes (`Next` list); for ONBUILD empty and `sub` set instead. */
  next: Piece[];
  json: boolean;
  /** Start/end of the JSON array brackets when `json`. */
  jsonRange?: { start: number; end: number };
  /** ENV/LABEL legacy `key value` form. */
  legacyNameVal?: boolean;
  /** HEALTHCHECK: the type word, included in `next` too. */
  sub?: LineNode;
  error?: LineError;
}

export const KNOWN_INSTRUCTIONS = [
  "ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
  "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR",
] as const;

const KNOWN = new Set<string>(KNOWN_INSTRUCTIONS.map((k) => k.toLowerCase()));

export function isKnownInstruction(lower: string): boolean {
  return KNOWN.has(lower);
}

/**
 * Each known keyword's lower-case spelling, the one string every line node of it shares: the keyword is
 * compared with constants all the way down (argument parsing, tokens, rules), and two shared strings
 * compare at once where a fresh one is compared character by character.
 */
const SHARED_LOWER = new Map<string, string>(KNOWN_INSTRUCTIONS.map((k) => [k.toLowerCase(), k.toLowerCase()]));

/** Each known keyword's upper-case spelling, by its lower-case one. */
const UPPER = new Map<string, string>(KNOWN_INSTRUCTIONS.map((k) => [k.toLowerCase(), k]));

/**
 * `written.toUpperCase()` for a keyword whose Go lower case is `lower`: the shared constant when the keyword
 * is a known one written in ASCII letters (anything else, `ONBUİLD` say, is upper-cased as written).
 */
export function upperKeyword(written: string, lower: string): string {
  const upper = UPPER.get(lower);
  if (upper === undefined || upper.length !== written.length) return written.toUpperCase();
  for (let i = 0; i < upper.length; i++) {
    const c = written.charCodeAt(i);
    const u = upper.charCodeAt(i);
    if (c !== u && c !== u + 0x20) return written.toUpperCase();
  }
  return upper;
}

/**
 * Parses one logical line `line[from, to)` into a BuildKit node. ONBUILD triggers are parsed in a loop,
 * not by recursion, so `ONBUILD ONBUILD ...` cannot exhaust the stack.
 */
export function parseLineNode(line: string, escape: number, from = 0, to = line.length): LineNode {
  const root = parseSingleNode(line, escape, from, to);
  let node = root;
  while (node.lower === "onbuild" && node.args.start < node.args.end) {
    node.sub = parseSingleNode(line, escape, node.args.start, node.args.end);
    node = node.sub;
  }
  return root;
}

function parseSingleNode(line: string, escape: number, from: number, to: number): LineNode {
  const start = skipSpace(line, from, to);
  const end = trimEndIndex(line, start, to);
  let kwEnd = start;
  while (kwEnd < end && !isReWhitespace(line.charCodeAt(kwEnd))) kwEnd++;
  const keyword: Piece = { start, end: kwEnd, value: line.slice(start, kwEnd) };
  let flags: Piece[] = [];
  let argsStart = kwEnd;
  let argsEnd = kwEnd;
  if (kwEnd < end) {
    let restStart = kwEnd;
    while (restStart < end && isReWhitespace(line.charCodeAt(restStart))) restStart++;
    const extracted = extractBuilderFlags(line, restStart, end, escape);
    flags = extracted.flags;
    argsStart = skipSpace(line, extracted.restStart, end);
    argsEnd = trimEndIndex(line, argsStart, end);
    if (argsStart === argsEnd) argsStart = argsEnd = Math.max(kwEnd, argsEnd);
  }
  const args: Piece = { start: argsStart, end: argsEnd, value: line.slice(argsStart, argsEnd) };
  const lowered = goToLower(keyword.value);
  const node: LineNode = { keyword, lower: SHARED_LOWER.get(lowered) ?? lowered, flags, args, next: [], json: false };
  dispatchArguments(node, line, escape);
  return node;
}

function dispatchArguments(node: LineNode, line: string, escape: number): void {
  const { args } = node;
  switch (node.lower) {
    case "run":
    case "cmd":
    case "entrypoint":
    case "shell":
      parseMaybeJson(node, line, args.start, args.end);
      return;
    case "add":
    case "copy":
    case "volume":
      parseMaybeJsonToList(node, line, args.start, args.end);
      return;
    case "from":
    case "expose":
      node.next = splitWhitespace(line, args.start, args.end);
      return;
    case "env":
    case "label":
      parseNameVal(node, line, escape, node.lower === "env" ? "ENV" : "LABEL");
      return;
    case "arg":
      node.next = parseWords(line, args.start, args.end, escape);
      return;
    case "maintainer":
    case "user":
    case "workdir":
    case "stopsignal":
      if (args.start < args.end) node.next = [{ ...args }];
      return;
    case "healthcheck":
      parseHealthConfig(node, line);
      return;
    case "onbuild":
      // the trigger is parsed by parseLineNode's loop
      return;
    default:
      // parseIgnore: always one empty node
      node.next = [{ start: args.start, end: args.start, value: "" }];
  }
}

function parseMaybeJson(node: LineNode, line: string, from: number, to: number): void {
  if (from === to) return;
  if (!parseJson(node, line, from, to)) node.next = [{ start: from, end: to, value: line.slice(from, to) }];
}

function parseMaybeJsonToList(node: LineNode, line: string, from: number, to: number): void {
  if (!parseJson(node, line, from, to)) node.next = splitWhitespace(line, from, to);
}

/**
 * A JSON string array becomes one node per element; a JSON array with anything but strings is an error.
 * Returns false when the text is not JSON (the caller then splits it its own way).
 */
function parseJson(node: LineNode, line: string, from: number, to: number): boolean {
  const json = parseJsonArray(line, from, to);
  if (json.kind === "array") {
    node.json = true;
    node.jsonRange = { start: json.start, end: json.end };
    node.next = json.elements;
    return true;
  }
  if (json.kind === "notStrings") {
    node.error = {
      kind: "jsonNotStrings",
      message: "when using JSON array syntax, arrays must be comprised of strings only",
      start: json.start,
      end: json.end,
    };
    return true;
  }
  return false;
}

/** `reWhitespace.Split(s, -1)` over a trimmed range. */
export function splitWhitespace(line: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  if (from >= to) return out;
  let i = from;
  let wordStart = from;
  while (i < to) {
    if (isReWhitespace(line.charCodeAt(i))) {
      out.push({ start: wordStart, end: i, value: line.slice(wordStart, i) });
      while (i < to && isReWhitespace(line.charCodeAt(i))) i++;
      wordStart = i;
    } else i++;
  }
  out.push({ start: wordStart, end: to, value: line.slice(wordStart, to) });
  return out;
}

function parseNameVal(node: LineNode, line: string, escape: number, key: string): void {
  const { args } = node;
  const words = parseWords(line, args.start, args.end, escape);
  if (words.length === 0) return;
  if (!words[0].value.includes("=")) {
    node.legacyNameVal = true;
    let i = args.start;
    while (i < args.end && !isReWhitespace(line.charCodeAt(i))) i++;
    if (i >= args.end) {
      node.error = { kind: "missingValue", message: `${key} must have two arguments`, start: args.start, end: args.end };
      return;
    }
    let v = i;
    while (v < args.end && isReWhitespace(line.charCodeAt(v))) v++;
    node.next = [
      { start: args.start, end: i, value: line.slice(args.start, i) },
      { start: v, end: args.end, value: line.slice(v, args.end) },
      { start: args.end, end: args.end, value: "" },
    ];
    return;
  }
  const next: Piece[] = [];
  for (const w of words) {
    const eq = w.value.indexOf("=");
    if (eq < 0) {
      // BuildKit stops at the first such word
      node.error ??= {
        kind: "missingEquals",
        message: `Syntax error - can't find = in ${goQuote(w.value)}. Must be of the form: name=value`,
        start: w.start,
        end: w.end,
      };
      // keep the valid pairs so the AST still has them
      continue;
    }
    const rawEq = line.indexOf("=", w.start);
    const eqPos = rawEq >= 0 && rawEq < w.end ? rawEq : w.start + eq;
    next.push({ start: w.start, end: eqPos, value: w.value.slice(0, eq) });
    next.push({ start: eqPos + 1, end: w.end, value: w.value.slice(eq + 1) });
    next.push({ start: eqPos, end: eqPos + 1, value: "=" });
  }
  node.next = next;
}

function parseHealthConfig(node: LineNode, line: string): void {
  const { args } = node;
  // BuildKit tests single bytes here: 0x85 and 0xA0 inside a UTF-8 sequence count as spaces
  let sep = args.start;
  let partial = "";
  while (sep < args.end) {
    const c = line.charCodeAt(sep);
    if (c < 0x80) {
      if (isSpaceCode(c)) break;
      sep++;
      continue;
    }
    const cp = line.codePointAt(sep)!;
    const bytes = utf8Bytes(cp);
    const k = bytes.findIndex((b) => b === 0x85 || b === 0xa0);
    if (k >= 0) {
      partial = String.fromCharCode(...bytes.slice(0, k).map((b) => 0xdc00 + b));
      break;
    }
    sep += cp > 0xffff ? 2 : 1;
  }
  if (sep === args.start && partial === "") return;
  // after a split inside a character, its remaining bytes were the space: resume after it
  let next = partial === "" ? sep : sep + (line.codePointAt(sep)! > 0xffff ? 2 : 1);
  while (next < args.end && isSpaceCode(line.charCodeAt(next))) next++;
  const typ: Piece = { start: args.start, end: sep, value: line.slice(args.start, sep) + partial };
  const inner: LineNode = { ...node, next: [] };
  parseMaybeJson(inner, line, next, args.end);
  node.next = [typ, ...inner.next];
  node.json = inner.json;
  node.jsonRange = inner.jsonRange;
  if (inner.error) node.error = inner.error;
}

/**
 * BuildKit's `parseWords`: splits on Unicode spaces outside quotes, keeping quotes and escapes in the
 * words; an escape token at the very end is dropped.
 */
export function parseWords(line: string, from: number, to: number, escape: number): Piece[] {
  const words: Piece[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpaceCode(line.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    let word = "";
    let blankOk = false;
    let quote = 0;
    // the word is the text since `segStart`, plus what came before a dropped trailing escape
    let segStart = i;
    while (i < to) {
      const c = line.charCodeAt(i);
      if (quote === 0) {
        if (isSpaceCode(c)) break;
        if (c === 0x27 || c === 0x22) {
          quote = c;
          blankOk = true;
          i++;
          continue;
        }
        if (c === escape) {
          if (i + 1 === to) {
            if (i > segStart) word += cleanRaw(line.slice(segStart, i));
            i++;
            segStart = i;
            continue;
          }
          i += charWidth(line, i + 1) + 1;
          continue;
        }
        i++;
      } else {
        if (c === quote) {
          quote = 0;
          i++;
          continue;
        }
        if (c === escape && quote !== 0x27) {
          if (i + 1 === to) {
            if (i > segStart) word += cleanRaw(line.slice(segStart, i));
            i++;
            segStart = i;
            quote = 0;
            continue;
          }
          i += charWidth(line, i + 1) + 1;
          continue;
        }
        i++;
      }
    }
    if (i > segStart) word += cleanRaw(line.slice(segStart, i));
    if (blankOk || word.length > 0) words.push({ start, end: i, value: word });
  }
  return words;
}

function charWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** Go's rune decoding turns invalid bytes into U+FFFD when words are rebuilt rune by rune. */
function cleanRaw(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (isRawByte(s.charCodeAt(i))) return s.replace(/[\udc80-\udcff]/g, "\ufffd");
  }
  return s;
}

/** A flag character taken as it is: ASCII, not a space, quote or the escape token. */
function isPlainFlagChar(c: number, escape: number): boolean {
  return c < 0x80 && c !== 0x27 && c !== 0x22 && c !== escape && !isSpaceCode(c);
}

/** Go `unicode.IsSpace(rune(b))` for one byte (raw bytes arrive as U+DC80..U+DCFF). */
function isByteSpace(c: number): boolean {
  return c < 0x80 ? isSpaceCode(c) : c === 0xdc85 || c === 0xdca0;
}

interface FlagExtraction {
  flags: Piece[];
  /** Where the argument text starts (logical offset). */
  restStart: number;
}

/**
 * BuildKit's `extractBuilderFlags`: leading `--` words, quotes removed, the escape token taking the next
 * character literally. BuildKit walks bytes here, so a non-ASCII character in a flag comes out
 * re-encoded byte by byte as U+0080..U+00FF (reproduced).
 */
export function extractBuilderFlags(line: string, from: number, to: number, escape: number): FlagExtraction {
  const flags: Piece[] = [];
  let i = from;
  for (;;) {
    // bytes are tested one at a time: only ASCII spaces (and raw 0x85/0xA0 bytes) are spaces here
    while (i < to && isByteSpace(line.charCodeAt(i))) i++;
    if (i >= to) return { flags, restStart: to };
    if (line.charCodeAt(i) !== 0x2d || i + 1 >= to || line.charCodeAt(i + 1) !== 0x2d) {
      return { flags, restStart: i };
    }
    const start = i;
    let word = "";
    let blankOk = false;
    let quote = 0;
    // the usual flag is plain ASCII up to a space: it is its own text, no need to rebuild it by character
    let plainEnd = i;
    while (plainEnd < to && isPlainFlagChar(line.charCodeAt(plainEnd), escape)) plainEnd++;
    const plain = plainEnd === to || isByteSpace(line.charCodeAt(plainEnd));
    if (plain) {
      word = line.slice(start, plainEnd);
      i = plainEnd;
    }
    while (!plain && i < to) {
      let c = line.charCodeAt(i);
      if (quote === 0) {
        if (isByteSpace(c)) break;
        if (c === 0x27 || c === 0x22) {
          quote = c;
          blankOk = true;
          i++;
          continue;
        }
        if (c === escape) {
          if (i + 1 === to) {
            i++;
            continue;
          }
          i++;
          c = line.charCodeAt(i);
        }
      } else {
        if (c === quote) {
          quote = 0;
          i++;
          continue;
        }
        if (c === escape) {
          if (i + 1 === to) {
            quote = 0;
            i++;
            continue;
          }
          i++;
          c = line.charCodeAt(i);
        }
      }
      if (c < 0x80) {
        word += String.fromCharCode(c);
        i++;
        continue;
      }
      // byte-wise: each byte becomes U+00XX, and a 0x85/0xA0 byte outside quotes ends the word
      const cp = line.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      let split = false;
      for (const b of utf8Bytes(cp)) {
        if (quote === 0 && (b === 0x85 || b === 0xa0)) {
          split = true;
          break;
        }
        word += String.fromCharCode(b);
      }
      if (split) break;
    }
    if (word === "--") {
      if (i >= to) return { flags, restStart: to };
      return { flags, restStart: i };
    }
    if (blankOk || word.length > 0) flags.push({ start, end: i, value: word });
  }
}
