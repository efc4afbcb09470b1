/**
 * BuildKit's `DetectSyntax` and `ParseDirective`: how a frontend reads `syntax` and `check` before parsing.
 * Unlike the parser's own directive handling, a leading `#!` shebang line is skipped (it still counts as
 * line 1), `syntax` may also be written `//syntax=...`, and a whole-file JSON object `{"syntax": ...}` is
 * accepted.
 */
import type { Range } from "@shipshape/text";

export interface DetectedDirective {
  /** The value up to its first space (the frontend image reference for `syntax`). */
  ref: string;
  /** The whole value. */
  cmdline: string;
  /** 1-based line of the directive (absent for the JSON form). */
  line?: number;
  /** Range of the value. */
  range: Range;
}

const KNOWN = new Set(["syntax", "escape", "check"]);

function scanPrefixed(text: string, offset: number, key: string, prefix: "#" | "//"): DetectedDirective | undefined {
  const re = prefix === "#"
    ? /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/
    : /^\/\/[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$/;
  let pos = offset;
  let line = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    let end = nl;
    while (end > pos && text.charCodeAt(end - 1) === 0x0d) end--;
    const content = text.slice(pos, end);
    line++;
    if (line === 1 && content.startsWith("#!")) {
      pos = nl + 1;
      continue;
    }
    const m = content.length < 10000 ? re.exec(content) : null;
    if (!m || !KNOWN.has(m[1].toLowerCase())) return undefined;
    if (m[1].toLowerCase() === key) {
      const start = pos + content.lastIndexOf(m[2]);
      const space = m[2].indexOf(" ");
      return { ref: space < 0 ? m[2] : m[2].slice(0, space), cmdline: m[2], line, range: { start, end: start + m[2].length } };
    }
    if (nl >= text.length) return undefined;
    pos = nl + 1;
  }
  return undefined;
}

/** `ParseDirective(key, dt)`: a `#` directive only. */
export function findDirective(text: string, key: "syntax" | "escape" | "check"): DetectedDirective | undefined {
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return scanPrefixed(text, offset, key, "#");
}

/** `DetectSyntax(dt)`: `# syntax=`, then `// syntax=`, then a whole-file JSON object. */
export function detectSyntax(text: string): DetectedDirective | undefined {
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const found = scanPrefixed(text, offset, "syntax", "#") ?? scanPrefixed(text, offset, "syntax", "//");
  if (found) return found;
  try {
    const value: unknown = JSON.parse(text.slice(offset));
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const syntax = (value as Record<string, unknown>).syntax;
      if (typeof syntax === "string" && syntax !== "") {
        const at = text.indexOf(JSON.stringify(syntax).slice(1, -1), offset);
        const space = syntax.indexOf(" ");
        return {
          ref: space < 0 ? syntax : syntax.slice(0, space),
          cmdline: syntax,
          range: at >= 0 ? { start: at, end: at + syntax.length } : { start: 0, end: 0 },
        };
      }
    }
  } catch {
    // not JSON
  }
  return undefined;
}
