/**
 * Runs Dockerfile rules: every rule's visitor is merged into one dispatch table and the file is walked
 * once. A rule that throws is reported as `internal-error` and dropped for the rest of the file; the
 * other rules go on.
 */
import type { Comment, Directive, Dockerfile, Instruction } from "@shipshape/dockerfile";
import { analyzeDockerfile, type SemanticModel } from "@shipshape/semantic";
import { parseInstructionShell } from "@shipshape/shell";
import type { Diagnostic, Range, Severity } from "@shipshape/text";
import type {
  DockerfileHook,
  DockerfileRule,
  DockerfileRuleContext,
  DockerfileVisitor,
  SourceFile,
  StageSpan,
} from "../rule.js";
import { editBuilder, errorText, fixBuilder, internalError, makeDiagnostic, rangeOf } from "./builders.js";
import { indexStages, shellOf } from "./stages.js";

export interface ActiveRule<R> {
  rule: R;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface DockerfileRunInput {
  file: SourceFile;
  ast: Dockerfile;
  rules: readonly ActiveRule<DockerfileRule>[];
  shellHints: { global?: string; byStage: Map<number, string> };
  /** A model already built for this AST (e.g. for ShellCheck); else built on first use. */
  semantic?: SemanticModel;
}

type Handler = { slot: RuleSlot; fn: (node: never) => void };

interface RuleSlot {
  active: ActiveRule<DockerfileRule>;
  failed: boolean;
}

export function runDockerfileRules(input: DockerfileRunInput): Diagnostic[] {
  const { file, ast } = input;
  const diagnostics: Diagnostic[] = [];
  const index = indexStages(ast);
  let currentStage: StageSpan | undefined;
  let semantic: SemanticModel | undefined = input.semantic;
  const getSemantic = () => (semantic ??= analyzeDockerfile(ast));

  const table = new Map<DockerfileHook, Handler[]>();
  const triggerTable = new Map<DockerfileHook, Handler[]>();

  const fail = (slot: RuleSlot, e: unknown, range: Range) => {
    slot.failed = true;
    const { code, name } = slot.active.rule;
    diagnostics.push(internalError(`Rule ${code} (${name}) failed: ${errorText(e)}`, range));
  };

  for (const active of input.rules) {
    const slot: RuleSlot = { active, failed: false };
    const rule = active.rule;
    const ctx: DockerfileRuleContext<Record<string, unknown>> = {
      rule,
      file,
      options: active.options,
      ast,
      get semantic() {
        return getSemantic();
      },
      shell: (node) => parseInstructionShell(node),
      stages: index.stages,
      get stage() {
        return currentStage;
      },
      stageOf: (node) => index.stageOf(node),
      shellOf: (node) => shellOf(node, index, input.shellHints),
      report: (target, message, extra) => {
        diagnostics.push(makeDiagnostic(rule, active.severity, target, message, extra));
      },
      fix: fixBuilder(rule),
      edit: editBuilder,
      text: (target) => {
        const r = rangeOf(target);
        return file.text.slice(r.start, r.end);
      },
    };
    let visitor: DockerfileVisitor;
    try {
      visitor = rule.create(ctx);
    } catch (e) {
      fail(slot, e, { start: 0, end: 0 });
      continue;
    }
    for (const [hook, fn] of Object.entries(visitor ?? {}) as [DockerfileHook, (node: never) => void][]) {
      if (typeof fn !== "function") continue;
      add(table, hook, { slot, fn });
      if (rule.onbuild) add(triggerTable, hook, { slot, fn });
    }
  }

  const dispatch = (t: Map<DockerfileHook, Handler[]>, hook: DockerfileHook, node: unknown, range: Range) => {
    const handlers = t.get(hook);
    if (!handlers) return;
    for (const h of handlers) {
      if (h.slot.failed) continue;
      try {
        (h.fn as (n: unknown) => void)(node);
      } catch (e) {
        fail(h.slot, e, range);
      }
    }
  };

  const visitInstruction = (t: Map<DockerfileHook, Handler[]>, instr: Instruction) => {
    dispatch(t, "Instruction", instr, instr.range);
    dispatch(t, instr.kind, instr, instr.range);
  };

  const closeStage = () => {
    if (currentStage) dispatch(table, "Stage:exit", currentStage, currentStage.from.range);
  };

  dispatch(table, "File", ast, ast.range);
  for (const item of sourceOrder(ast)) {
    if (item.kind === "Comment") {
      dispatch(table, "Comment", item, item.range);
      continue;
    }
    if (item.kind === "Directive") {
      dispatch(table, "Directive", item, item.range);
      continue;
    }
    if (item.kind === "From") {
      closeStage();
      currentStage = index.stageOf(item);
      if (currentStage) dispatch(table, "Stage", currentStage, item.range);
    }
    visitInstruction(table, item);
    if (item.kind === "Onbuild" && item.trigger && triggerTable.size > 0) visitInstruction(triggerTable, item.trigger);
  }
  closeStage();
  currentStage = undefined;
  dispatch(table, "File:exit", ast, ast.range);
  return diagnostics;
}

function add(table: Map<DockerfileHook, Handler[]>, hook: DockerfileHook, h: Handler): void {
  const list = table.get(hook);
  if (list) list.push(h);
  else table.set(hook, [h]);
}

/** Directives, comments and instructions merged by position. */
function sourceOrder(ast: Dockerfile): (Instruction | Comment | Directive)[] {
  const items: (Instruction | Comment | Directive)[] = [...ast.directives];
  const directiveStarts = new Set(ast.directives.map((d) => d.range.start));
  for (const c of ast.comments) if (!directiveStarts.has(c.range.start)) items.push(c);
  items.push(...ast.instructions);
  return items.sort((a, b) => a.range.start - b.range.start);
}
