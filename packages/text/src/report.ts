import type { Category, Severity } from "./diagnostic.js";

/** One finding as `shipshape lint --format json` prints it (see INTERFACE.md): 1-based, UTF-16, end exclusive. */
export interface ReportedDiagnostic {
  /** The path as given on the command line, `-` for stdin. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  /** Kebab-case rule name. */
  rule: string;
  aliases: string[];
  severity: Severity;
  message: string;
  category?: Category;
  fix?: {
    title: string;
    safe: boolean;
    edits: { line: number; column: number; endLine: number; endColumn: number; text: string }[];
  };
}

/** One rule as `shipshape rules --format json` prints it. */
export interface RuleInfo {
  code: string;
  name: string;
  aliases: string[];
  kind: "dockerfile" | "compose";
  category: Category;
  severity: Severity;
  enabledByDefault: boolean;
  fixable: boolean;
  summary: string;
  /** Markdown documentation. */
  docs: string;
}
