import type { ParsedDocument } from "./document.js";

/** A semantic token by offsets: `type` indexes the legend's types, `declaration` sets modifier bit 0. */
export interface OffsetToken {
  start: number;
  end: number;
  type: number;
  declaration: boolean;
}

/**
 * LSP's relative encoding of semantic tokens (5 numbers per token). Tokens are sorted by start, longer
 * first; one overlapping an earlier token is dropped (a variable inside a flag keeps the flag); a token
 * over a line end is split per line, since LSP tokens may not span lines.
 */
export function encodeSemanticTokens(doc: ParsedDocument, tokens: OffsetToken[]): number[] {
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let lastEnd = -1;
  for (const t of tokens) {
    if (t.start < lastEnd) continue;
    let start = t.start;
    while (start < t.end) {
      const line = doc.lines.lineAt(start);
      const end = Math.min(t.end, doc.lines.lineContentEnd(line));
      if (end > start) {
        const char = start - doc.lines.lineStart(line);
        data.push(line - prevLine, line === prevLine ? char - prevChar : char, end - start, t.type, t.declaration ? 1 : 0);
        prevLine = line;
        prevChar = char;
      }
      if (line + 1 >= doc.lines.lineCount) break;
      start = Math.max(end + 1, doc.lines.lineStart(line + 1));
    }
    lastEnd = t.end;
  }
  return data;
}
