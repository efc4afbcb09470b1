/**
 * Reordering the entries of a block mapping or block sequence in YAML source, for the ordering rules'
 * fixes. Each entry moves with the comment lines right above it; entries are whole lines, so the fix
 * is offered only when every entry starts its own line (block style) and nothing in the moved text
 * depends on its position (anchors, aliases, merge keys).
 */
import type { Range } from "@shipshape/text";

/** One entry: where it starts (a key, or a sequence item's value) and where its value ends. */
export interface Entry {
  start: number;
  end: number;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The end of the line holding `offset - 1` (after its newline), so a value ending a line takes that line. */
function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === "\n") return offset;
  const nl = text.indexOf("\n", offset);
  return nl < 0 ? text.length : nl + 1;
}

/** Moves the start up over comment lines directly above (no blank line between). */
function withLeadingComments(text: string, start: number, floor: number): number {
  let s = start;
  while (s > floor) {
    const prev = lineStart(text, s - 1);
    if (prev < floor || !/^\s*#/.test(text.slice(prev, s))) break;
    s = prev;
  }
  return s;
}

/**
 * The edit that puts `entries` (in source order) into `order` (indexes into `entries`), or undefined when
 * the entries can't be moved as whole lines safely.
 */
export function reorderEdit(text: string, entries: readonly Entry[], order: readonly number[], kind: "map" | "seq"): { range: Range; text: string } | undefined {
  if (entries.length < 2) return undefined;
  const starts: number[] = [];
  for (const e of entries) {
    const ls = lineStart(text, e.start);
    const lead = text.slice(ls, e.start);
    if (!(kind === "map" ? /^[ \t]*$/ : /^[ \t]*-[ \t]*$/).test(lead)) return undefined;
    starts.push(ls);
  }
  const chunkStarts = starts.map((s, i) => withLeadingComments(text, s, i === 0 ? 0 : starts[i - 1]! + 1));
  const regionStart = chunkStarts[0]!;
  const last = entries[entries.length - 1]!;
  const regionEnd = lineEndAfter(text, last.end);
  // Trailing blank or comment lines after the last value stay where they are.
  const chunks = chunkStarts.map((s, i) => text.slice(s, i + 1 < chunkStarts.length ? chunkStarts[i + 1] : regionEnd));
  if (chunks.some((c) => /(^|[\s\[{,:])[&*][^\s]|<<\s*:/.test(c))) return undefined;
  // The last entry may end the file without a line break: it gets one (the file's own: CRLF in a CRLF
  // file) to move, and the new last line gives it up again.
  const eol = /\r\n/.test(text.slice(regionStart, regionEnd)) ? "\r\n" : "\n";
  const normal = chunks.map((c) => (c.endsWith("\n") ? c : c + eol));
  let out = order.map((i) => normal[i]!).join("");
  if (!text.slice(regionStart, regionEnd).endsWith("\n")) out = out.replace(/\r?\n$/, "");
  return { range: { start: regionStart, end: regionEnd }, text: out };
}
