import { visibleControls } from "@shipshape/text";
import { sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

/**
 * GNU's error format, which editors' compilation modes parse:
 * `file:line.col-endcol: severity: message [CODE]`, or `file:line.col-endline.endcol:` across lines.
 * The end column here is inclusive, as the GNU convention reads.
 */
export const gnu: Reporter = (diagnostics) =>
  sortDiagnostics(diagnostics)
    .map((d) => `${visibleControls(d.file)}:${location(d)}: ${d.severity}: ${visibleControls(oneLine(d.message))} [${d.code}]\n`)
    .join("");

function location(d: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lastLine = d.endColumn === 1 && d.endLine > d.line ? d.endLine - 1 : d.endLine;
  if (lastLine === d.line) {
    const lastColumn = d.endLine === d.line ? d.endColumn - 1 : undefined;
    return lastColumn === undefined || lastColumn <= d.column ? `${d.line}.${d.column}` : `${d.line}.${d.column}-${lastColumn}`;
  }
  return `${d.line}.${d.column}-${d.endLine}.${Math.max(1, d.endColumn - 1)}`;
}

/** One finding per line: a line break inside a message would read as a new finding. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ");
}
