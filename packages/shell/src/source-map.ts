import type { Range } from "@shipshape/text";
import type { Segment } from "@shipshape/dockerfile";
import type { ToSource } from "./types.js";

/** `length` code units at `script` offset come from `source` offset. Pieces are sorted by `script`. */
export interface SourcePiece {
  script: number;
  source: number;
  length: number;
}

/**
 * Pieces as the mappings keep them: `script, source, length` of each piece in a row of one plain
 * number list, a third of the memory of piece objects (every built script keeps its mapping).
 */
type Layout = readonly number[];

/**
 * Builds a `ToSource` from pieces. An offset inside a piece maps straight; an offset in a gap (text
 * that was inserted and has no source, such as a joining newline) maps to the end of the piece
 * before it; an offset past the last piece maps past its end.
 */
export function toSourceFromPieces(pieces: readonly SourcePiece[]): ToSource {
  const layout = new Array<number>(pieces.length * 3);
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    layout[3 * i] = p.script;
    layout[3 * i + 1] = p.source;
    layout[3 * i + 2] = p.length;
  }
  return toSourceFromLayout(layout);
}

/**
 * The mapping of the logical text from `logicalOffset` on (`length` code units of it) through the
 * instruction's segments: `toSourceFromPieces(piecesFromSegments(...))` without the piece objects.
 */
export function toSourceFromLogical(segments: readonly Segment[], logicalOffset: number, length: number): ToSource {
  return toSourceFromLayout(layoutOfSegments(segments, logicalOffset, length));
}

/** The pieces (script, source, length per piece, flat) for logical text from `logicalOffset` on, `length` code units of it. */
function layoutOfSegments(segments: readonly Segment[], logicalOffset: number, length: number): Layout {
  const limit = logicalOffset + length;
  let count = 0;
  for (let i = 0; i < segments.length; i++) if (overlaps(segments[i], logicalOffset, limit)) count++;
  const layout = new Array<number>(count * 3);
  let k = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (!overlaps(s, logicalOffset, limit)) continue;
    const end = Math.min(s.logical + s.length, limit);
    const skip = Math.max(0, logicalOffset - s.logical);
    layout[k++] = s.logical + skip - logicalOffset;
    layout[k++] = s.source + skip;
    layout[k++] = end - s.logical - skip;
  }
  return layout;
}

function toSourceFromLayout(layout: Layout): ToSource {
  const count = layout.length / 3;
  if (count === 0) return (offset) => offset;
  if (count === 1) {
    // One piece (a line without continuations, a heredoc body): no search, and nothing to reorder.
    const script = layout[0];
    const source = layout[1];
    const length = layout[2];
    const one: ToSource = (offset) => (offset < script ? source - (script - offset) : source + Math.min(offset - script, length));
    return withLayout(one, layout, undefined);
  }
  const last = count - 1;
  // The piece of the previous call: offsets are mostly asked in script order, so the answer is
  // usually that piece or the next, and the search is skipped.
  let hint = 0;
  const fn: ToSource = (offset) => {
    // The last piece whose script start is <= offset (the first when there is none).
    let lo = hint;
    if (!(layout[3 * lo] <= offset && (lo === last || layout[3 * lo + 3] > offset))) {
      lo++;
      if (!(lo <= last && layout[3 * lo] <= offset && (lo === last || layout[3 * lo + 3] > offset))) {
        lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (layout[3 * mid] <= offset) lo = mid;
          else hi = mid - 1;
        }
      }
      hint = lo;
    }
    const script = layout[3 * lo];
    const source = layout[3 * lo + 1];
    const length = layout[3 * lo + 2];
    if (offset < script) return source - (script - offset);
    const within = offset - script;
    return within <= length ? source + within : source + length;
  };
  // Only reordered pieces need the covering logic in `mapRange`; in-order ones map ends directly.
  let reordered: Layout | undefined;
  for (let i = 3; i < layout.length; i += 3) {
    if (layout[i + 1] < layout[i - 2] + layout[i - 1]) {
      reordered = layout;
      break;
    }
  }
  return withLayout(fn, layout, reordered);
}

const LAYOUT = Symbol("layout");
const REORDERED = Symbol("reordered");

/**
 * A `ToSource` made here carries its layout, and its layout again when its pieces are out of source
 * order. Properties of the function rather than entries of a WeakMap: one is made for every script,
 * and a WeakMap entry costs more to add, to look up and to collect.
 */
interface PieceMapping {
  (offset: number): number;
  [LAYOUT]?: Layout;
  [REORDERED]?: Layout;
}

function withLayout(fn: ToSource, layout: Layout, reordered: Layout | undefined): ToSource {
  const mapping = fn as PieceMapping;
  mapping[LAYOUT] = layout;
  mapping[REORDERED] = reordered;
  return mapping;
}

/** True for a `ToSource` made here from pieces (one `sourceShift` can compare). */
export function hasSourceLayout(toSource: ToSource): boolean {
  return (toSource as PieceMapping)[LAYOUT] !== undefined;
}

/**
 * How far `b` maps every offset past where `a` does, when both were made here from pieces that
 * differ only by that shift of their source offsets (the same script text at another place of a
 * file); otherwise undefined. Ranges mapped through `a` then only need the shift added.
 */
export function sourceShift(a: ToSource, b: ToSource): number | undefined {
  if (a === b) return 0;
  const la = (a as PieceMapping)[LAYOUT];
  const lb = (b as PieceMapping)[LAYOUT];
  if (!la || !lb || la.length !== lb.length) return undefined;
  const shift = lb[1] - la[1];
  for (let i = 0; i < la.length; i += 3) {
    if (la[i] !== lb[i] || la[i + 2] !== lb[i + 2] || lb[i + 1] - la[i + 1] !== shift) return undefined;
  }
  return shift;
}

/** The layout behind a `ToSource` made here whose pieces are out of source order. */
function reorderedLayout(toSource: ToSource): Layout | undefined {
  return (toSource as PieceMapping)[REORDERED];
}

/** Pieces shifted to start at script offset `at`. */
export function shiftPieces(pieces: readonly SourcePiece[], at: number): SourcePiece[] {
  return pieces.map((p) => ({ ...p, script: p.script + at }));
}

/**
 * The mapping for a shell-form argument: script offset 0 is `logicalOffset` in the instruction's
 * logical text, and `segments` map logical offsets to source offsets.
 */
export function toSourceFromSegments(segments: readonly Segment[], logicalOffset: number): ToSource {
  return toSourceFromLogical(segments, logicalOffset, Infinity);
}

/** The pieces for logical text from `logicalOffset` on (optionally only `length` code units of it). */
export function piecesFromSegments(segments: readonly Segment[], logicalOffset: number, length = Infinity): SourcePiece[] {
  const layout = layoutOfSegments(segments, logicalOffset, length);
  const pieces = new Array<SourcePiece>(layout.length / 3);
  for (let i = 0, k = 0; k < layout.length; i++, k += 3) pieces[i] = { script: layout[k], source: layout[k + 1], length: layout[k + 2] };
  return pieces;
}

function overlaps(s: Segment, from: number, limit: number): boolean {
  return Math.min(s.logical + s.length, limit) > from && s.logical < limit;
}

/**
 * Maps a script range to a source range. The end is mapped from the last character inside the
 * range, so a range ending just before a line continuation does not swallow the continuation.
 */
export function mapRange(toSource: ToSource, start: number, end: number): Range {
  const s = toSource(start);
  if (end <= start) return { start: s, end: s };
  const e = toSource(end - 1) + 1;
  if (e > s) {
    const layout = reorderedLayout(toSource);
    if (!layout || !spansReorderedPieces(layout, start, end)) return { start: s, end: e };
    return coverPieces(layout, start, end) ?? { start: s, end: e };
  }
  const layout = reorderedLayout(toSource);
  return (layout && coverPieces(layout, start, end)) ?? { start: s, end: Math.max(s, e) };
}

/** True when the pieces inside the range do not run forward in the source. */
function spansReorderedPieces(layout: Layout, start: number, end: number): boolean {
  let last = -Infinity;
  for (let i = 0; i < layout.length; i += 3) {
    const script = layout[i];
    const source = layout[i + 1];
    const length = layout[i + 2];
    if (script + length <= start || length === 0) continue;
    if (script >= end) break;
    if (source < last) return true;
    last = source + length;
  }
  return false;
}

/** The smallest source range covering every piece of the script range. */
function coverPieces(layout: Layout, start: number, end: number): Range | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < layout.length; i += 3) {
    const script = layout[i];
    const source = layout[i + 1];
    const a = Math.max(start, script);
    const b = Math.min(end, script + layout[i + 2]);
    if (a >= b) continue;
    lo = Math.min(lo, source + a - script);
    hi = Math.max(hi, source + b - script);
  }
  return lo <= hi ? { start: lo, end: hi } : undefined;
}
