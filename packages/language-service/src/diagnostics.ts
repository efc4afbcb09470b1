import { type Diagnostic as ShipshapeDiagnostic, LineIndex, type Severity } from "@shipshape/text";
import {
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type DiagnosticRelatedInformation,
  type TextEdit,
} from "vscode-languageserver-types";
import { toRange } from "./convert.js";
import type { ParsedDocument } from "./document.js";

export const RULE_DOCS_BASE = "https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/";

export function ruleDocUrl(code: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(code)}.md`;
}

/** What a diagnostic carries so that a code action needs nothing else (STYLE.md invariant 5). */
export interface DiagnosticData {
  code: string;
  aliases?: string[];
  /** A parse error (category `syntax`) or an internal failure: no pragma suppresses it. */
  unsuppressible?: boolean;
  fix?: { title: string; safe: boolean; edits: TextEdit[] };
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  style: DiagnosticSeverity.Hint,
};

/**
 * Converts shipshape diagnostics of one document to LSP ones. Findings about other files (a compose
 * project reaching an included file) stay with those files; `uriOf` maps a related file to its uri, and
 * `readFile` gives the text of a related location's file (a service's Dockerfile) to place it in; without
 * it, or when the file cannot be read, such a location is left out.
 */
export function toLspDiagnostics(
  doc: ParsedDocument,
  diagnostics: readonly ShipshapeDiagnostic[],
  uriOf: (file: string) => string = (f) => f,
  readFile?: (file: string) => string | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const otherFiles = new Map<string, LineIndex | undefined>();
  const linesOf = (file: string): LineIndex | undefined => {
    if (!otherFiles.has(file)) {
      const text = readFile?.(file);
      otherFiles.set(file, text === undefined ? undefined : new LineIndex(text));
    }
    return otherFiles.get(file);
  };
  for (const d of diagnostics) {
    if (d.file !== undefined && d.file !== doc.path && d.file !== doc.uri) continue;
    out.push(toLspDiagnostic(doc, d, uriOf, linesOf));
  }
  return out;
}

export function toLspDiagnostic(
  doc: ParsedDocument,
  d: ShipshapeDiagnostic,
  uriOf: (file: string) => string,
  linesOf: (file: string) => LineIndex | undefined = () => undefined,
): Diagnostic {
  const data: DiagnosticData = { code: d.code };
  if (d.aliases?.length) data.aliases = d.aliases;
  if (d.category === "syntax" || d.code === "internal-error") data.unsuppressible = true;
  if (d.fix) {
    data.fix = {
      title: d.fix.title,
      safe: d.fix.safety === "safe",
      edits: d.fix.edits.map((e) => ({ range: toRange(doc, e.range), newText: e.text })),
    };
  }
  const out: Diagnostic = {
    range: toRange(doc, d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocUrl(d.code) },
    source: "shipshape",
    message: d.rule ? `${d.message} (${d.rule})` : d.message,
    data,
  };
  if (d.tags?.length) {
    out.tags = d.tags.map((t) => (t === "unnecessary" ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (d.related?.length) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of d.related) {
      if (r.file === undefined || r.file === doc.path || r.file === doc.uri) {
        related.push({ message: r.message, location: { uri: doc.uri, range: toRange(doc, r.range) } });
        continue;
      }
      const lines = linesOf(r.file);
      if (!lines) continue;
      const range = { start: lines.positionAt(r.range.start), end: lines.positionAt(r.range.end) };
      related.push({ message: r.message, location: { uri: uriOf(r.file), range } });
    }
    out.relatedInformation = related;
  }
  return out;
}
