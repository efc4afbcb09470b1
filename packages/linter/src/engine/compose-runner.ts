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
  /**
   * The compose files the project reached through include and extends, with their models: their file and
   * entry hooks run after the project's own files'. Rules see only the project's own files in `models`.
   */
  reached?: readonly { file: SourceFile; model: ComposeFile }[];
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
    if (model) runFile(file, model, index === 0, input, diagnostics);
  });
  for (const { file, model } of input.reached ?? []) runFile(file, model, false, input, diagnostics);
  return diagnostics;
}

/** A rule at work on one file: its visitor, what it reported, and whether it failed (then it is dropped). */
interface Running {
  rule: ComposeRule;
  visitor?: ComposeVisitor;
  diagnostics: Diagnostic[];
  failed: boolean;
}

const NOWHERE = { start: 0, end: 0 };

/**
 * One pass over the file for all rules: each service and resource is visited once and handed to the rules
 * with that hook, so a rule without entry hooks costs nothing per entry. Diagnostics are given out rule by
 * rule, in rule order, as if each rule had run alone.
 */
function runFile(file: SourceFile, model: ComposeFile, first: boolean, input: ComposeRunInput, out: Diagnostic[]): void {
  const running: Running[] = input.rules.map((active) => {
    const r: Running = { rule: active.rule, diagnostics: [], failed: false };
    guard(r, NOWHERE, () => {
      r.visitor = active.rule.create(contextFor(active, file, model, input, r.diagnostics));
    });
    return r;
  });
  const withHook = (hook: keyof ComposeVisitor) => running.filter((r) => !r.failed && r.visitor?.[hook]);

  for (const r of withHook("File")) guard(r, NOWHERE, () => r.visitor!.File!(model));
  const entryHooks = [
    ["Service", model.services], ["Network", model.networks], ["Volume", model.volumes], ["Secret", model.secrets], ["Config", model.configs],
  ] as const;
  for (const [hook, section] of entryHooks) {
    const rules = withHook(hook);
    if (rules.length === 0) continue;
    for (const entry of Object.values(section)) {
      for (const r of rules) if (!r.failed) guard(r, entry.range, () => (r.visitor![hook] as (e: typeof entry) => void)(entry));
    }
  }
  for (const r of withHook("File:exit")) guard(r, NOWHERE, () => r.visitor!["File:exit"]!(model));
  if (first) for (const r of withHook("Project")) guard(r, NOWHERE, () => r.visitor!.Project!(input.project));
  // Each finding names its file: the project's findings are grouped by file afterwards, and one without a
  // file would land on the project's first file (an override's findings on the base file's lines).
  for (const r of running) {
    for (const d of r.diagnostics) {
      d.file ??= file.path;
      out.push(d);
    }
  }
}

/** Runs one hook of a rule; a throw becomes an `internal-error` at `at` and drops the rule for this file. */
function guard(r: Running, at: { start: number; end: number }, hook: () => void): void {
  try {
    hook();
  } catch (e) {
    r.failed = true;
    r.diagnostics.push(internalError(`Rule ${r.rule.code} (${r.rule.name}) failed: ${errorText(e)}`, at));
  }
}

function contextFor(
  active: ActiveRule<ComposeRule>,
  file: SourceFile,
  model: ComposeFile,
  input: ComposeRunInput,
  diagnostics: Diagnostic[],
): ComposeRuleContext<Record<string, unknown>> {
  const rule = active.rule;
  return {
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
}
