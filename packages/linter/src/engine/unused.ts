/** Applies suppressions and reports the ones that suppress nothing (rule `unused-suppression`). */
import type { Diagnostic } from "@shipshape/text";
import type { LinterConfig } from "../config/types.js";
import type { Selection } from "../config/select.js";
import { BUILDKIT_CHECKS, SHELLCHECK_CODE, type RuleSet } from "../registry.js";
import { applySuppressions, type Suppression } from "../suppressions/suppression.js";
import { makeDiagnostic } from "./builders.js";

export const UNUSED_SUPPRESSION = "unused-suppression";

const BUILDKIT_LOWER = new Set(BUILDKIT_CHECKS.map((c) => c.toLowerCase()));

export function finishSuppressions(
  found: Diagnostic[],
  suppressions: readonly Suppression[],
  rules: RuleSet,
  selection: Selection,
  config: LinterConfig,
  shellcheckRan = false,
): Diagnostic[] {
  const { kept, unused } = applySuppressions(
    found,
    suppressions,
    (written) => rules.canonicalCodes(written),
    (code) => rules.isBuildkitCheck(code),
    config.disableIgnorePragma ?? false,
  );
  const reporter = rules.resolve(UNUSED_SUPPRESSION);
  if (!reporter || !selection.enabledCodes.has(reporter.code)) return kept;
  const severity = selection.active.find((a) => a.rule === reporter)?.severity ?? reporter.severity;
  for (const { code, canonical } of unused) {
    let message: string | undefined;
    if (canonical === undefined) {
      // A BuildKit check we do not implement is a fine thing to skip; anything else is a typo.
      if (!BUILDKIT_LOWER.has(code.written.toLowerCase())) message = `Unknown rule '${code.written}' in suppression`;
    } else if (SHELLCHECK_CODE.test(canonical) ? shellcheckRan : selection.enabledCodes.has(canonical)) {
      message = `Suppression of '${code.written}' matches no diagnostic`;
    }
    if (message) kept.push(makeDiagnostic(reporter, severity, code.range, message, { tags: ["unnecessary"] }));
  }
  return kept;
}
