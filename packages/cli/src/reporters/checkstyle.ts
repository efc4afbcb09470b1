import type { Severity } from "@shipshape/text";
import { filesInOrder, groupByFile } from "./common.js";
import type { Reporter } from "./types.js";
import { XML_DECLARATION, xmlAttr } from "./xml.js";

/** Checkstyle knows error, warning, info and ignore. */
const SEVERITY: Record<Severity, string> = { error: "error", warning: "warning", info: "info", style: "info" };

/** Checkstyle XML (version 4.3, as hadolint writes it); every linted file gets a `<file>`, clean ones empty. */
export const checkstyle: Reporter = (diagnostics, _rules, options) => {
  const byFile = groupByFile(diagnostics);
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const file of filesInOrder(diagnostics, options.files)) {
    const list = byFile.get(file) ?? [];
    if (list.length === 0) {
      out.push(`  <file name="${xmlAttr(file)}"/>`);
      continue;
    }
    out.push(`  <file name="${xmlAttr(file)}">`);
    for (const d of list) {
      out.push(
        `    <error line="${d.line}" column="${d.column}" severity="${SEVERITY[d.severity]}" message="${xmlAttr(d.message)}" source="${xmlAttr(d.code)}"/>`,
      );
    }
    out.push("  </file>");
  }
  out.push("</checkstyle>");
  return out.join("\n") + "\n";
};
