import { filesInOrder, groupByFile } from "./common.js";
import type { Reporter } from "./types.js";
import { XML_DECLARATION, xmlAttr, xmlText } from "./xml.js";

/**
 * JUnit XML: one testsuite per file, one failing testcase per finding, one passing testcase for a clean
 * file (so CI dashboards count it). No timestamps, so the output is reproducible.
 */
export const junit: Reporter = (diagnostics, _rules, options) => {
  const byFile = groupByFile(diagnostics);
  const files = filesInOrder(diagnostics, options.files);
  const total = files.reduce((n, f) => n + Math.max(1, byFile.get(f)?.length ?? 0), 0);
  const out = [XML_DECLARATION, `<testsuites name="shipshape" tests="${total}" failures="${diagnostics.length}" errors="0">`];
  for (const file of files) {
    const list = byFile.get(file) ?? [];
    const tests = Math.max(1, list.length);
    out.push(`  <testsuite name="${xmlAttr(file)}" tests="${tests}" failures="${list.length}" errors="0" skipped="0">`);
    if (list.length === 0) out.push(`    <testcase name="shipshape" classname="${xmlAttr(file)}"/>`);
    for (const d of list) {
      out.push(`    <testcase name="${xmlAttr(`${d.code} ${d.line}:${d.column}`)}" classname="${xmlAttr(file)}">`);
      out.push(
        `      <failure message="${xmlAttr(d.message)}" type="${d.severity}">${xmlText(`${file}:${d.line}:${d.column}: ${d.severity}[${d.code}] ${d.message}`)}</failure>`,
      );
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
};
