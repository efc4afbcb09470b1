import type { Category, RuleInfo, Severity } from "@shipshape/text";
import { rulesUsed, sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

const CLEAN_CODE_ATTRIBUTE: Record<Category, string> = {
  syntax: "LOGICAL",
  correctness: "LOGICAL",
  security: "TRUSTWORTHY",
  "best-practice": "CONVENTIONAL",
  performance: "EFFICIENT",
  style: "FORMATTED",
};
const SOFTWARE_QUALITY: Record<Category, string> = {
  syntax: "RELIABILITY",
  correctness: "RELIABILITY",
  security: "SECURITY",
  "best-practice": "MAINTAINABILITY",
  performance: "RELIABILITY",
  style: "MAINTAINABILITY",
};
const IMPACT: Record<Severity, string> = { error: "HIGH", warning: "MEDIUM", info: "LOW", style: "LOW" };
/** The pre-10.3 fields, still read by older servers. */
const LEGACY_SEVERITY: Record<Severity, string> = { error: "CRITICAL", warning: "MAJOR", info: "MINOR", style: "INFO" };

/**
 * SonarQube's generic issue import format (10.3+, with the older type/severity kept on the rules).
 * Sonar columns are 0-based with an exclusive end.
 */
export const sonarqube: Reporter = (diagnostics, rules) => {
  const report = {
    rules: rulesUsed(diagnostics, rules).map(sonarRule),
    issues: sortDiagnostics(diagnostics).map((d) => ({
      ruleId: d.code,
      primaryLocation: {
        message: d.message,
        filePath: d.file,
        // Sonar refuses an empty range, so an empty one names only its line.
        textRange:
          d.line === d.endLine && d.column >= d.endColumn
            ? { startLine: d.line, endLine: d.endLine }
            : { startLine: d.line, endLine: d.endLine, startColumn: d.column - 1, endColumn: d.endColumn - 1 },
      },
    })),
  };
  return JSON.stringify(report, null, 2) + "\n";
};

function sonarRule(rule: RuleInfo) {
  return {
    id: rule.code,
    name: rule.name,
    description: rule.summary || rule.name,
    engineId: "shipshape",
    cleanCodeAttribute: CLEAN_CODE_ATTRIBUTE[rule.category],
    type: rule.category === "security" ? "VULNERABILITY" : rule.severity === "error" ? "BUG" : "CODE_SMELL",
    severity: LEGACY_SEVERITY[rule.severity],
    impacts: [{ softwareQuality: SOFTWARE_QUALITY[rule.category], severity: IMPACT[rule.severity] }],
  };
}
