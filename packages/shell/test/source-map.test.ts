import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toSourceFromPieces, type SourcePiece } from "@shipshape/shell";

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
