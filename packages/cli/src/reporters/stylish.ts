import { styleText } from "node:util";
import { isLowSurrogate, visibleControls, type ReportedDiagnostic, type Severity } from "@shipshape/text";
import { SourceLines, sortDiagnostics } from "./common.js";
import { blankLike, textWidth } from "./display-width.js";
import type { Report, Reporter } from "./types.js";

type Style = Extract<Parameters<typeof styleText>[0], string>;

const SEVERITY_STYLE: Record<Severity, Style[]> = {
  error: ["bold", "red"],
  warning: ["bold", "yellow"],
  info: ["green"],
  style: ["cyan"],
};

/** Lines per piece of a long report (see `stylish`). */
const PIECE_LINES = 1000;

/**
 * The human format: a `file:line:col` header per finding, the source line with carets under the exact
 * range, the fix title when there is one, and a summary line. A long report comes in pieces of about a
 * thousand lines, each finding whole in one, rather than as one string of megabytes (see the json
 * reporter); a short one is one string.
 */
export const stylish: Reporter<Report> = (diagnostics, _rules, options) => {
  const paint = (styles: Style[], text: string): string =>
    // We decide about colour ourselves (TTY, NO_COLOR, --color), so the stream check is off.
    options.color ? styleText(styles, text, { validateStream: false }) : text;
  const lines = new SourceLines(options.sources);
  const pieces: string[] = [];
  let out: string[] = [];

  for (const d of sortDiagnostics(diagnostics)) {
    const sev = paint(SEVERITY_STYLE[d.severity], `${d.severity}[${d.code}]`);
    const rule = d.rule && d.rule !== d.code ? paint(["dim"], ` (${d.rule})`) : "";
    const message = visibleControls(d.message.replace(/\r?\n/g, "\n  "));
    out.push(`${paint(["bold"], `${visibleControls(d.file)}:${d.line}:${d.column}`)}: ${sev} ${message}${rule}`);
    const text = lines.line(d.file, d.line);
    const gutter = " ".repeat(String(d.line).length);
    if (text !== undefined) {
      const frame = codeFrame(text, d);
      out.push(`${paint(["dim"], `${d.line} |`)} ${frame.source}`);
      out.push(`${paint(["dim"], `${gutter} |`)} ${frame.carets}`.replace(/ +$/, ""));
      colourCarets(out, paint, d.severity);
    }
    if (d.fix) {
      const safety = d.fix.safe ? "" : " (unsafe)";
      out.push(`${gutter} ${paint(["dim"], "=")} fix${safety}: ${d.fix.title}`);
    }
    out.push("");
    if (out.length >= PIECE_LINES) {
      pieces.push(`${out.join("\n")}\n`);
      out = [];
    }
  }
  out.push(summary(diagnostics, options.files.length, paint));
  pieces.push(`${out.join("\n")}\n`);
  return pieces.length === 1 ? pieces[0]! : pieces;
};

type Place = Pick<ReportedDiagnostic, "line" | "column" | "endLine" | "endColumn">;

/** Spaces (tabs where the source has tabs, so the carets line up) then a caret per column the range takes on this line. */
export function caretLine(text: string, d: Place): string {
  return codeFrame(text, d).carets;
}

/** The most of a source line a frame shows, in UTF-16 units; a longer line is shown as a window onto the finding. */
export const FRAME_WIDTH = 160;
/** How much of the line before the finding a window keeps. */
const FRAME_LEAD = 40;

/**
 * A finding's source line and the carets under its range. A line longer than FRAME_WIDTH (a base64 blob
 * in a RUN, a minified JSON value) is cut to a window that starts a little before the finding, with `…`
 * where text was left out; the carets stop at the window's end. Control characters are shown as their
 * visible pictures (`visibleControls`), one column each, so the carets stay in line.
 */
export function codeFrame(text: string, d: Place): { source: string; carets: string } {
  const start = Math.min(d.column - 1, text.length);
  const end = d.endLine === d.line ? Math.min(d.endColumn - 1, text.length) : text.length;
  let from = 0;
  let to = text.length;
  if (text.length > FRAME_WIDTH) {
    from = Math.max(0, Math.min(start - FRAME_LEAD, text.length - FRAME_WIDTH));
    to = from + FRAME_WIDTH;
    // Never half a surrogate pair at either edge.
    if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
    if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  }
  const before = from > 0 ? "…" : "";
  const source = before + visibleControls(text.slice(from, to)) + (to < text.length ? "…" : "");
  // Under each character as many spaces as it is wide (a CJK character or an emoji takes two), tabs as tabs.
  const pad = (before ? " " : "") + blankLike(text.slice(from, start));
  return { source, carets: pad + "^".repeat(Math.max(1, textWidth(text.slice(start, Math.min(end, to))))) };
}

function colourCarets(out: string[], paint: (s: Style[], t: string) => string, severity: Severity): void {
  const last = out.length - 1;
  out[last] = out[last]!.replace(/\^+$/, (carets) => paint(SEVERITY_STYLE[severity], carets));
}

function summary(diagnostics: readonly ReportedDiagnostic[], fileCount: number, paint: (s: Style[], t: string) => string): string {
  const files = `${fileCount} ${fileCount === 1 ? "file" : "files"}`;
  if (diagnostics.length === 0) return paint(["green"], `No problems found in ${files}.`);
  const count: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  let fixable = 0;
  for (const d of diagnostics) {
    count[d.severity]++;
    if (d.fix?.safe) fixable++;
  }
  const parts = [
    plural(count.error, "error"),
    plural(count.warning, "warning"),
    `${count.info} info`,
    `${count.style} style`,
  ];
  const problems = plural(diagnostics.length, "problem");
  const worst: Severity = count.error ? "error" : count.warning ? "warning" : count.info ? "info" : "style";
  let line = paint(SEVERITY_STYLE[worst], `${problems} (${parts.join(", ")}) in ${files}.`);
  if (fixable) line += `\n${plural(fixable, "problem")} can be fixed with --fix.`;
  return line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
