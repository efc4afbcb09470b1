/**
 * BuildKit's `parseJSON`: Go `encoding/json` decoding of a whole argument string into `[]any`, then every
 * element must be a string. Written by hand to keep the offset of every string literal.
 */
import type { Piece } from "./buildkit.js";
import { isRawByte, isSpaceCode } from "./chars.js";

export type JsonArrayResult =
  | { kind: "array"; start: number; end: number; elements: Piece[] }
  | { kind: "notJson" }
  | { kind: "notStrings"; start: number; end: number };

/** The answer for most arguments (shell form), shared rather than made per call. */
const NOT_JSON: JsonArrayResult = Object.freeze({ kind: "notJson" });

class JsonSyntaxError {}
const SYNTAX = new JsonSyntaxError();

/** Parses `s[from, to)`; leading Unicode spaces are skipped, trailing JSON whitespace allowed. */
export function parseJsonArray(s: string, from: number, to: number): JsonArrayResult {
  let i = from;
  while (i < to && isSpaceCode(s.charCodeAt(i))) i++;
  if (i >= to || s.charCodeAt(i) !== 0x5b) return NOT_JSON;
  const start = i;
  const p = new JsonScanner(s, i, to);
  try {
    const elements: Piece[] = [];
    let nonString: { start: number; end: number } | undefined;
    p.pos++;
    p.ws();
    if (p.peek() === 0x5d) p.pos++;
    else {
      for (;;) {
        p.ws();
        const elStart = p.pos;
        if (p.peek() === 0x22) {
          const value = p.string();
          elements.push({ start: elStart, end: p.pos, value });
        } else {
          p.value();
          nonString ??= { start: elStart, end: p.pos };
        }
        p.ws();
        const c = p.peek();
        p.pos++;
        if (c === 0x2c) continue;
        if (c === 0x5d) break;
        throw SYNTAX;
      }
    }
    const end = p.pos;
    p.ws();
    if (p.pos !== to || p.typeError) throw SYNTAX;
    if (nonString) return { kind: "notStrings", ...nonString };
    return { kind: "array", start, end, elements };
  } catch (e) {
    if (e === SYNTAX) return NOT_JSON;
    throw e;
  }
}

class JsonScanner {
  typeError = false;

  constructor(
    readonly s: string,
    public pos: number,
    readonly to: number,
  ) {}

  peek(): number {
    return this.pos < this.to ? this.s.charCodeAt(this.pos) : -1;
  }

  ws(): void {
    for (;;) {
      const c = this.peek();
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else return;
    }
  }

  /**
   * Skips one JSON value (validating it). Iterative, so deep nesting cannot overflow the stack; like Go,
   * more than 10000 levels (counting the outer array) is an error.
   */
  value(): void {
    const stack: number[] = []; // open containers: 0x5d for arrays, 0x7d for objects
    for (;;) {
      this.ws();
      let c = this.peek();
      if (stack.length > 0 && stack[stack.length - 1] === 0x7d) {
        // inside an object, a value is preceded by `"key":`
        if (c !== 0x22) throw SYNTAX;
        this.string();
        this.ws();
        if (this.peek() !== 0x3a) throw SYNTAX;
        this.pos++;
        this.ws();
        c = this.peek();
      }
      if (c === 0x5b || c === 0x7b) {
        this.pos++;
        if (stack.length + 2 > 10000) throw SYNTAX;
        stack.push(c === 0x5b ? 0x5d : 0x7d);
        this.ws();
        if (this.peek() === stack[stack.length - 1]) {
          this.pos++;
          stack.pop();
        } else continue;
      } else if (c === 0x22) this.string();
      else if (c === 0x74) this.literal("true");
      else if (c === 0x66) this.literal("false");
      else if (c === 0x6e) this.literal("null");
      else this.number();
      // after a value: close containers or move to the next element
      for (;;) {
        if (stack.length === 0) return;
        this.ws();
        const d = this.peek();
        this.pos++;
        if (d === 0x2c) break;
        if (d === stack[stack.length - 1]) {
          stack.pop();
          continue;
        }
        throw SYNTAX;
      }
    }
  }

  literal(word: string): void {
    if (this.s.startsWith(word, this.pos) && this.pos + word.length <= this.to) this.pos += word.length;
    else throw SYNTAX;
  }

  number(): void {
    const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    m.lastIndex = this.pos;
    const r = m.exec(this.s);
    if (!r || r[0].length === 0 || this.pos + r[0].length > this.to) throw SYNTAX;
    this.pos += r[0].length;
    // Go fails to store a number beyond float64 in an `any`: an unmarshal error, so not a JSON array to BuildKit
    if (!Number.isFinite(Number(r[0]))) this.typeError = true;
  }

  /** Decodes a string literal the way Go does (invalid UTF-8 and lone surrogates become U+FFFD). */
  string(): string {
    const s = this.s;
    let i = this.pos + 1;
    let out = "";
    let runStart = i;
    for (;;) {
      if (i >= this.to) throw SYNTAX;
      const c = s.charCodeAt(i);
      if (c === 0x22) break;
      if (c < 0x20) throw SYNTAX;
      if (c === 0x5c) {
        out += s.slice(runStart, i);
        const e = s.charCodeAt(i + 1);
        if (i + 1 >= this.to) throw SYNTAX;
        i += 2;
        switch (e) {
          case 0x22: out += '"'; break;
          case 0x5c: out += "\\"; break;
          case 0x2f: out += "/"; break;
          case 0x62: out += "\b"; break;
          case 0x66: out += "\f"; break;
          case 0x6e: out += "\n"; break;
          case 0x72: out += "\r"; break;
          case 0x74: out += "\t"; break;
          case 0x75: {
            const cu = this.hex4(i);
            i += 4;
            if (cu >= 0xd800 && cu <= 0xdbff) {
              if (s.charCodeAt(i) === 0x5c && s.charCodeAt(i + 1) === 0x75 && i + 6 <= this.to) {
                const lo = this.hex4(i + 2);
                if (lo >= 0xdc00 && lo <= 0xdfff) {
                  out += String.fromCharCode(cu, lo);
                  i += 6;
                  break;
                }
              }
              out += "\ufffd";
            } else if (cu >= 0xdc00 && cu <= 0xdfff) out += "\ufffd";
            else out += String.fromCharCode(cu);
            break;
          }
          default:
            throw SYNTAX;
        }
        runStart = i;
        continue;
      }
      if (isRawByte(c) || ((c & 0xf800) === 0xd800 && !isPairAt(s, i))) {
        out += s.slice(runStart, i) + "\ufffd";
        i++;
        runStart = i;
        continue;
      }
      i++;
    }
    out += s.slice(runStart, i);
    this.pos = i + 1;
    return out;
  }

  hex4(at: number): number {
    if (at + 4 > this.to) throw SYNTAX;
    let v = 0;
    for (let k = 0; k < 4; k++) {
      const c = this.s.charCodeAt(at + k);
      let d: number;
      if (c >= 0x30 && c <= 0x39) d = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) d = c - 0x57;
      else if (c >= 0x41 && c <= 0x46) d = c - 0x37;
      else throw SYNTAX;
      v = v * 16 + d;
    }
    return v;
  }
}

function isPairAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  return false;
}
