/** Small look-ups other packages need over a parsed Dockerfile. */
import type { Dockerfile, Instruction } from "./ast.js";
import { mapOffset } from "./scanner.js";

/** Source offset of a logical offset in `instr.original` (through `segments`). */
export function sourceOffset(instr: Pick<Instruction, "segments">, logicalOffset: number): number {
  return mapOffset(instr.segments, logicalOffset);
}

/** The instruction whose range contains `offset` (end inclusive), or undefined. */
export function instructionAt(ast: Dockerfile, offset: number): Instruction | undefined {
  const list = ast.instructions;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = list[mid].range;
    if (offset < r.start) hi = mid - 1;
    else if (offset > r.end) lo = mid + 1;
    else return list[mid];
  }
  return undefined;
}
