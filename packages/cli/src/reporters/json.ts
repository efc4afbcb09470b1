import type { ReportedDiagnostic } from "@shipshape/text";
import { sortDiagnostics } from "./common.js";
import type { Report, Reporter } from "./types.js";

/** Elements per piece of a large report (see `json`). */
const PIECE_ELEMENTS = 200;

/**
 * INTERFACE.md's JSON: one array, sorted by file, line, column, keys in the documented order: the text
 * `JSON.stringify(array, null, 2)` gives, and a newline. A large report comes in pieces, each the
 * stringified text of up to 200 elements (about 85 KB): as one string, a corpus-sized report (4.7 MB) was
 * copied whole to be flattened and again to be encoded, both into fresh memory, before a byte was written
 * (30 ms of a 2.2 s run, mostly first touches of new pages).
 */
export const json: Reporter<Report> = (diagnostics) => {
  const sorted = sortDiagnostics(diagnostics).map(normalise);
  if (sorted.length <= PIECE_ELEMENTS) return `${JSON.stringify(sorted, null, 2)}\n`;
  const pieces = ["[\n"];
  for (let i = 0; i < sorted.length; i += PIECE_ELEMENTS) {
    // "[\n  {...},\n  {...}\n]": the elements are indented as in the whole array; the brackets go.
    const part = JSON.stringify(sorted.slice(i, i + PIECE_ELEMENTS), null, 2);
    pieces.push(`${i > 0 ? ",\n" : ""}${part.slice(2, -2)}`);
  }
  pieces.push("\n]\n");
  return pieces;
};

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
