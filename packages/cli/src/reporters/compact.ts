import { visibleControls } from "@shipshape/text";
import { sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

/** ESLint's (and dclint's) compact format: one line per finding, then a count. */
export const compact: Reporter = (diagnostics) => {
  const sorted = sortDiagnostics(diagnostics);
  const lines = sorted.map((d) => {
    const severity = d.severity[0]!.toUpperCase() + d.severity.slice(1);
    return `${visibleControls(d.file)}: line ${d.line}, col ${d.column}, ${severity} - ${visibleControls(d.message.replace(/\s*[\r\n]+\s*/g, " "))} (${d.code})`;
  });
  if (sorted.length) lines.push("", `${sorted.length} problem${sorted.length === 1 ? "" : "s"}`);
  return lines.length ? lines.join("\n") + "\n" : "";
};
