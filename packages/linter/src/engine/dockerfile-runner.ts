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

  // What every rule's context shares is made once per file; each rule's context adds its own few fields
  // on top (one prototype, one shape: 126 contexts per file stay cheap).
  const shared = {
    file,
    ast,
    get semantic() {
      return getSemantic();
    },
    shell: (node: Instruction) => parseInstructionShell(node),
    stages: index.stages,
    get stage() {
      return currentStage;
    },
    stageOf: (node: Instruction) => index.stageOf(node),
    shellOf: (node: Instruction) => shellOf(node, index, input.shellHints),
    edit: editBuilder,
    text: (target: Range | { range: Range }) => {
      const r = rangeOf(target);
      return file.text.slice(r.start, r.end);
    },
  };

  for (const active of input.rules) {
    const slot: RuleSlot = { active, failed: false };
    const rule = active.rule;
    const own: Pick<DockerfileRuleContext<Record<string, unknown>>, "rule" | "options" | "report" | "fix"> = {
      rule,
      options: active.options,
      report: (target, message, extra) => {
        diagnostics.push(makeDiagnostic(rule, active.severity, target, message, extra));
      },
      fix: fixBuilder(rule),
    };
    const ctx = Object.assign(Object.create(shared) as object, own) as DockerfileRuleContext<Record<string, unknown>>;
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
