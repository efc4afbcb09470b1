/** One Dockerfile, start to end: parse, walk the rules once, add parse errors, apply pragmas. */
import { PARSE_ERRORS, parseDockerfile } from "@shipshape/dockerfile";
import type { Dockerfile } from "@shipshape/dockerfile";
import type { SemanticModel } from "@shipshape/semantic";
import type { Diagnostic } from "@shipshape/text";
import type { LinterConfig } from "../config/types.js";
import type { Selection } from "../config/select.js";
import type { RuleSet } from "../registry.js";
import type { DockerfileRule, SourceFile } from "../rule.js";
import { collectDockerfilePragmas, type DockerfilePragmas } from "../suppressions/dockerfile-pragmas.js";
import { runDockerfileRules, type ActiveRule } from "./dockerfile-runner.js";
import type { InstructionMemo } from "./instruction-memo.js";
import { finishSuppressions } from "./unused.js";
import { runShellcheck, shellcheckSelected, type ShellcheckRunner } from "./shellcheck.js";
import { indexStages, shellOf } from "./stages.js";
import { analyzeDockerfile } from "@shipshape/semantic";

export interface DockerfileLintResult {
  ast: Dockerfile;
  diagnostics: Diagnostic[];
}

export function lintDockerfileText(
  file: SourceFile,
  rules: RuleSet,
  selection: Selection,
  config: LinterConfig,
  extra: {
    parsed?: { ast: Dockerfile; errors: Diagnostic[] };
    semantic?: SemanticModel;
    /** Findings made outside the walk (ShellCheck), to be filtered by pragmas with the rest. */
    findings?: Diagnostic[];
    shellcheckRan?: boolean;
    /** The pragmas of `parsed`, when the caller already collected them. */
    pragmas?: DockerfilePragmas;
    /** Findings kept from this file's last lint (an editor's session). */
    memo?: InstructionMemo;
  } = {},
): DockerfileLintResult {
  const { ast, errors } = extra.parsed ?? parseDockerfile(file.text);
  const pragmas = extra.pragmas ?? collectDockerfilePragmas(ast, file.text, file.lines);
  const active = dockerfileRulesOf(selection);

  // A binary file (DF011) gets that finding alone: no rule looks at the empty file that stands for its parse
  // (the built-in rules find nothing in one, but a rule may report what a file lacks).
  const binary = errors.some((e) => e.code === PARSE_ERRORS.binary.code);
  const found = binary ? [] : runDockerfileRules({ file, ast, rules: active, shellHints: pragmas.shellHints, semantic: extra.semantic, memo: extra.memo });
  for (const e of errors) {
    const rule = rules.byExactCode(e.code);
    if (rule && !selection.enabledCodes.has(rule.code)) continue;
    const severity = selection.active.find((a) => a.rule === rule)?.severity ?? "error";
    found.push({ ...e, rule: rule?.name ?? e.rule ?? e.code, aliases: [...(rule?.aliases ?? [])], category: "syntax", severity });
  }
  found.push(...(extra.findings ?? []));

  // `# check=error=true` makes every BuildKit check an error, as the build would fail on it.
  if (pragmas.checkError) {
    for (const d of found) if (rules.isBuildkitCheck(d.code)) d.severity = "error";
  }
  const diagnostics = finishSuppressions(found, pragmas.suppressions, rules, selection, config, extra.shellcheckRan ?? false);
  return { ast, diagnostics };
}

const dockerfileRules = new WeakMap<Selection, readonly ActiveRule<DockerfileRule>[]>();

/** The Dockerfile rules of a selection, listed once per selection (a session keeps its selections). */
function dockerfileRulesOf(selection: Selection): readonly ActiveRule<DockerfileRule>[] {
  let list = dockerfileRules.get(selection);
  if (!list) {
    list = selection.active.filter((a): a is ActiveRule<DockerfileRule> => a.rule.kind === "dockerfile");
    dockerfileRules.set(selection, list);
  }
  return list;
}

/**
 * The async path: ShellCheck (when a runner is given and selected) runs before the walk, so its
 * findings go through the same pragmas and selection as rule findings.
 */
export async function lintDockerfileWithShellcheck(
  file: SourceFile,
  rules: RuleSet,
  selection: Selection,
  config: LinterConfig,
  runner: ShellcheckRunner | undefined,
  parsedAlready?: { ast: Dockerfile; errors: Diagnostic[] },
  semanticAlready?: SemanticModel,
  memo?: InstructionMemo,
): Promise<DockerfileLintResult> {
  if (!runner || !shellcheckSelected(selection)) {
    return lintDockerfileText(file, rules, selection, config, { parsed: parsedAlready, semantic: semanticAlready, memo });
  }
  const parsed = parsedAlready ?? parseDockerfile(file.text);
  const semantic = semanticAlready ?? analyzeDockerfile(parsed.ast);
  const pragmas = collectDockerfilePragmas(parsed.ast, file.text, file.lines);
  const index = indexStages(parsed.ast);
  const findings = await runShellcheck(parsed.ast, semantic, (i) => shellOf(i, index, pragmas.shellHints), runner, selection);
  return lintDockerfileText(file, rules, selection, config, { parsed, semantic, findings, shellcheckRan: true, pragmas, memo });
}
