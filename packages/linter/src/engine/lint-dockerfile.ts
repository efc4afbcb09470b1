/** One Dockerfile, start to end: parse, walk the rules once, add parse errors, apply pragmas. */
import { parseDockerfile } from "@shipshape/dockerfile";
import type { Dockerfile } from "@shipshape/dockerfile";
import type { Diagnostic } from "@shipshape/text";
import type { LinterConfig } from "../config/types.js";
import type { Selection } from "../config/select.js";
import type { RuleSet } from "../registry.js";
import type { DockerfileRule, SourceFile } from "../rule.js";
import { collectDockerfilePragmas } from "../suppressions/dockerfile-pragmas.js";
import { runDockerfileRules, type ActiveRule } from "./dockerfile-runner.js";
import { finishSuppressions } from "./unused.js";

export interface DockerfileLintResult {
  ast: Dockerfile;
  diagnostics: Diagnostic[];
}

export function lintDockerfileText(
  file: SourceFile,
  rules: RuleSet,
  selection: Selection,
  config: LinterConfig,
  extra: { parsed?: { ast: Dockerfile; errors: Diagnostic[] }; findings?: Diagnostic[] } = {},
): DockerfileLintResult {
  const { ast, errors } = extra.parsed ?? parseDockerfile(file.text);
  const pragmas = collectDockerfilePragmas(ast, file.text, file.lines);
  const active = selection.active.filter((a): a is ActiveRule<DockerfileRule> => a.rule.kind === "dockerfile");

  const found = runDockerfileRules({ file, ast, rules: active, shellHints: pragmas.shellHints });
  for (const e of errors) {
    const rule = rules.byExactCode(e.code);
    if (rule && !selection.enabledCodes.has(rule.code)) continue;
    found.push({ ...e, rule: e.rule ?? rule?.name ?? e.code, aliases: [...(rule?.aliases ?? [])], category: "syntax", severity: "error" });
  }
  found.push(...(extra.findings ?? []));

  // `# check=error=true` makes every BuildKit check an error, as the build would fail on it.
  if (pragmas.checkError) {
    for (const d of found) if (rules.isBuildkitCheck(d.code)) d.severity = "error";
  }
  const diagnostics = finishSuppressions(found, pragmas.suppressions, rules, selection, config);
  return { ast, diagnostics };
}
