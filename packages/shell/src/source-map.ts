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
 * Builds a `ToSource` from pieces. An offset inside a piece maps straight; an offset in a gap (text
 * that was inserted and has no source, such as a joining newline) maps to the end of the piece
 * before it; an offset past the last piece maps past its end.
 */
export function toSourceFromPieces(pieces: readonly SourcePiece[]): ToSource {
  if (pieces.length === 0) return (offset) => offset;
  if (pieces.length === 1) {
    // One piece (a line without continuations, a heredoc body): no search, and nothing to reorder.
    const { script, source, length } = pieces[0];
    const one: ToSource = (offset) => (offset < script ? source - (script - offset) : source + Math.min(offset - script, length));
    return withLayout(one, pieces, undefined);
  }
  const last = pieces.length - 1;
  // The piece of the previous call: offsets are mostly asked in script order, so the answer is
  // usually that piece or the next, and the search is skipped.
  let hint = 0;
  const fn: ToSource = (offset) => {
    // The last piece whose script start is <= offset (the first when there is none).
    let lo = hint;
    if (!(pieces[lo].script <= offset && (lo === last || pieces[lo + 1].script > offset))) {
      lo++;
      if (!(lo <= last && pieces[lo].script <= offset && (lo === last || pieces[lo + 1].script > offset))) {
        lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (pieces[mid].script <= offset) lo = mid;
          else hi = mid - 1;
        }
      }
      hint = lo;
    }
    const p = pieces[lo];
    if (offset < p.script) return p.source - (p.script - offset);
    const within = offset - p.script;
    return within <= p.length ? p.source + within : p.source + p.length;
  };
  // Only reordered pieces need the covering logic in `mapRange`; in-order ones map ends directly.
  let reordered: readonly SourcePiece[] | undefined;
  for (let i = 1; i < pieces.length; i++) {
    if (pieces[i].source < pieces[i - 1].source + pieces[i - 1].length) {
      reordered = pieces;
      break;
    }
  }
  return withLayout(fn, pieces, reordered);
}

const LAYOUT = Symbol("layout");
const REORDERED = Symbol("reordered");

/**
 * A `ToSource` made here carries its pieces, and its pieces again when they are out of source order.
 * Properties of the function rather than entries of a WeakMap: one is made for every script, and a
 * WeakMap entry costs more to add, to look up and to collect.
 */
interface PieceMapping {
  (offset: number): number;
  [LAYOUT]?: readonly SourcePiece[];
  [REORDERED]?: readonly SourcePiece[];
}

function withLayout(fn: ToSource, pieces: readonly SourcePiece[], reordered: readonly SourcePiece[] | undefined): ToSource {
  const mapping = fn as PieceMapping;
  mapping[LAYOUT] = pieces;
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
  const pa = (a as PieceMapping)[LAYOUT];
  const pb = (b as PieceMapping)[LAYOUT];
  if (!pa || !pb || pa.length !== pb.length) return undefined;
  const shift = pb[0].source - pa[0].source;
  for (let i = 0; i < pa.length; i++) {
    const x = pa[i];
    const y = pb[i];
    if (x.script !== y.script || x.length !== y.length || y.source - x.source !== shift) return undefined;
  }
  return shift;
}

/** The pieces behind a `ToSource` made here whose pieces are out of source order. */
function reorderedPieces(toSource: ToSource): readonly SourcePiece[] | undefined {
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
  return toSourceFromPieces(piecesFromSegments(segments, logicalOffset));
}

/** The pieces for logical text from `logicalOffset` on (optionally only `length` code units of it). */
export function piecesFromSegments(segments: readonly Segment[], logicalOffset: number, length = Infinity): SourcePiece[] {
  const limit = logicalOffset + length;
  // Counted first so the list is made at its size: the pieces are kept with every built script.
  let count = 0;
  for (let i = 0; i < segments.length; i++) if (overlaps(segments[i], logicalOffset, limit)) count++;
  const pieces = new Array<SourcePiece>(count);
  let k = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (!overlaps(s, logicalOffset, limit)) continue;
    const end = Math.min(s.logical + s.length, limit);
    const skip = Math.max(0, logicalOffset - s.logical);
    pieces[k++] = { script: s.logical + skip - logicalOffset, source: s.source + skip, length: end - s.logical - skip };
  }
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
    const pieces = reorderedPieces(toSource);
    if (!pieces || !spansReorderedPieces(pieces, start, end)) return { start: s, end: e };
    return coverPieces(pieces, start, end) ?? { start: s, end: e };
  }
  const pieces = reorderedPieces(toSource);
  return (pieces && coverPieces(pieces, start, end)) ?? { start: s, end: Math.max(s, e) };
}

/** True when the pieces inside the range do not run forward in the source. */
function spansReorderedPieces(pieces: readonly SourcePiece[], start: number, end: number): boolean {
  let last = -Infinity;
  for (const p of pieces) {
    if (p.script + p.length <= start || p.length === 0) continue;
    if (p.script >= end) break;
    if (p.source < last) return true;
    last = p.source + p.length;
  }
  return false;
}

/** The smallest source range covering every piece of the script range. */
function coverPieces(pieces: readonly SourcePiece[], start: number, end: number): Range | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of pieces) {
    const a = Math.max(start, p.script);
    const b = Math.min(end, p.script + p.length);
    if (a >= b) continue;
    lo = Math.min(lo, p.source + a - p.script);
    hi = Math.max(hi, p.source + b - p.script);
  }
  return lo <= hi ? { start: lo, end: hi } : undefined;
}
