/** Offset diagnostics → the JSON shape of INTERFACE.md (1-based UTF-16 columns, end exclusive). */
import { LineIndex, SEVERITY_RANK, type Diagnostic, type ReportedDiagnostic } from "@shipshape/text";

export function toReported(d: Diagnostic, file: string, lines: LineIndex): ReportedDiagnostic {
  const out: ReportedDiagnostic = {
    file,
    ...lines.toLineColumn(d.range),
    code: d.code,
    rule: d.rule ?? d.code,
    aliases: [...(d.aliases ?? [])],
    severity: d.severity,
    message: d.message,
  };
  if (d.category) out.category = d.category;
  if (d.fix) {
    out.fix = {
      title: d.fix.title,
      safe: d.fix.safety === "safe",
      edits: d.fix.edits.map((e) => ({ ...lines.toLineColumn(e.range), text: e.text })),
    };
  }
  return out;
}

/** Sorted by file, line, column, then severity (most severe first) and code, for stable output. */
export function compareReported(a: ReportedDiagnostic, b: ReportedDiagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn
  );
}

/** Offset diagnostics in position order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export { LineIndex };
