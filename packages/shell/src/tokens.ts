import type { Range } from "@shipshape/text";
import { mapRange } from "./source-map.js";
import { syntaxOf } from "./parse.js";
import { releaseSyntax, type SyntaxTree } from "./syntax.js";
import type { ShellScript } from "./types.js";

export type ShellTokenKind =
  | "keyword" | "operator" | "command" | "option" | "string" | "variable" | "number" | "comment";

/** A highlighted piece of a script, for semantic tokens. */
export interface ShellToken {
  kind: ShellTokenKind;
  /** Source range; a token split by a line continuation covers the continuation too. */
  range: Range;
  scriptRange: Range;
}

const KEYWORDS = new Set([
  "if", "then", "else", "elif", "fi", "for", "in", "do", "done", "while", "until", "case", "esac", "function",
  "select", "{", "}", "[[", "]]", "[", "]",
]);

/**
 * Tokens of the script in source order, without overlaps: keywords, operators (`&&`, `|`, `;`,
 * redirections, `$(`), command names, options (`-y`, `--yes`), strings, variables and
 * expansions, numbers and comments. Plain arguments get no token. Empty for an unparsed script.
 */
export function shellTokens(script: ShellScript): ShellToken[] {
  // The tree is not kept with the script (see `syntaxOf`): tokens are asked for rarely, so it is parsed again.
  const tree = script.parsed ? syntaxOf(script.text) : undefined;
  if (!tree) return [];
  const out: ShellToken[] = [];
  try {
    collectTokens(tree, script, out);
  } finally {
    releaseSyntax(tree);
  }
  out.sort((a, b) => a.scriptRange.start - b.scriptRange.start);
  // Never overlap: a token starting inside the previous kept one is dropped.
  const kept: ShellToken[] = [];
  for (const t of out) if (kept.length === 0 || t.scriptRange.start >= kept[kept.length - 1].scriptRange.end) kept.push(t);
  return kept;
}

function collectTokens(t: SyntaxTree, script: ShellScript, out: ShellToken[]): void {
  const push = (kind: ShellTokenKind, start: number, end: number) => {
    if (end > start) out.push({ kind, range: mapRange(script.toSource, start, end), scriptRange: { start, end } });
  };
  const visit = (node: number, inString: boolean): void => {
    const type = t.type(node);
    const start = t.start[node];
    const end = t.end[node];
    if (!t.named(node)) {
      if (KEYWORDS.has(type)) push("keyword", start, end);
      else if (type === '"' || type === "'") push("string", start, end);
      else push("operator", start, end);
      return;
    }
    switch (type) {
      case "comment":
        push("comment", start, end);
        return;
      case "test_operator":
        push("operator", start, end);
        return;
      case "command_name":
        push("command", start, end);
        return;
      case "raw_string": case "ansi_c_string": case "string_content": case "heredoc_content":
      case "heredoc_start": case "heredoc_end":
        push("string", start, end);
        return;
      case "simple_expansion": case "expansion": case "variable_name": case "special_variable_name":
        push("variable", start, end);
        return;
      case "number":
        push(inString ? "string" : "number", start, end);
        return;
      case "word":
        if (inString) push("string", start, end);
        else if (script.text.startsWith("-", start) && end - start > 1) push("option", start, end);
        return;
      case "string": case "heredoc_body": case "translated_string": {
        // Text between the parts (tree-sitter leaves plain string text without a node) is string too.
        let pos = start;
        for (let c = t.first[node]; c >= 0; c = t.next[c]) {
          push("string", pos, t.start[c]);
          visit(c, true);
          pos = t.end[c];
        }
        push("string", pos, end);
        return;
      }
      case "command_substitution": case "process_substitution": case "arithmetic_expansion":
        for (let c = t.first[node]; c >= 0; c = t.next[c]) visit(c, false);
        return;
      default:
        for (let c = t.first[node]; c >= 0; c = t.next[c]) visit(c, inString);
    }
  };
  visit(0, false);
}
