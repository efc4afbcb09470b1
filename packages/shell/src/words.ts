import type { SyntaxTree } from "./syntax.js";
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

/** Types `unquote` reads by their own rules (the rest, without children, are plain words). */
const SPECIAL_WORD_TYPES = new Set([...EXPANSIONS, "raw_string", "ansi_c_string", "string", "translated_string", "concatenation"]);

export function makeWord(tree: SyntaxTree, node: number, text: string, toSource: ToSource): ShellWord {
  const start = tree.start[node];
  const end = tree.end[node];
  const raw = text.slice(start, end);
  let value: string;
  let hasExpansion: boolean;
  let quoted: boolean;
  const type = tree.type(node);
  if (tree.first[node] < 0 && !SPECIAL_WORD_TYPES.has(type)) {
    // Most words are one token: `unquote`'s last case, without its result object.
    value = unescapeUnquoted(raw);
    hasExpansion = isBraceWord(type, raw);
    quoted = value !== raw;
  } else {
    const u = unquote(tree, node, text, raw);
    value = u.value;
    hasExpansion = u.hasExpansion;
    quoted = u.quoted;
  }
  return {
    value,
    raw,
    range: mapRange(toSource, start, end),
    scriptRange: { start, end },
    isStatic: !hasExpansion,
    hasExpansion,
    quoted,
  };
}

/** tree-sitter leaves `x{1,2}` as a plain word; the shell expands it (bash, not POSIX sh). */
function isBraceWord(type: string, raw: string): boolean {
  return type === "word" && raw.includes("{") && BRACE_EXPANSION.test(raw);
}

/** A word made from the children of `node` (e.g. `A=1` after `export`): from its first child's start to its last child's end. */
export function makeSpanWord(tree: SyntaxTree, node: number, text: string, toSource: ToSource): ShellWord {
  const start = tree.start[tree.first[node]];
  const end = tree.end[tree.lastChild(node)];
  const u = unquoteSequence(tree, node, start, end, text, unescapeUnquoted, false);
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

function unquote(tree: SyntaxTree, node: number, text: string, raw: string): Unquoted {
  const type = tree.type(node);
  if (EXPANSIONS.has(type)) return { value: raw, hasExpansion: true, quoted: false };
  const start = tree.start[node];
  const end = tree.end[node];
  switch (type) {
    case "raw_string":
      return { value: raw.slice(1, raw.endsWith("'") && raw.length > 1 ? -1 : undefined), hasExpansion: false, quoted: true };
    case "ansi_c_string":
      return { value: decodeAnsiC(raw.slice(2, raw.endsWith("'") && raw.length > 2 ? -1 : undefined)), hasExpansion: false, quoted: true };
    case "string":
    case "translated_string": {
      const u = unquoteSequence(tree, node, start, end, text, unescapeDoubleQuoted, true);
      u.quoted = true;
      return u;
    }
    case "concatenation": {
      const joined = unquoteSequence(tree, node, start, end, text, unescapeUnquoted, false);
      // Brace expansion shows up as adjacent bare words (`x`, `{`, `1,2`, `}`).
      if (!joined.hasExpansion && raw.includes("{") && BRACE_EXPANSION.test(braceShape(tree, node, text))) joined.hasExpansion = true;
      return joined;
    }
    default: {
      if (tree.first[node] >= 0) return unquoteSequence(tree, node, start, end, text, unescapeUnquoted, false);
      const value = unescapeUnquoted(raw);
      return { value, hasExpansion: isBraceWord(type, raw), quoted: value !== raw };
    }
  }
}

/** The bare words of a concatenation with every other part as `\0`: where brace expansion can happen. */
function braceShape(tree: SyntaxTree, node: number, text: string): string {
  let shape = "";
  for (let c = tree.first[node]; c >= 0; c = tree.next[c]) shape += tree.type(c) === "word" ? text.slice(tree.start[c], tree.end[c]) : "\0";
  return shape;
}

/**
 * Joins the children of `node`, read as one word from `start` to `end`. Text between child nodes
 * (which tree-sitter leaves without a node) is unescaped with `unescape`; quote delimiters of a
 * double-quoted string are dropped.
 */
function unquoteSequence(
  tree: SyntaxTree, node: number, start: number, end: number, text: string, unescape: (s: string) => string, dropQuotes: boolean,
): Unquoted {
  let value = "";
  let hasExpansion = false;
  let quoted = false;
  let pos = start;
  const first = tree.first[node];
  for (let child = first; child >= 0; child = tree.next[child]) {
    const childStart = tree.start[child];
    const childEnd = tree.end[child];
    if (childStart > pos) value += unescape(text.slice(pos, childStart));
    pos = childEnd;
    const type = tree.type(child);
    const named = tree.named(child);
    if (dropQuotes && !named && (child === first || tree.next[child] < 0) && (type === '"' || type === '$"')) continue;
    if (type === "string_content") {
      value += unescape(text.slice(childStart, childEnd));
      continue;
    }
    if (!named) {
      value += text.slice(childStart, childEnd);
      continue;
    }
    const part = unquote(tree, child, text, text.slice(childStart, childEnd));
    value += part.value;
    hasExpansion ||= part.hasExpansion;
    quoted ||= part.quoted;
  }
  if (end > pos) value += unescape(text.slice(pos, end));
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
