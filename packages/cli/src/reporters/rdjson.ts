import type { Severity } from "@shipshape/text";
import { ruleDocUrl, sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

const SEVERITY: Record<Severity, string> = { error: "ERROR", warning: "WARNING", info: "INFO", style: "INFO" };

/** reviewdog's Diagnostic Format (rdjson), which dclint also writes: findings with ranges and fix suggestions. */
export const rdjson: Reporter = (diagnostics) => {
  const report = {
    source: { name: "shipshape", url: "https://github.com/shipshape-dev/shipshape" },
    diagnostics: sortDiagnostics(diagnostics).map((d) => {
      const out: Record<string, unknown> = {
        message: d.message,
        location: { path: d.file, range: range(d) },
        severity: SEVERITY[d.severity],
        code: { value: d.code, url: ruleDocUrl(d.code) },
      };
      if (d.fix?.safe) out.suggestions = d.fix.edits.map((e) => ({ range: range(e), text: e.text }));
      return out;
    }),
  };
  return JSON.stringify(report, null, 2) + "\n";
};

function range(r: { line: number; column: number; endLine: number; endColumn: number }) {
  return { start: { line: r.line, column: r.column }, end: { line: r.endLine, column: r.endColumn } };
}
