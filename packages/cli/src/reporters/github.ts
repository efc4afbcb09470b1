import { visibleControls, type Severity } from "@shipshape/text";
import { sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice", style: "notice" };

/** GitHub Actions workflow commands, which turn into annotations on the changed lines of a pull request. */
export const github: Reporter = (diagnostics) =>
  sortDiagnostics(diagnostics)
    .map((d) => {
      // GitHub takes columns only for a range on one line.
      const columns = d.line === d.endLine ? [`col=${d.column}`, `endColumn=${d.endColumn}`] : [];
      const props = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `endLine=${d.endLine}`,
        ...columns,
        `title=${escapeProperty(d.rule && d.rule !== d.code ? `${d.code} (${d.rule})` : d.code)}`,
      ];
      return `::${COMMAND[d.severity]} ${props.join(",")}::${escapeData(d.message)}\n`;
    })
    .join("");

/**
 * The runner's escaping for a command's message. Other control characters are shown as their pictures:
 * the job log would run an escape sequence a Dockerfile quoted (colours, cursor moves).
 */
export function escapeData(s: string): string {
  return visibleControls(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
}

/** The runner's escaping for a property value, which also cannot hold `:` or `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
