import type { Diagnostic as ShipshapeDiagnostic, Severity } from "@shipshape/text";
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
 * project reaching an included file) stay with those files; `uriOf` maps a related file to its uri.
 */
export function toLspDiagnostics(
  doc: ParsedDocument,
  diagnostics: readonly ShipshapeDiagnostic[],
  uriOf: (file: string) => string = (f) => f,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.file !== undefined && d.file !== doc.path && d.file !== doc.uri) continue;
    out.push(toLspDiagnostic(doc, d, uriOf));
  }
  return out;
}

export function toLspDiagnostic(doc: ParsedDocument, d: ShipshapeDiagnostic, uriOf: (file: string) => string): Diagnostic {
  const data: DiagnosticData = { code: d.code };
  if (d.aliases?.length) data.aliases = d.aliases;
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
    out.relatedInformation = d.related
      .filter((r) => r.file === undefined || r.file === doc.path || r.file === doc.uri)
      .map(
        (r): DiagnosticRelatedInformation => ({
          message: r.message,
          location: { uri: r.file ? uriOf(r.file) : doc.uri, range: toRange(doc, r.range) },
        }),
      );
  }
  return out;
}
