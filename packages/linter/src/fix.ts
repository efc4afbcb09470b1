/** Applying fixes: one round over a set of diagnostics, or rounds of lint-then-fix until the text is stable. */
import { applyFixes, type Diagnostic, type Fix, type ReportedDiagnostic } from "@shipshape/text";
import type { LintInput, LintOptions } from "./lint.js";
import { lint, lintDocument } from "./lint.js";

/** How many lint-and-fix rounds `fixFile` runs at most (a fix may enable another; a cycle must end). */
export const MAX_FIX_ROUNDS = 10;

/**
 * One round: applies the safe fixes of `diagnostics` (unsafe ones too with `unsafe`); a fix that
 * overlaps an earlier one waits for the next round. With `file`, diagnostics of other files are skipped.
 */
export function applySafeFixes(
  text: string,
  diagnostics: readonly Diagnostic[],
  options: { unsafe?: boolean; file?: string } = {},
): { text: string; applied: number; deferred: number } {
  const fixes: Fix[] = [];
  for (const d of diagnostics) {
    if (!d.fix || (d.file !== undefined && options.file !== undefined && d.file !== options.file)) continue;
    if (d.fix.safety === "safe" || options.unsafe) fixes.push(d.fix);
  }
  // Earlier positions first so rounds are deterministic.
  fixes.sort((a, b) => firstOffset(a) - firstOffset(b));
  return applyFixes(text, fixes);
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.range.start));
}

export interface FixResult {
  text: string;
  changed: boolean;
  /** Diagnostics of the final text (what is left after fixing). */
  remaining: ReportedDiagnostic[];
  /** Number of fixes applied over all rounds. */
  applied: number;
}

/** Lints and applies safe fixes in rounds until nothing changes, then reports what remains. */
export async function fixFile(
  file: LintInput,
  options: LintOptions & { unsafe?: boolean } = {},
): Promise<FixResult> {
  let text = file.text;
  let applied = 0;
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const { diagnostics } = await lintDocument({ ...file, text }, options);
    const result = applySafeFixes(text, diagnostics, { unsafe: options.unsafe, file: file.path });
    if (result.applied === 0 || result.text === text) break;
    applied += result.applied;
    text = result.text;
  }
  const remaining = await lint([{ ...file, text }], options);
  return { text, changed: text !== file.text, remaining, applied };
}
