import { visibleControls } from "@shipshape/text";
import { SourceLines, sortDiagnostics } from "./common.js";
import { displayColumn } from "./display-width.js";
import type { Reporter } from "./types.js";

/**
 * GNU's error format, which editors' compilation modes parse:
 * `file:line.col-endcol: severity: message [CODE]`, or `file:line.col-endline.endcol:` across lines.
 * The end column here is inclusive, as the GNU convention reads. Columns are display columns, as that
 * convention counts them: tab stops every 8, a wide character (CJK, emoji) two (when the source is known;
 * else UTF-16 units).
 */
export const gnu: Reporter = (diagnostics, _rules, options) => {
  const lines = new SourceLines(options.sources);
  return sortDiagnostics(diagnostics)
    .map((d) => `${visibleControls(d.file)}:${location(displayed(d, lines))}: ${d.severity}: ${visibleControls(oneLine(d.message))} [${d.code}]\n`)
    .join("");
};

type Place = { line: number; column: number; endLine: number; endColumn: number };

/** A place in display columns (the end stays exclusive here). */
function displayed(d: Place & { file: string }, lines: SourceLines): Place {
  const first = lines.line(d.file, d.line);
  const last = d.endLine === d.line ? first : lines.line(d.file, d.endLine);
  return {
    line: d.line,
    column: first === undefined ? d.column : displayColumn(first, d.column),
    endLine: d.endLine,
    endColumn: last === undefined ? d.endColumn : displayColumn(last, d.endColumn),
  };
}

function location(d: Place): string {
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
