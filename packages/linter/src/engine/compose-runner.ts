/**
 * Runs compose rules over one project: for each of its files, the file hooks on that file's own model;
 * on the first file, the `Project` hook with the merged project. A rule that throws is reported as
 * `internal-error` on the file and dropped for the rest of it.
 */
import type { ComposeFile, ComposeProject, Service } from "@shipshape/compose";
import type { Diagnostic } from "@shipshape/text";
import type { ComposeRule, ComposeRuleContext, ComposeVisitor, ServiceDockerfile, SourceFile } from "../rule.js";
import { editBuilder, errorText, fixBuilder, internalError, makeDiagnostic, rangeOf } from "./builders.js";
import type { ActiveRule } from "./dockerfile-runner.js";

export interface ComposeRunInput {
  files: readonly SourceFile[];
  models: ReadonlyMap<string, ComposeFile>;
  project: ComposeProject;
  rules: readonly ActiveRule<ComposeRule>[];
  readFile(path: string): string | undefined;
  /** Whether the reader was asked for `path` and found nothing. */
  isMissing(path: string): boolean;
  dockerfileOf(service: Service): ServiceDockerfile | undefined;
}

export function runComposeRules(input: ComposeRunInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  input.files.forEach((file, index) => {
    const model = input.models.get(file.path);
    if (!model) return;
    for (const active of input.rules) runRule(active, file, model, index === 0, input, diagnostics);
  });
  return diagnostics;
}

function runRule(
  active: ActiveRule<ComposeRule>,
  file: SourceFile,
  model: ComposeFile,
  first: boolean,
  input: ComposeRunInput,
  diagnostics: Diagnostic[],
): void {
  const rule = active.rule;
  const ctx: ComposeRuleContext<Record<string, unknown>> = {
    rule,
    file,
    options: active.options,
    model,
    project: input.project,
    models: input.models,
    dockerfileOf: input.dockerfileOf,
    readFile: input.readFile,
    isMissing: input.isMissing,
    report: (target, message, extra) => {
      diagnostics.push(makeDiagnostic(rule, active.severity, target, message, extra, file.path));
    },
    fix: fixBuilder(rule),
    edit: editBuilder,
    text: (target) => {
      const r = rangeOf(target);
      return file.text.slice(r.start, r.end);
    },
  };
  let at = { start: 0, end: 0 };
  try {
    const v: ComposeVisitor = rule.create(ctx);
    v.File?.(model);
    for (const s of Object.values(model.services)) {
      at = s.range;
      v.Service?.(s);
    }
    for (const [hook, section] of [
      ["Network", model.networks], ["Volume", model.volumes], ["Secret", model.secrets], ["Config", model.configs],
    ] as const) {
      const fn = v[hook];
      if (!fn) continue;
      for (const entry of Object.values(section)) {
        at = entry.range;
        fn(entry);
      }
    }
    at = { start: 0, end: 0 };
    v["File:exit"]?.(model);
    if (first) v.Project?.(input.project);
  } catch (e) {
    diagnostics.push(internalError(`Rule ${rule.code} (${rule.name}) failed: ${errorText(e)}`, at));
  }
}
