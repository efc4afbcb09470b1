import type { SyntaxNode } from "./syntax.js";
import { mapRange } from "./source-map.js";
import type { ShellWord, ToSource } from "./types.js";

/** Node types whose text the shell replaces at run time. */
const EXPANSIONS = new Set([
  "simple_expansion", "expansion", "command_substitution", "arithmetic_expansion", "process_substitution",
  "brace_expression",
]);

/** An unescaped `{a,b}` or `{1..3}`. */
const BRACE_EXPANSION = /(^|[^\\])\{[^{}\s]*(,|\.\.)[^{}\s]*\}/;

/** Node types that form one shell word (used to tell words from statements). */
export const WORD_TYPES = new Set([
  "word", "number", "string", "raw_string", "ansi_c_string", "translated_string", "concatenation",
  "simple_expansion", "expansion", "command_substitution", "arithmetic_expansion", "process_substitution",
  "brace_expression", "variable_name", "special_variable_name", "extglob_pattern", "regex", "file_descriptor",
]);

interface Unquoted {
  value: string;
  hasExpansion: boolean;
  quoted: boolean;
}

export function makeWord(node: SyntaxNode, text: string, toSource: ToSource): ShellWord {
  const raw = text.slice(node.start, node.end);
  const u = unquote(node, text, raw);
  return {
    value: u.value,
    raw,
    range: mapRange(toSource, node.start, node.end),
    scriptRange: { start: node.start, end: node.end },
    isStatic: !u.hasExpansion,
    hasExpansion: u.hasExpansion,
    quoted: u.quoted,
  };
}

/** A word made from a script span that is not a single node (e.g. `A=1` after `export`). */
export function makeSpanWord(parts: SyntaxNode[], text: string, toSource: ToSource): ShellWord {
  const start = parts[0].start;
  const end = parts[parts.length - 1].end;
  const u = unquoteSequence({ type: "concatenation", named: true, start, end, missing: false, children: parts }, text, unescapeUnquoted);
  return {
    value: u.value,
    raw: text.slice(start, end),
    range: mapRange(toSource, start, end),
    scriptRange: { start, end },
    isStatic: !u.hasExpansion,
    hasExpansion: u.hasExpansion,
    quoted: u.quoted,
  };
}

function unquote(node: SyntaxNode, text: string, raw = text.slice(node.start, node.end)): Unquoted {
  if (EXPANSIONS.has(node.type)) return { value: raw, hasExpansion: true, quoted: false };
  switch (node.type) {
    case "raw_string":
      return { value: raw.slice(1, raw.endsWith("'") && raw.length > 1 ? -1 : undefined), hasExpansion: false, quoted: true };
    case "ansi_c_string":
      return { value: decodeAnsiC(raw.slice(2, raw.endsWith("'") && raw.length > 2 ? -1 : undefined)), hasExpansion: false, quoted: true };
    case "string":
    case "translated_string":
      return { ...unquoteSequence(node, text, unescapeDoubleQuoted, true), quoted: true };
    case "concatenation": {
      const joined = unquoteSequence(node, text, unescapeUnquoted);
      // Brace expansion shows up as adjacent bare words (`x`, `{`, `1,2`, `}`).
      if (!joined.hasExpansion && raw.includes("{") && BRACE_EXPANSION.test(braceShape(node, text))) joined.hasExpansion = true;
      return joined;
    }
    default: {
      if (node.children.length > 0) return unquoteSequence(node, text, unescapeUnquoted);
      const value = unescapeUnquoted(raw);
      // tree-sitter leaves `x{1,2}` as a plain word; the shell expands it (bash, not POSIX sh).
      const brace = node.type === "word" && raw.includes("{") && BRACE_EXPANSION.test(raw);
      return { value, hasExpansion: brace, quoted: value !== raw };
    }
  }
}

/** The bare words of a concatenation with every other part as `\0`: where brace expansion can happen. */
function braceShape(node: SyntaxNode, text: string): string {
  let shape = "";
  for (const c of node.children) shape += c.type === "word" ? text.slice(c.start, c.end) : "\0";
  return shape;
}

/**
 * Joins the parts of a compound word. Text between child nodes (which tree-sitter leaves without a
 * node) is unescaped with `unescape`; quote delimiters of a double-quoted string are dropped.
 */
function unquoteSequence(
  node: SyntaxNode, text: string, unescape: (s: string) => string, dropQuotes = false,
): Unquoted {
  let value = "";
  let hasExpansion = false;
  let quoted = false;
  let pos = node.start;
  const children = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.start > pos) value += unescape(text.slice(pos, child.start));
    pos = child.end;
    if (dropQuotes && !child.named && (i === 0 || i === children.length - 1) && (child.type === '"' || child.type === '$"')) continue;
    if (child.type === "string_content") {
      value += unescape(text.slice(child.start, child.end));
      continue;
    }
    if (!child.named) {
      value += text.slice(child.start, child.end);
      continue;
    }
    const part = unquote(child, text);
    value += part.value;
    hasExpansion ||= part.hasExpansion;
    quoted ||= part.quoted;
  }
  if (node.end > pos) value += unescape(text.slice(pos, node.end));
  return { value, hasExpansion, quoted };
}

/** Outside quotes a backslash keeps the next character literally; backslash-newline disappears. */
function unescapeUnquoted(s: string): string {
  if (!s.includes("\\")) return s;
  return s.replace(/\\(\r?\n|[\s\S])?/g, (_m, c: string | undefined) => (c === undefined || c.endsWith("\n") ? "" : c));
}

/** Inside double quotes a backslash only escapes `$`, `` ` ``, `"`, `\` and newline. */
function unescapeDoubleQuoted(s: string): string {
  if (!s.includes("\\")) return s;
  return s.replace(/\\(\r?\n|[$`"\\])/g, (_m, c: string) => (c.endsWith("\n") ? "" : c));
}

const ANSI_C: Record<string, string> = {
  a: "\x07", b: "\b", e: "\x1b", E: "\x1b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
  "\\": "\\", "'": "'", '"': '"', "?": "?",
};

function decodeAnsiC(s: string): string {
  return s.replace(/\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3}|[\s\S])/g, (m, e: string) => {
    if (e in ANSI_C) return ANSI_C[e];
    const radix = e[0] === "x" || e[0] === "u" || e[0] === "U" ? 16 : /^[0-7]/.test(e) ? 8 : 0;
    if (radix === 0) return m;
    const code = parseInt(radix === 16 ? e.slice(1) : e, radix);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}
