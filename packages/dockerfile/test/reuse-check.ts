import { expect } from "vitest";
import type { ParseResult } from "@shipshape/dockerfile";

/**
 * Asserts that the instructions an edit at `editStart` cannot have touched are the earlier parse's objects:
 * those followed by another instruction that starts at or before the edit (nothing of theirs, their
 * comments, heredoc bodies or the escape directive lies after that). Returns how many there were.
 */
export function expectKept(before: ParseResult, after: ParseResult, editStart: number): number {
  const old = before.ast.instructions;
  let kept = 0;
  for (let i = 0; i + 1 < old.length && old[i + 1].range.start <= editStart; i++) {
    expect(after.ast.instructions[i]).toBe(old[i]);
    kept++;
  }
  return kept;
}
