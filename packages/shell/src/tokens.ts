import type { Range } from "@shipshape/text";
import { mapRange } from "./source-map.js";
import { syntaxOf } from "./parse.js";
import type { SyntaxNode } from "./syntax.js";
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
  const root = script.parsed ? syntaxOf(script.text)?.root : undefined;
  if (!root) return [];
  const out: ShellToken[] = [];
  const push = (kind: ShellTokenKind, start: number, end: number) => {
    if (end > start) out.push({ kind, range: mapRange(script.toSource, start, end), scriptRange: { start, end } });
  };
  const visit = (node: SyntaxNode, inString: boolean): void => {
    if (!node.named) {
      if (KEYWORDS.has(node.type)) push("keyword", node.start, node.end);
      else if (node.type === '"' || node.type === "'") push("string", node.start, node.end);
      else push("operator", node.start, node.end);
      return;
    }
    switch (node.type) {
      case "comment":
        push("comment", node.start, node.end);
        return;
      case "test_operator":
        push("operator", node.start, node.end);
        return;
      case "command_name":
        push("command", node.start, node.end);
        return;
      case "raw_string": case "ansi_c_string": case "string_content": case "heredoc_content":
      case "heredoc_start": case "heredoc_end":
        push("string", node.start, node.end);
        return;
      case "simple_expansion": case "expansion": case "variable_name": case "special_variable_name":
        push("variable", node.start, node.end);
        return;
      case "number":
        push(inString ? "string" : "number", node.start, node.end);
        return;
      case "word":
        if (inString) push("string", node.start, node.end);
        else if (script.text.startsWith("-", node.start) && node.end - node.start > 1) push("option", node.start, node.end);
        return;
      case "string": case "heredoc_body": case "translated_string": {
        // Text between the parts (tree-sitter leaves plain string text without a node) is string too.
        let pos = node.start;
        for (const child of node.children) {
          push("string", pos, child.start);
          visit(child, true);
          pos = child.end;
        }
        push("string", pos, node.end);
        return;
      }
      case "command_substitution": case "process_substitution": case "arithmetic_expansion":
        for (const child of node.children) visit(child, false);
        return;
      default:
        for (const child of node.children) visit(child, inString);
    }
  };
  visit(root, false);
  out.sort((a, b) => a.scriptRange.start - b.scriptRange.start);
  // Never overlap: a token starting inside the previous kept one is dropped.
  const kept: ShellToken[] = [];
  for (const t of out) if (kept.length === 0 || t.scriptRange.start >= kept[kept.length - 1].scriptRange.end) kept.push(t);
  return kept;
}
