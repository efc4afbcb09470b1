/**
 * Suppression comments in Compose files:
 * - dclint's: `# dclint disable-file` and `# dclint disable [rule ...]` (on the first non-empty line:
 *   the whole file), `# dclint disable-line [rule ...]` (its own line, or the next one when the comment
 *   is alone on its line), and `# dclint disable-next-line [rule ...]`; no rule means every rule;
 * - ours: `# shipshape ignore=CODE[,CODE] [-- reason]` (the node on the next line, with everything
 *   nested under it) and `# shipshape ignore-file=CODE[,CODE]`.
 * dclint names rules by its own names; they resolve through the aliases of our rules.
 */
import type { LineIndex, Range } from "@shipshape/text";
import { splitCodes, type Suppression } from "./suppression.js";

const DCLINT = /#\s*dclint\s+(disable-file|disable-next-line|disable-line|disable)\b([^#\n]*)/d;
const SHIPSHAPE = /#\s*shipshape\s+(ignore|ignore-file)\s*=\s*([\w.-]+(?:\s*,\s*[\w.-]+)*)/d;

export function collectComposeSuppressions(text: string, lines: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  let firstContentLine: number | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const trimmed = content.trim();
    if (firstContentLine === undefined && trimmed !== "" && trimmed !== "---") firstContentLine = line;
    const hash = commentStart(content);
    if (hash < 0) continue;
    const lineStart = lines.lineStart(line);
    const comment = content.slice(hash);
    const commentRange = { start: lineStart + hash, end: lineStart + content.length };
    const alone = content.slice(0, hash).trim() === "";

    const d = DCLINT.exec(comment);
    if (d) {
      const kind = d[1]!;
      const listAt = lineStart + hash + d.indices![2]![0];
      const codes = splitCodes(d[2]!, listAt);
      let scope: Range | undefined;
      if (kind === "disable-file" || kind === "disable") {
        // dclint reads these on the first non-empty line only.
        if (line !== firstContentLine) continue;
        scope = undefined;
      } else {
        const target = kind === "disable-next-line" || alone ? line + 1 : line;
        scope = lineScope(lines, target);
      }
      const all = kind === "disable-file" || codes.length === 0;
      out.push({ origin: "dclint", range: commentRange, scope, codes: kind === "disable-file" ? [] : codes, all, obeysDisablePragma: true });
      continue;
    }
    const s = SHIPSHAPE.exec(comment);
    if (s) {
      const codes = splitCodes(s[2]!, lineStart + hash + s.indices![2]![0]);
      const all = codes.some((c) => c.written.toLowerCase() === "all");
      const scope = s[1] === "ignore-file" ? undefined : nodeScope(lines, alone ? line + 1 : line);
      out.push({
        origin: "shipshape", range: commentRange, scope, all,
        codes: codes.filter((c) => c.written.toLowerCase() !== "all"), obeysDisablePragma: true,
      });
    }
  }
  return out;
}

/** Where a YAML comment starts on a line: a `#` at the start or after whitespace, outside quotes. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,-]/.test(line[i - 1]!)) quote = c;
      continue;
    }
    if (c === "#" && (i === 0 || /\s/.test(line[i - 1]!))) return i;
  }
  return -1;
}

function lineScope(lines: LineIndex, line: number): Range {
  if (line >= lines.lineCount) return { start: -1, end: -1 };
  return { start: lines.lineStart(line), end: lines.lineContentEnd(line) };
}

/**
 * The node that starts on `line` (the first line holding content at or after it) with every more
 * indented line below it: a mapping entry with its value, or a list item.
 */
function nodeScope(lines: LineIndex, line: number): Range {
  let first = line;
  while (first < lines.lineCount && isBlankOrComment(lines.lineText(first))) first++;
  if (first >= lines.lineCount) return { start: -1, end: -1 };
  const text = lines.lineText(first);
  const indent = text.length - text.trimStart().length;
  let last = first;
  for (let l = first + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (isBlankOrComment(t)) continue;
    const i = t.length - t.trimStart().length;
    // A list item at the same indent as its parent key still belongs to it (`key:\n- a`).
    const itemOfKey = i === indent && t.trimStart().startsWith("- ") && !text.trimStart().startsWith("- ") && /:\s*$/.test(text);
    if (i <= indent && !itemOfKey) break;
    last = l;
  }
  return { start: lines.lineStart(first), end: lines.lineContentEnd(last) };
}

function isBlankOrComment(t: string): boolean {
  const s = t.trim();
  return s === "" || s.startsWith("#");
}
