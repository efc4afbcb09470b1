// The one place where offsets become LSP positions and back.
import type { Range as OffsetRange } from "@shipshape/text";
import type { Position, Range } from "vscode-languageserver-types";
import type { ParsedDocument } from "./document.js";

export function toRange(doc: ParsedDocument, r: OffsetRange): Range {
  return { start: doc.lines.positionAt(r.start), end: doc.lines.positionAt(r.end) };
}

export function toPosition(doc: ParsedDocument, offset: number): Position {
  return doc.lines.positionAt(offset);
}

export function toOffset(doc: ParsedDocument, p: Position): number {
  return doc.lines.offsetAt(p);
}

export function toOffsetRange(doc: ParsedDocument, r: Range): OffsetRange {
  return { start: toOffset(doc, r.start), end: toOffset(doc, r.end) };
}

export function contains(r: OffsetRange, offset: number): boolean {
  return r.start <= offset && offset <= r.end;
}

/**
 * A symbol's name as editors accept it: on one line, at most `max` UTF-16 units without splitting a
 * surrogate pair, and never empty (VS Code rejects the whole outline over one empty name), so an empty
 * name shows as `""`, as it is written in YAML.
 */
export function symbolName(text: string, max = 80): string {
  let name = text.replace(/\s+/g, " ").trim();
  if (name.length > max) {
    const cut = /[\uD800-\uDBFF]/.test(name[max - 1]!) ? max - 1 : max;
    name = `${name.slice(0, cut)}…`;
  }
  return name === "" ? '""' : name;
}
