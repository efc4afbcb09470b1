import type { ReportedDiagnostic } from "@shipshape/text";
import { sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

/** INTERFACE.md's JSON: one array, sorted by file, line, column, keys in the documented order. */
export const json: Reporter = (diagnostics) => JSON.stringify(sortDiagnostics(diagnostics).map(normalise), null, 2) + "\n";

function normalise(d: ReportedDiagnostic): ReportedDiagnostic {
  const out: ReportedDiagnostic = {
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    code: d.code,
    rule: d.rule,
    aliases: d.aliases ?? [],
    severity: d.severity,
    message: d.message,
  };
  if (d.category) out.category = d.category;
  if (d.fix) out.fix = d.fix;
  return out;
}
