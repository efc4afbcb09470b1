/**
 * Character classes and string helpers with Go semantics (BuildKit is written in Go).
 *
 * Text is handled as JS strings. Bytes that are not valid UTF-8 (only reachable through a `Uint8Array`
 * input) are carried as lone surrogates U+DC80..U+DCFF, one per byte ("surrogate escape"), so they can be
 * printed back as `\xNN` exactly as Go does.
 */

/** Go `unicode.IsSpace`. */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** BuildKit's `reWhitespace` class: `[\t\v\f\r ]`. */
export function isReWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d;
}

/** Index of the first non-space (Go `unicode.IsSpace`) at or after `from`, bounded by `to`. */
export function skipSpace(s: string, from: number, to: number = s.length): number {
  let i = from;
  while (i < to && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** End index after trimming trailing Go spaces from `s[from, to)`. */
export function trimEndIndex(s: string, from: number, to: number): number {
  let j = to;
  while (j > from && isSpaceCode(s.charCodeAt(j - 1))) j--;
  return j;
}

/** Go `strings.TrimSpace`. */
export function trimSpace(s: string): string {
  const a = skipSpace(s, 0);
  return s.slice(a, trimEndIndex(s, a, s.length));
}

/** Go `strings.ToLower` for the cases that differ from JS (`İ` maps to a plain `i`). */
export function goToLower(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.toLowerCase();
  let out = "";
  for (const ch of s) out += ch === "\u0130" ? "i" : ch.toLowerCase();
  return out;
}

/** Surrogate-escaped raw byte (invalid UTF-8 carried through). */
export function isRawByte(c: number): boolean {
  return c >= 0xdc80 && c <= 0xdcff;
}

/** UTF-8 length of a string (raw-byte surrogates count one byte). */
export function utf8Length(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else if (isRawByte(c)) n += 1;
    else n += 3;
  }
  return n;
}

/** The UTF-8 bytes of one code point (a raw-byte surrogate gives its byte). */
export function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (isRawByte(cp)) return [cp - 0xdc00];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

/** Decodes bytes as UTF-8, carrying each invalid byte as a raw-byte surrogate. */
export function decodeUtf8Lossless(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const flush = () => {
    parts.push(String.fromCharCode(...chunk));
    chunk = [];
  };
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    let cp = -1;
    let len = 1;
    if (b < 0x80) cp = b;
    else if (b >= 0xc2 && b <= 0xdf && i + 1 < n && (bytes[i + 1] & 0xc0) === 0x80) {
      cp = ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      len = 2;
    } else if (b >= 0xe0 && b <= 0xef && i + 2 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80) {
      const v = ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      if (v >= 0x800 && (v < 0xd800 || v > 0xdfff)) {
        cp = v;
        len = 3;
      }
    } else if (
      b >= 0xf0 && b <= 0xf4 && i + 3 < n && (bytes[i + 1] & 0xc0) === 0x80 && (bytes[i + 2] & 0xc0) === 0x80 &&
      (bytes[i + 3] & 0xc0) === 0x80
    ) {
      const v = ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      if (v >= 0x10000 && v <= 0x10ffff) {
        cp = v;
        len = 4;
      }
    }
    if (cp < 0) cp = 0xdc00 + b;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      chunk.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else chunk.push(cp);
    if (chunk.length >= 8192) flush();
    i += len;
  }
  flush();
  return parts.join("");
}

// Created when first needed: a pattern with Unicode property classes takes V8 about half a millisecond to
// create, which every run would otherwise pay at start-up (most never meet a non-ASCII character).
let printable: RegExp | undefined;

/** Go `strconv.Quote`. */
export function goQuote(s: string): string {
  let out = '"';
  let runStart = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    if (i > runStart) out += s.slice(runStart, i);
    runStart = i + 1;
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c < 0x20 || c === 0x7f) out += shortEscape(c);
    else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cp = ((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
        i++;
        runStart = i + 1;
      }
      if (isRawByte(cp)) out += "\\x" + hex(cp - 0xdc00, 2);
      else if (cp >= 0xd800 && cp <= 0xdfff) out += "\ufffd";
      else {
        const ch = String.fromCodePoint(cp);
        if ((printable ??= /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u).test(ch)) out += ch;
        else if (cp < 0x10000) out += "\\u" + hex(cp, 4);
        else out += "\\U" + hex(cp, 8);
      }
    }
  }
  if (runStart < n) out += s.slice(runStart);
  return out + '"';
}

function shortEscape(c: number): string {
  switch (c) {
    case 0x07: return "\\a";
    case 0x08: return "\\b";
    case 0x0c: return "\\f";
    case 0x0a: return "\\n";
    case 0x0d: return "\\r";
    case 0x09: return "\\t";
    case 0x0b: return "\\v";
    default: return "\\x" + hex(c, 2);
  }
}

function hex(v: number, width: number): string {
  return v.toString(16).padStart(width, "0");
}
