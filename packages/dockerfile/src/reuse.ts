/**
 * Which instructions of an earlier parse a new parse may keep: those whose scan is the same in every field
 * the AST builder reads (so their nodes would come out deep-equal). Matched by start offset, so an edit
 * keeps the nodes before it. The instructions after it have moved: `movedNodes` pairs them with the earlier
 * ones they equal up to the move, whose nodes `movedNode` (move.ts) copies with their ranges moved.
 */
import type { Range } from "@shipshape/text";
import type { Segment } from "./ast.js";
import type { LineNode } from "./buildkit.js";
import type { HeredocMarker } from "./heredoc-markers.js";
import type { HeredocBody, ScannedInstruction } from "./scanner.js";

/**
 * The earlier scan's BuildKit line nodes by logical line, for the new scan to share instead of parsing the
 * line again (a line node holds logical offsets only, so a line that moved has the same one).
 */
export function knownLines(before: readonly ScannedInstruction[]): (original: string, escape: number) => LineNode | undefined {
  const byLine = new Map<string, ScannedInstruction>();
  for (const s of before) byLine.set(s.original, s);
  return (original, escape) => {
    const s = byLine.get(original);
    return s && s.escape === escape ? s.node : undefined;
  };
}

/** For each new instruction, the index of the equal earlier one, or -1. */
export function reusableNodes(before: readonly ScannedInstruction[], after: readonly ScannedInstruction[]): Int32Array {
  const out = new Int32Array(after.length).fill(-1);
  let j = 0;
  for (let i = 0; i < after.length; i++) {
    const start = after[i].range.start;
    // both lists are in source order, so one walk pairs instructions that start at the same offset
    while (j < before.length && before[j].range.start < start) j++;
    if (j === before.length) break;
    if (before[j].range.start === start && sameScan(before[j], after[i])) out[i] = j;
  }
  return out;
}

/**
 * Every input of the AST builder for one instruction. The BuildKit line node is not compared: it is made
 * from the logical line and the escape character alone; the heredoc markers likewise come from the line.
 */
export function sameScan(a: ScannedInstruction, b: ScannedInstruction): boolean {
  return (
    a.escape === b.escape &&
    a.startLine === b.startLine &&
    a.endLine === b.endLine &&
    sameRange(a.range, b.range) &&
    a.original === b.original &&
    sameSegments(a.segments, b.segments) &&
    sameStrings(a.prevComments, b.prevComments) &&
    sameRanges(a.emptyContinuationLines, b.emptyContinuationLines) &&
    sameHeredocs(a.heredocs, b.heredocs)
  );
}

function sameRange(a: Range | undefined, b: Range | undefined): boolean {
  if (!a || !b) return a === b;
  return a.start === b.start && a.end === b.end;
}

function sameRanges(a: readonly Range[], b: readonly Range[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameRange(a[i], b[i])) return false;
  return true;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameSegments(a: readonly Segment[], b: readonly Segment[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.logical !== y.logical || x.source !== y.source || x.length !== y.length) return false;
  }
  return true;
}

function sameHeredocs(a: readonly HeredocBody[], b: readonly HeredocBody[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.content !== y.content || !sameRange(x.contentRange, y.contentRange) || !sameRange(x.terminatorRange, y.terminatorRange)) {
      return false;
    }
    if (!sameMarker(x.marker, y.marker)) return false;
  }
  return true;
}

/**
 * For each new instruction that `kept` leaves out, the index of an earlier one it equals up to a move (see
 * `sameScanMoved`), or -1. Matched pairwise from the end of both lists, stopping at the first difference: an
 * edit moves the instructions after it, which then end both lists in the same order.
 */
export function movedNodes(before: readonly ScannedInstruction[], after: readonly ScannedInstruction[], kept: Int32Array): Int32Array {
  const out = new Int32Array(after.length).fill(-1);
  for (let i = after.length - 1, j = before.length - 1; i >= 0 && j >= 0 && kept[i] < 0; i--, j--) {
    if (!sameScanMoved(before[j], after[i])) break;
    out[i] = j;
  }
  return out;
}

/**
 * `sameScan` but for the place: the same text, comments above, heredoc bodies and escape, on as many lines,
 * with every source offset moved by one amount and the line numbers by another. The builder maps logical
 * offsets through the segments, so such an instruction's node is the earlier one moved (see `movedNode`).
 */
export function sameScanMoved(a: ScannedInstruction, b: ScannedInstruction): boolean {
  const shift = b.range.start - a.range.start;
  if (
    a.escape !== b.escape ||
    a.original !== b.original ||
    b.endLine - b.startLine !== a.endLine - a.startLine ||
    b.range.end - a.range.end !== shift ||
    !sameStrings(a.prevComments, b.prevComments) ||
    a.segments.length !== b.segments.length ||
    a.emptyContinuationLines.length !== b.emptyContinuationLines.length ||
    a.heredocs.length !== b.heredocs.length
  ) {
    return false;
  }
  for (let i = 0; i < a.segments.length; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (x.logical !== y.logical || x.length !== y.length || y.source - x.source !== shift) return false;
  }
  for (let i = 0; i < a.emptyContinuationLines.length; i++) {
    if (!movedRange(a.emptyContinuationLines[i], b.emptyContinuationLines[i], shift)) return false;
  }
  for (let i = 0; i < a.heredocs.length; i++) {
    const x = a.heredocs[i];
    const y = b.heredocs[i];
    if (x.content !== y.content || !movedRange(x.contentRange, y.contentRange, shift)) return false;
    if (x.terminatorRange || y.terminatorRange) {
      if (!x.terminatorRange || !y.terminatorRange || !movedRange(x.terminatorRange, y.terminatorRange, shift)) return false;
    }
    // markers are found in the logical line: their offsets do not move
    if (!sameMarker(x.marker, y.marker)) return false;
  }
  return true;
}

/** Heredoc markers are found in the logical line, so an equal marker has equal offsets even after a move. */
function sameMarker(m: HeredocMarker, n: HeredocMarker): boolean {
  return m.start === n.start && m.end === n.end && m.raw === n.raw && m.name === n.name &&
    m.fileDescriptor === n.fileDescriptor && m.chomp === n.chomp && m.expand === n.expand;
}

function movedRange(a: Range, b: Range, shift: number): boolean {
  return b.start - a.start === shift && b.end - a.end === shift;
}
