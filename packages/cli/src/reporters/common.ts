import { SEVERITY_RANK, type ReportedDiagnostic, type RuleInfo } from "@shipshape/text";

export const RULE_DOCS_BASE = "https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/";

export function ruleDocUrl(code: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(code)}.md`;
}

/** Sort by file, line, column, then severity (worst first), code, end and message (the linter's order) so every format's output order is deterministic. */
export function sortDiagnostics(diagnostics: readonly ReportedDiagnostic[]): ReportedDiagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

export function compareDiagnostics(a: ReportedDiagnostic, b: ReportedDiagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    compareStrings(a.code, b.code) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareStrings(a.message, b.message)
  );
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Files in first-seen order: the linted files first, then any file only a diagnostic names. */
export function filesInOrder(diagnostics: readonly ReportedDiagnostic[], files: readonly string[]): string[] {
  const seen = new Set<string>(files);
  const out = [...seen];
  for (const d of sortDiagnostics(diagnostics)) {
    if (!seen.has(d.file)) {
      seen.add(d.file);
      out.push(d.file);
    }
  }
  return out;
}

export function groupByFile(diagnostics: readonly ReportedDiagnostic[]): Map<string, ReportedDiagnostic[]> {
  const byFile = new Map<string, ReportedDiagnostic[]>();
  for (const d of sortDiagnostics(diagnostics)) {
    let list = byFile.get(d.file);
    if (!list) byFile.set(d.file, (list = []));
    list.push(d);
  }
  return byFile;
}

/** The rules a report mentions, looked up by code; codes the registry does not know get a minimal entry. */
export function rulesUsed(diagnostics: readonly ReportedDiagnostic[], rules: readonly RuleInfo[]): RuleInfo[] {
  const byCode = new Map(rules.map((r) => [r.code, r]));
  const used = new Map<string, RuleInfo>();
  for (const d of sortDiagnostics(diagnostics)) {
    if (used.has(d.code)) continue;
    used.set(d.code, byCode.get(d.code) ?? syntheticRule(d));
  }
  return [...used.values()].sort((a, b) => compareStrings(a.code, b.code));
}

function syntheticRule(d: ReportedDiagnostic): RuleInfo {
  return {
    code: d.code,
    name: d.rule || d.code,
    aliases: d.aliases ?? [],
    kind: "dockerfile",
    category: d.category ?? (d.code === "internal-error" ? "correctness" : "syntax"),
    severity: d.severity,
    enabledByDefault: true,
    fixable: false,
    summary: d.code === "internal-error" ? "shipshape failed on this file" : (d.rule || d.code).replace(/-/g, " "),
    docs: "",
  };
}

/** The text of a 1-based line of a source, without its line break, or undefined when unknown. */
export function sourceLine(source: string | undefined, line: number): string | undefined {
  if (source === undefined) return undefined;
  const lines = source.split(/\r\n|\r|\n/);
  return lines[line - 1];
}

/** Lines of every source split once, for reporters that look up many lines. */

export class SourceLines {
  private readonly cache = new Map<string, string[]>();
  constructor(private readonly sources: ReadonlyMap<string, string>) {}

  line(file: string, line: number): string | undefined {
    let lines = this.cache.get(file);
    if (!lines) {
      const text = this.sources.get(file);
      if (text === undefined) return undefined;
      lines = text.split(/\r\n|\r|\n/);
      this.cache.set(file, lines);
    }
    return lines[line - 1];
  }
}
