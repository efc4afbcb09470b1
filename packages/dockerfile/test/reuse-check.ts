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

/**
 * Where a value holds one object twice: each later path to an object already met, with the first path to
 * it (`$.instructions.3.destination` -> `$.instructions.3.paths.1`). Two parses that share objects alike
 * give the same list; deep equality alone cannot tell.
 */
export function aliases(value: unknown): [string, string][] {
  const seen = new Map<object, string>();
  const out: [string, string][] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== "object" || v === null) return;
    const first = seen.get(v);
    if (first !== undefined) {
      out.push([path, first]);
      return;
    }
    seen.set(v, path);
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(value, "$");
  return out;
}
