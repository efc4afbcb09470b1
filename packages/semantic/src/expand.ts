/**
 * Variable expansion exactly as BuildKit's Dockerfile lexer (`frontend/dockerfile/shell/lex.go`) performs
 * it for FROM, ARG, ENV, COPY, WORKDIR, ...: `$a`, `${a}`, the modifiers `:-` `-` `:+` `+` `:?` `?` `#` `##`
 * `%` `%%` `/` `//`, nested words, single and double quotes, the escape token, and BuildKit's error
 * messages. It never throws: a failure is returned in `errors` (BuildKit stops at the first one, so there
 * is at most one) with the offset in the word where it was detected.
 */
import { replacePattern, trimPrefix, trimSuffix, type PatternResult } from "./shell-pattern.js";

/** Where variable values come from: a map, a plain record, or a look-up function (undefined = unset). */
export type EnvSource =
  | ReadonlyMap<string, string>
  | Readonly<Record<string, string>>
  | ((name: string) => string | undefined);

export interface ExpandOptions {
  /** The Dockerfile escape token; `\` by default. */
  escape?: "\\" | "`";
  /** Leave references to unset variables as written (`$a`, `${a:-x}`), as the RUN progress name does. */
  skipUnsetEnv?: boolean;
  /** Keep the quote characters in the result. */
  rawQuotes?: boolean;
  /** Keep the escape characters in the result. */
  rawEscapes?: boolean;
  /** Treat quotes as ordinary characters (COPY heredoc bodies). */
  skipProcessQuotes?: boolean;
  /** Look names up case-insensitively (a frontend built for Windows). */
  caseInsensitiveKeys?: boolean;
}

/** One variable look-up the lexer made, with offsets (UTF-16) into the word. */
export interface ExpansionReference {
  name: string;
  /** The whole reference: `$name` or `${...}` up to and including the closing brace. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  braced: boolean;
  /** `:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `##`, `%`, `%%`, `/` or `//`; absent for a plain reference. */
  modifier?: string;
  /** Whether the name was set in the environment. */
  found: boolean;
  /** The variable's value when found. */
  value?: string;
  /** 0 at the top level, 1 inside another reference's word, ... */
  depth: number;
  /** Inside double quotes. */
  quoted: boolean;
}

export interface ExpansionError {
  /** BuildKit's message, e.g. `syntax error: bad substitution` or `A: must be set`. */
  message: string;
  /** Offset in the word where the lexer stopped. */
  offset: number;
}

export interface ExpandResult {
  /** The expanded word ("" when there is an error, as BuildKit). */
  value: string;
  /** The word split on unquoted white space after expansion (BuildKit's ProcessWords). */
  words: string[];
  /** Names looked up but not set, in first-use order (BuildKit's "unmatched"; special parameters too). */
  unmatched: string[];
  /** Names looked up and set, in first-use order. */
  matched: string[];
  errors: ExpansionError[];
  references: ExpansionReference[];
}

const EOF = -1;
// Created when first needed: a pattern with Unicode property classes takes V8 about half a millisecond to
// create, which every run would otherwise pay at start-up (most never meet a non-ASCII character).
let letter: RegExp | undefined;
let digit: RegExp | undefined;
let space: RegExp | undefined;

// ASCII fast paths; Go's unicode.IsLetter / IsDigit / IsSpace beyond that.
function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return (letter ??= /^\p{L}$/u).test(String.fromCodePoint(cp));
}
function isDigit(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39;
  return (digit ??= /^\p{Nd}$/u).test(String.fromCodePoint(cp));
}
function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}
function isSpace(cp: number): boolean {
  if (cp < 0x80) return isAsciiSpace(cp);
  return (space ??= /^\p{White_Space}$/u).test(String.fromCodePoint(cp));
}
/** POSIX special parameters: always a single character, never set. */
function isSpecialParam(cp: number): boolean {
  return cp >= 0 && "@*#?-$!0".includes(String.fromCodePoint(cp));
}

/** Thrown internally to unwind to the top level, like Go's error returns; never escapes this module. */
class LexError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Accumulates the whitespace-split words alongside the single-word result. */
class WordSplitter {
  private word = "";
  private inWord = false;
  readonly words: string[] = [];

  addChar(ch: string): void {
    if (isSpace(ch.codePointAt(0)!)) this.addSpace();
    else this.addRawChar(ch);
  }
  /** An unquoted white-space character: it ends the current word, if any. */
  addSpace(): void {
    if (this.inWord && this.word.length !== 0) {
      this.words.push(this.word);
      this.word = "";
      this.inWord = false;
    }
  }
  /** `src[start, end)`, all ASCII and free of quotes, `$` and escapes: split on its white space. */
  addPlainAscii(src: string, start: number, end: number): void {
    let from = start;
    for (let i = start; i < end; i++) {
      if (!isAsciiSpace(src.charCodeAt(i))) continue;
      if (i > from) this.addRawString(src.slice(from, i));
      this.addSpace();
      from = i + 1;
    }
    if (end > from) this.addRawString(src.slice(from, end));
  }
  addRawChar(ch: string): void {
    this.word += ch;
    this.inWord = true;
  }
  addString(s: string): void {
    for (const ch of s) this.addChar(ch);
  }
  addRawString(s: string): void {
    this.word += s;
    this.inWord = true;
  }
  finish(): string[] {
    if (this.word.length > 0) {
      this.words.push(this.word);
      this.word = "";
      this.inWord = false;
    }
    return this.words;
  }
}

function makeLookup(env: EnvSource, caseInsensitive: boolean): (name: string) => string | undefined {
  if (typeof env === "function") return env;
  // The lexer only reads during one call: a Map is looked up in place rather than copied.
  if (env instanceof Map && !caseInsensitive) return (name) => env.get(name);
  const entries: [string, string][] = env instanceof Map ? [...env.entries()] : Object.entries(env);
  if (!caseInsensitive) {
    const map = new Map(entries);
    return (name) => map.get(name);
  }
  const map = new Map(entries.map(([k, v]) => [k.toUpperCase(), v] as [string, string]));
  return (name) => map.get(name.toUpperCase());
}

class Lexer {
  private pos = 0;
  private rawEscapes: boolean;
  private depth = 0;
  private quoted = false;
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  readonly references: ExpansionReference[] = [];
  private readonly escape: number;

  constructor(
    private readonly src: string,
    private readonly lookup: (name: string) => string | undefined,
    private readonly opts: ExpandOptions,
  ) {
    this.escape = (opts.escape ?? "\\").codePointAt(0)!;
    this.rawEscapes = opts.rawEscapes ?? false;
    // Go's text/scanner drops a byte order mark at the very start.
    if (src.codePointAt(0) === 0xfeff) this.pos = 1;
  }

  private peek(): number {
    return this.pos < this.src.length ? this.src.codePointAt(this.pos)! : EOF;
  }
  private next(): number {
    if (this.pos >= this.src.length) return EOF;
    const cp = this.src.codePointAt(this.pos)!;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  private getEnv(name: string): { value: string; set: boolean } {
    const v = this.lookup(name);
    if (v !== undefined) {
      this.matched.add(name);
      return { value: v, set: true };
    }
    this.unmatched.add(name);
    return { value: "", set: false };
  }

  run(): { value: string; words: string[] } {
    return this.processStopOn(EOF, this.rawEscapes);
  }

  /** Reads up to the end or to `stopChar` (consumed); the word and its split form. */
  processStopOn(stopChar: number, rawEscapes: boolean): { value: string; words: string[] } {
    let result = "";
    const words = new WordSplitter();
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stopChar !== EOF && ch === stopChar) {
          this.next();
          return { value: result, words: words.finish() };
        }
        const isQuote = !this.opts.skipProcessQuotes && (ch === 0x27 || ch === 0x22);
        if (ch === 0x24 /* $ */) {
          const tmp = this.processDollar();
          result += tmp;
          words.addString(tmp);
        } else if (isQuote) {
          const tmp = ch === 0x27 ? this.processSingleQuote() : this.processDoubleQuote();
          result += tmp;
          words.addRawString(tmp);
        } else if (ch < 0x80 && ch !== this.escape) {
          // A run of ordinary ASCII characters is copied in one piece (long RUN lines are mostly this).
          const start = this.pos;
          const end = this.plainAsciiEnd(start, stopChar);
          this.pos = end;
          result += this.src.slice(start, end);
          words.addPlainAscii(this.src, start, end);
        } else {
          let c = this.next();
          if (c === this.escape) {
            if (this.rawEscapes) {
              words.addRawChar(String.fromCodePoint(c));
              result += String.fromCodePoint(c);
            }
            // The escape token escapes the next character; at the end of the word it is dropped.
            c = this.next();
            if (c === EOF) break;
            words.addRawChar(String.fromCodePoint(c));
          } else {
            words.addChar(String.fromCodePoint(c));
          }
          result += String.fromCodePoint(c);
        }
      }
      if (stopChar !== EOF) {
        throw new LexError(
          `unexpected end of statement while looking for matching ${String.fromCodePoint(stopChar)}`,
          this.pos,
        );
      }
      return { value: result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  /** The end of the run of ASCII characters from `start` that processStopOn copies as they are. */
  private plainAsciiEnd(start: number, stopChar: number): number {
    const src = this.src;
    const quotes = !this.opts.skipProcessQuotes;
    let i = start;
    for (; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c >= 0x80 || c === 0x24 || c === this.escape || c === stopChar || (quotes && (c === 0x27 || c === 0x22))) break;
    }
    return i;
  }

  private processSingleQuote(): string {
    let result = "";
    const open = this.next();
    if (this.opts.rawQuotes) result += String.fromCodePoint(open);
    // Everything up to the closing quote is literal (a slice keeps surrogate pairs and lone ones alike).
    const close = this.src.indexOf("'", this.pos);
    if (close < 0) {
      this.pos = this.src.length;
      throw new LexError("unexpected end of statement while looking for matching single-quote", this.pos);
    }
    result += this.src.slice(this.pos, close);
    this.pos = close + 1;
    if (this.opts.rawQuotes) result += "'";
    return result;
  }

  private processDoubleQuote(): string {
    let result = "";
    const open = this.next();
    if (this.opts.rawQuotes) result += String.fromCodePoint(open);
    const wasQuoted = this.quoted;
    this.quoted = true;
    try {
      for (;;) {
        const p = this.peek();
        if (p === EOF) {
          throw new LexError("unexpected end of statement while looking for matching double-quote", this.pos);
        }
        if (p === 0x22) {
          this.next();
          if (this.opts.rawQuotes) result += '"';
          return result;
        }
        if (p === 0x24) {
          result += this.processDollar();
          continue;
        }
        if (p !== this.escape) {
          // A literal run up to the next quote, `$` or escape.
          const start = this.pos;
          let end = start + 1;
          while (end < this.src.length) {
            const c = this.src.charCodeAt(end);
            if (c === 0x22 || c === 0x24 || c === this.escape) break;
            end++;
          }
          result += this.src.slice(start, end);
          this.pos = end;
          continue;
        }
        let ch = this.next();
        if (ch === this.escape) {
          if (this.rawEscapes) result += String.fromCodePoint(ch);
          const after = this.peek();
          // An escape at the end of the word is ignored (and the quote is then unterminated).
          if (after === EOF) continue;
          // Only `"`, `$` and the escape token itself can be escaped; otherwise the escape stays.
          if (after === 0x22 || after === 0x24 || after === this.escape) ch = this.next();
        }
        result += String.fromCodePoint(ch);
      }
    } finally {
      this.quoted = wasQuoted;
    }
  }

  /** Reads a name: letters, digits and `_`; a leading digit run or one special parameter stands alone. */
  private processName(): string {
    const start = this.pos;
    const first = this.peek();
    if (first === EOF) return "";
    if (isDigit(first)) {
      while (this.peek() !== EOF && isDigit(this.peek())) this.next();
      return this.src.slice(start, this.pos);
    }
    if (isSpecialParam(first)) return String.fromCodePoint(this.next());
    while (this.peek() !== EOF) {
      const ch = this.peek();
      if (!isLetter(ch) && !isDigit(ch) && ch !== 0x5f) break;
      this.next();
    }
    // The name is the run of code points just read.
    return this.src.slice(start, this.pos);
  }

  private record(
    name: string,
    start: number,
    nameStart: number,
    braced: boolean,
    modifier: string | undefined,
    found: { value: string; set: boolean },
  ): void {
    // Built field by field (no object spreads), in the order the fields are declared.
    const ref = { name, start, end: this.pos, nameStart, nameEnd: nameStart + name.length, braced } as ExpansionReference;
    if (modifier !== undefined) ref.modifier = modifier;
    ref.found = found.set;
    if (found.set) ref.value = found.value;
    ref.depth = this.depth;
    ref.quoted = this.quoted;
    this.references.push(ref);
  }

  private processDollar(): string {
    const start = this.pos;
    this.next();

    if (this.peek() !== 0x7b /* { */) {
      const nameStart = this.pos;
      const name = this.processName();
      if (name === "") return "$";
      const found = this.getEnv(name);
      this.record(name, start, nameStart, false, undefined, found);
      if (!found.set && this.opts.skipUnsetEnv) return "$" + name;
      return found.value;
    }

    this.next();
    const first = this.peek();
    if (first === EOF) throw new LexError("syntax error: missing '}'", this.pos);
    if (first === 0x7b || first === 0x7d || first === 0x3a) {
      throw new LexError("syntax error: bad substitution", this.pos);
    }
    const nameStart = this.pos;
    const name = this.processName();
    const modifierStart = this.pos;
    let ch = this.next();
    // Go formats the end-of-input rune (-1) as U+FFFD.
    const show = (c: number) => (c === EOF ? "\uFFFD" : String.fromCodePoint(c));
    let chs = show(ch);

    if (ch === 0x7d /* } */) {
      const found = this.getEnv(name);
      this.record(name, start, nameStart, true, undefined, found);
      if (!found.set && this.opts.skipUnsetEnv) return "${" + name + "}";
      return found.value;
    }

    if (ch === 0x2f /* / */) return this.processReplace(name, start, nameStart);

    let nullIsUnset = false;
    if (ch === 0x3a /* : */) {
      // After `:` any character is taken as the operator; an unknown one fails only after the word is read.
      nullIsUnset = true;
      ch = this.next();
      chs += show(ch);
    } else if (ch === EOF || !"+-?#%".includes(chs)) {
      throw new LexError(`unsupported modifier (${chs}) in substitution`, modifierStart);
    }

    const rawEscapes = ch === 0x23 || ch === 0x25; // # and %
    if (nullIsUnset && rawEscapes) {
      throw new LexError(`unsupported modifier (${chs}) in substitution`, modifierStart);
    }
    const word = this.nested(() => this.processStopOn(0x7d, rawEscapes).value);

    const found = this.getEnv(name);
    let modifier = chs;
    if (rawEscapes && word.startsWith(chs)) modifier += chs;
    this.record(name, start, nameStart, true, modifier, found);
    if (this.opts.skipUnsetEnv && !found.set) return "${" + name + chs + word + "}";

    const { value, set } = found;
    const empty = !set || (nullIsUnset && value === "");
    switch (ch) {
      case 0x2d: // -
        return empty ? word : value;
      case 0x2b: // +
        return empty ? "" : word;
      case 0x3f: // ?
        if (!set) throw new LexError(`${name}: ${word !== "" ? word : "is not allowed to be unset"}`, this.pos);
        if (nullIsUnset && value === "") {
          throw new LexError(`${name}: ${word !== "" ? word : "is not allowed to be empty"}`, this.pos);
        }
        return value;
      case 0x23: // #
      case 0x25: {
        // %: one character trims the shortest match, the doubled one the longest.
        const marker = String.fromCodePoint(ch);
        const greedy = word.startsWith(marker);
        const pattern = greedy ? word.slice(1) : word;
        const r = ch === 0x25 ? trimSuffix(pattern, value, greedy) : trimPrefix(pattern, value, greedy);
        return this.unwrap(r);
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`, modifierStart);
    }
  }

  private processReplace(name: string, start: number, nameStart: number): string {
    const all = this.peek() === 0x2f;
    if (all) this.next();
    const pattern = this.nested(() => this.processStopOn(0x2f, true).value, "syntax error: missing '/' in ${}");
    const replacement = this.nested(() => this.processStopOn(0x7d, true).value);
    const found = this.getEnv(name);
    this.record(name, start, nameStart, true, all ? "//" : "/", found);
    if (this.opts.skipUnsetEnv && !found.set) return "${" + name + "/" + pattern + "/" + replacement + "}";
    return this.unwrap(replacePattern(pattern, found.value, replacement, all));
  }

  private unwrap(r: PatternResult): string {
    if (!r.ok) throw new LexError(r.message, this.pos);
    return r.value;
  }

  /** Processes a modifier's word; an error that ran to the end of the text becomes the "missing" error. */
  private nested(read: () => string, missing = "syntax error: missing '}'"): string {
    this.depth++;
    try {
      return read();
    } catch (e) {
      if (e instanceof LexError && this.peek() === EOF) throw new LexError(missing, this.pos);
      throw e;
    } finally {
      this.depth--;
    }
  }
}

/** A word that expands to itself with any environment (no `$`, quote, escape token or non-ASCII character). */
export function isLiteralWord(word: string, escape: "\\" | "`"): boolean {
  return isLiteral(word, escape.charCodeAt(0));
}

/**
 * A word of plain ASCII with no `$`, quote or escape token expands to itself; its split form is its runs
 * of non-space characters. Most ENV keys, ARG defaults and image names are such words.
 */
function isLiteral(word: string, escape: number): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x80 || c === 0x24 || c === 0x27 || c === 0x22 || c === escape) return false;
  }
  return true;
}

function literalWords(word: string): string[] {
  const words: string[] = [];
  let from = 0;
  for (let i = 0; i <= word.length; i++) {
    const c = i < word.length ? word.charCodeAt(i) : 0x20;
    if (c !== 0x20 && (c < 0x09 || c > 0x0d)) continue;
    if (i > from) words.push(word.slice(from, i));
    from = i + 1;
  }
  return words;
}

function process(word: string, env: EnvSource, options: ExpandOptions): ExpandResult {
  if (isLiteral(word, (options.escape ?? "\\").charCodeAt(0))) {
    return { value: word, words: literalWords(word), unmatched: [], matched: [], errors: [], references: [] };
  }
  const lexer = new Lexer(word, makeLookup(env, options.caseInsensitiveKeys ?? false), options);
  let value = "";
  let words: string[] = [];
  const errors: ExpansionError[] = [];
  try {
    ({ value, words } = lexer.run());
  } catch (e) {
    if (!(e instanceof LexError)) throw e;
    errors.push({ message: e.message, offset: e.offset });
  }
  return {
    value,
    words,
    unmatched: [...lexer.unmatched],
    matched: [...lexer.matched],
    errors,
    references: [...lexer.references].sort((a, b) => a.start - b.start),
  };
}

/** Expands one word (BuildKit's ProcessWord): quotes removed, no splitting. */
export function expandWord(word: string, env: EnvSource, options: ExpandOptions = {}): ExpandResult {
  return process(word, env, options);
}

/**
 * Expands and splits on unquoted white space (BuildKit's ProcessWords, used by EXPOSE): a variable's value
 * is split, a quoted string is not. The result's `words` holds the split form.
 */
export function expandWords(word: string, env: EnvSource, options: ExpandOptions = {}): ExpandResult {
  return process(word, env, options);
}

/** BuildKit wraps a lexer error with the whole word: `failed to process "<word>": <message>`. */
export function formatExpansionError(word: string, error: ExpansionError): string {
  return `failed to process ${JSON.stringify(word)}: ${error.message}`;
}
