import type { Rule } from "../../../src/rule.js";
import { LintSession } from "../../../src/lint.js";

/**
 * Lints the compose files of `files` (by name: compose*.yaml) as one project, with every file of
 * `files` readable through the injected reader. Returns `file:line:column message` per finding.
 */
export async function lintProject(rule: Rule, files: Record<string, string>, composeFiles?: string[]): Promise<string[]> {
  const session = new LintSession({ rules: [rule], noConfigSearch: true, readFile: (p) => files[p] });
  const unit = (composeFiles ?? Object.keys(files).filter((p) => /(^|\/)compose[^/]*\.ya?ml$/.test(p))).map((path) => ({ path, text: files[path]! }));
  const out = await session.lintUnit(unit);
  return out.filter((d) => d.code === rule.code).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
}
