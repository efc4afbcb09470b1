import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toSourceFromPieces, type SourcePiece } from "@shipshape/shell";
import { mapRange, piecesFromSegments, sourceShift, toSourceFromLogical } from "../src/source-map.js";

/** The mapping as documented, by a linear scan: the last piece starting at or before the offset (else the first). */
function expectedSource(pieces: readonly SourcePiece[], offset: number): number {
  let p = pieces[0];
  for (const q of pieces) if (q.script <= offset) p = q;
  if (offset < p.script) return p.source - (p.script - offset);
  return p.source + Math.min(offset - p.script, p.length);
}

/** Pieces in script order, with gaps, empty pieces and equal starts, at any source offsets. */
const piecesArb = fc
  .array(fc.record({ gap: fc.integer({ min: 0, max: 3 }), length: fc.integer({ min: 0, max: 6 }), source: fc.integer({ min: 0, max: 200 }) }), { minLength: 2, maxLength: 12 })
  .map((parts) => {
    let script = 0;
    return parts.map(({ gap, length, source }) => {
      script += gap;
      const piece = { script, source, length };
      script += length;
      return piece;
    });
  });

describe("toSourceFromPieces", () => {
  it("maps every offset the same whatever order the offsets are asked in (it remembers the last piece it found)", () => {
    fc.assert(
      fc.property(piecesArb, fc.array(fc.integer({ min: -2, max: 80 }), { minLength: 1, maxLength: 40 }), (pieces, offsets) => {
        const toSource = toSourceFromPieces(pieces);
        for (const offset of offsets) expect(toSource(offset)).toBe(expectedSource(pieces, offset));
        // Ascending order, the common case, goes through the remembered piece and its successor.
        for (const offset of [...offsets].sort((a, b) => a - b)) expect(toSource(offset)).toBe(expectedSource(pieces, offset));
      }),
    );
  });
});

/** Segments of a logical text: consecutive logical runs at increasing source offsets (line continuations removed). */
const segmentsArb = fc
  .array(fc.record({ length: fc.integer({ min: 0, max: 8 }), skipped: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 10 })
  .map((parts) => {
    let logical = 0;
    let source = 3;
    return parts.map(({ length, skipped }) => {
      const segment = { logical, source, length };
      logical += length;
      source += length + skipped;
      return segment;
    });
  });

describe("toSourceFromLogical", () => {
  it("maps offsets and ranges as the pieces of the same logical span do, and compares by shift the same way", () => {
    fc.assert(
      fc.property(segmentsArb, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 50 }), (segments, from, length, shift) => {
        const direct = toSourceFromLogical(segments, from, length);
        const viaPieces = toSourceFromPieces(piecesFromSegments(segments, from, length));
        for (let offset = -1; offset <= length + 1; offset++) {
          expect(direct(offset)).toBe(viaPieces(offset));
          expect(mapRange(direct, offset, offset + 3)).toEqual(mapRange(viaPieces, offset, offset + 3));
        }
        const moved = toSourceFromLogical(segments.map((s) => ({ ...s, source: s.source + shift })), from, length);
        const pieces = piecesFromSegments(segments, from, length);
        expect(sourceShift(direct, moved)).toBe(pieces.length === 0 ? undefined : shift);
      }),
    );
  });
});
