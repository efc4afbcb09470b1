import { styleText } from "node:util";
import type { ReportedDiagnostic, Severity } from "@shipshape/text";
import { SourceLines, sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

type Style = Extract<Parameters<typeof styleText>[0], string>;

const SEVERITY_STYLE: Record<Severity, Style[]> = {
  error: ["bold", "red"],
  warning: ["bold", "yellow"],
  info: ["green"],
  style: ["cyan"],
};

/**
 * The human format: a `file:line:col` header per finding, the source line with carets under the exact
 * range, the fix title when there is one, and a summary line.
 */
export const stylish: Reporter = (diagnostics, _rules, options) => {
  const paint = (styles: Style[], text: string): string =>
    // We decide about colour ourselves (TTY, NO_COLOR, --color), so the stream check is off.
    options.color ? styleText(styles, text, { validateStream: false }) : text;
  const lines = new SourceLines(options.sources);
  const out: string[] = [];

  for (const d of sortDiagnostics(diagnostics)) {
    const sev = paint(SEVERITY_STYLE[d.severity], `${d.severity}[${d.code}]`);
    const rule = d.rule && d.rule !== d.code ? paint(["dim"], ` (${d.rule})`) : "";
    out.push(`${paint(["bold"], `${d.file}:${d.line}:${d.column}`)}: ${sev} ${d.message.replace(/\r?\n/g, "\n  ")}${rule}`);
    const text = lines.line(d.file, d.line);
    const gutter = " ".repeat(String(d.line).length);
    if (text !== undefined) {
      out.push(`${paint(["dim"], `${d.line} |`)} ${text}`);
      out.push(`${paint(["dim"], `${gutter} |`)} ${caretLine(text, d)}`.replace(/ +$/, ""));
      colourCarets(out, paint, d.severity);
    }
    if (d.fix) {
      const safety = d.fix.safe ? "" : " (unsafe)";
      out.push(`${gutter} ${paint(["dim"], "=")} fix${safety}: ${d.fix.title}`);
    }
    out.push("");
  }
  out.push(summary(diagnostics, options.files.length, paint));
  return out.join("\n") + "\n";
};

/** Spaces (tabs where the source has tabs, so the carets line up) then one caret per UTF-16 unit of the range on this line. */
export function caretLine(text: string, d: Pick<ReportedDiagnostic, "line" | "column" | "endLine" | "endColumn">): string {
  const start = Math.min(d.column - 1, text.length);
  const end = d.endLine === d.line ? Math.min(d.endColumn - 1, text.length) : text.length;
  const pad = text.slice(0, start).replace(/[^\t]/g, " ");
  return pad + "^".repeat(Math.max(1, end - start));
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
