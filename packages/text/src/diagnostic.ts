import type { Fix } from "./edit.js";
import type { Range } from "./range.js";

export type Severity = "error" | "warning" | "info" | "style";

export const SEVERITY_RANK: Record<Severity, number> = { style: 0, info: 1, warning: 2, error: 3 };

export type Category = "syntax" | "correctness" | "security" | "best-practice" | "performance" | "style";

/** A finding with a UTF-16 offset range into the file it belongs to. */
export interface Diagnostic {
  code: string;
  message: string;
  severity: Severity;
  range: Range;
  /** The file the range refers to, when it differs from the file being checked (compose merges). */
  file?: string;
  /** Kebab-case rule name. */
  rule?: string;
  aliases?: string[];
  category?: Category;
  fix?: Fix;
  /** Other places that explain this finding (e.g. the first definition of a duplicate). */
  related?: { message: string; range: Range; file?: string }[];
  /** Editor hints. */
  tags?: ("unnecessary" | "deprecated")[];
}

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

export function isSeverity(s: string): s is Severity {
  return s === "error" || s === "warning" || s === "info" || s === "style";
}
