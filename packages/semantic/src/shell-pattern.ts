/**
 * The glob patterns of `${a#p}`, `${a%p}` and `${a/p/r}` as BuildKit's lexer evaluates them: `*` and `?`
 * only (no bracket expressions), `\*`, `\?` and `\\` as escapes, `\}` and `\/` standing for the bare
 * character. BuildKit turns the pattern into a Go regular expression; we build the equivalent JavaScript
 * one (with the `u` flag so `?` is one code point, and `[^\n]` for Go's `.`).
 */

export type PatternResult = { ok: true; value: string } | { ok: false; message: string };

const REGEX_SPECIALS = new Set(["[", "]", "{", "}", ".", "+", "(", ")", "|", "^", "$"]);

/** Converts a shell pattern to a regular expression source; undefined plus a message for a bad escape. */
export function shellPatternToRegex(
  pattern: string,
  greedy: boolean,
  anchored: boolean,
): { source: string } | { error: string } {
  const chars = Array.from(pattern);
  const star = greedy ? "[^\\n]*" : "[^\\n]*?";
  let out = anchored ? "^" : "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === "*") {
      out += star;
    } else if (ch === "?") {
      out += "[^\\n]";
    } else if (ch === "\\") {
      const next = chars[i + 1];
      // `\}` and `\/` only protect the delimiter; the backslash is not part of the pattern.
      if (next === "}" || next === "/") continue;
      i++;
      if (next !== "*" && next !== "?" && next !== "\\") {
        // At the end of the pattern Go formats the missing rune as U+FFFD.
        return { error: `invalid escape '\\${next ?? "\uFFFD"}'` };
      }
      out += "\\" + next;
    } else if (REGEX_SPECIALS.has(ch)) {
      out += "\\" + ch;
    } else {
      out += ch;
    }
  }
  return { source: out };
}

function compile(pattern: string, greedy: boolean, anchored: boolean, flags: string): RegExp | string {
  const converted = shellPatternToRegex(pattern, greedy, anchored);
  if ("error" in converted) return `invalid pattern (${pattern}) in substitution: ${converted.error}`;
  return new RegExp(converted.source, flags);
}

/** `${value#pattern}` (shortest) and `${value##pattern}` (greedy). */
export function trimPrefix(pattern: string, value: string, greedy: boolean): PatternResult {
  const re = compile(pattern, greedy, true, "u");
  if (typeof re === "string") return { ok: false, message: re };
  const m = re.exec(value);
  return { ok: true, value: m ? value.slice(m.index + m[0].length) : value };
}

/** Reverses a pattern by code point while keeping each `\x` escape pair in order (`a\*c` -> `c\*a`). */
export function reversePattern(pattern: string): string {
  const chars = Array.from(pattern);
  const out: string[] = new Array(chars.length);
  const last = chars.length - 1;
  for (let i = 0; i <= last; ) {
    const at = last - i;
    if (chars[i] === "\\" && i !== last) {
      out[at - 1] = "\\";
      out[at] = chars[i + 1];
      i += 2;
    } else {
      out[at] = chars[i];
      i++;
    }
  }
  return out.join("");
}

function reverseString(s: string): string {
  return Array.from(s).reverse().join("");
}

/**
 * `${value%pattern}` and `${value%%pattern}`: a regular expression cannot find the shortest rightmost
 * match, so (as BuildKit does) both sides are reversed and the prefix is trimmed instead.
 */
export function trimSuffix(pattern: string, value: string, greedy: boolean): PatternResult {
  const r = trimPrefix(reversePattern(pattern), reverseString(value), greedy);
  return r.ok ? { ok: true, value: reverseString(r.value) } : r;
}

/**
 * Go's `Regexp.Expand` template language used by `ReplaceAllString`: `$$` is a dollar, `$name`/`${name}`
 * a group (here only `$0`, the whole match, exists; others are empty), a malformed `$` stays literal.
 */
export function expandGoTemplate(template: string, match: string): string {
  let out = "";
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch !== "$") {
      out += ch;
      continue;
    }
    const rest = template.slice(i + 1);
    if (rest.startsWith("$")) {
      out += "$";
      i++;
      continue;
    }
    let name: string | undefined;
    let consumed = 0;
    const braced = /^\{([A-Za-z0-9_]+)\}/.exec(rest);
    const bare = /^[A-Za-z0-9_]+/.exec(rest);
    if (braced) {
      name = braced[1];
      consumed = braced[0].length;
    } else if (bare) {
      name = bare[0];
      consumed = bare[0].length;
    }
    if (name === undefined) {
      out += "$";
      continue;
    }
    if (/^[0-9]+$/.test(name) && Number(name) === 0) out += match;
    i += consumed;
  }
  return out;
}

/** `${value/pattern/replacement}` (first match) and `${value//pattern/replacement}` (all, Go semantics). */
export function replacePattern(pattern: string, value: string, replacement: string, all: boolean): PatternResult {
  const re = compile(pattern, true, false, "gu");
  if (typeof re === "string") return { ok: false, message: re };
  if (!all) {
    re.lastIndex = 0;
    const m = re.exec(value);
    if (!m) return { ok: true, value };
    return { ok: true, value: value.slice(0, m.index) + replacement + value.slice(m.index + m[0].length) };
  }
  // Go's ReplaceAll: an empty match right after the previous match is not replaced, and the search always
  // advances by at least one character.
  let out = "";
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= value.length) {
    re.lastIndex = searchPos;
    const m = re.exec(value);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    out += value.slice(lastMatchEnd, start);
    if (end > lastMatchEnd || start === 0) out += expandGoTemplate(replacement, m[0]);
    lastMatchEnd = end;
    const cp = value.codePointAt(searchPos);
    const width = cp === undefined ? 0 : cp > 0xffff ? 2 : 1;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return { ok: true, value: out + value.slice(lastMatchEnd) };
}
