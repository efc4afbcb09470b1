/**
 * Runs Dockerfile rules: every rule's visitor is merged into one dispatch table and the file is walked
 * once. A rule that throws is reported as `internal-error` and dropped for the rest of the file; the
 * other rules go on.
 *
 * A lint makes one context and one visitor per rule and file, so their cost is paid once per file per
 * rule: contexts are instances of one class (their methods live on its prototype), and a rule whose
 * hooks cannot fire in this file (say, `Label` only, in a file without LABEL) is not created at all.
 * A rule's hooks are learnt from its first visitor; `create` returns the same hooks for every file
 * (a test holds every rule to that).
 */
import type { Comment, Directive, Dockerfile, Instruction } from "@shipshape/dockerfile";
import { analyzeDockerfile, type SemanticModel } from "@shipshape/semantic";
import { parseInstructionShell, type ParsedEmbeddedScript } from "@shipshape/shell";
import type { Diagnostic, Range, Severity } from "@shipshape/text";
import type {
  DockerfileHook,
  DockerfileRule,
  DockerfileRuleContext,
  DockerfileVisitor,
  EditBuilder,
  FixBuilder,
  ReportExtra,
  SourceFile,
  StageSpan,
  Target,
} from "../rule.js";
import { editBuilder, errorText, fixBuilder, internalError, makeDiagnostic, rangeOf } from "./builders.js";
import { indexStages, shellOf, type StageIndex } from "./stages.js";

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

type HookFn = (node: never) => void;

/** One rule's part of a run: its context, and whether it failed (then it is skipped). */
interface RuleSlot {
  ctx: RuleContext;
  failed: boolean;
}

/** What every rule of one file shares. */
class FileRun {
  readonly diagnostics: Diagnostic[] = [];
  currentStage: StageSpan | undefined;
  private model: SemanticModel | undefined;
  private readonly shells = new Map<Instruction, readonly string[]>();

  constructor(
    readonly input: DockerfileRunInput,
    readonly index: StageIndex,
  ) {
    this.model = input.semantic;
  }

  get semantic(): SemanticModel {
    return (this.model ??= analyzeDockerfile(this.input.ast));
  }

  /** The shell in force for an instruction, looked up once per instruction (many rules ask). */
  shellOf(node: Instruction): readonly string[] {
    let shell = this.shells.get(node);
    if (!shell) this.shells.set(node, (shell = shellOf(node, this.index, this.input.shellHints)));
    return shell;
  }
}

/** A rule's context: the file's shared state plus the rule's identity, severity and options. */
class RuleContext implements DockerfileRuleContext<Record<string, unknown>> {
  constructor(
    private readonly run: FileRun,
    private readonly active: ActiveRule<DockerfileRule>,
  ) {}

  get rule(): DockerfileRule {
    return this.active.rule;
  }
  get options(): Record<string, unknown> {
    return this.active.options;
  }
  get fix(): FixBuilder {
    return fixBuilder(this.active.rule);
  }
  get edit(): EditBuilder {
    return editBuilder;
  }
  get file(): SourceFile {
    return this.run.input.file;
  }
  get ast(): Dockerfile {
    return this.run.input.ast;
  }
  get semantic(): SemanticModel {
    return this.run.semantic;
  }
  get stages(): readonly StageSpan[] {
    return this.run.index.stages;
  }
  get stage(): StageSpan | undefined {
    return this.run.currentStage;
  }
  report(target: Target, message: string, extra?: ReportExtra): void {
    this.run.diagnostics.push(makeDiagnostic(this.active.rule, this.active.severity, target, message, extra));
  }
  text(target: Target): string {
    const r = rangeOf(target);
    return this.run.input.file.text.slice(r.start, r.end);
  }
  shell(node: Instruction): readonly ParsedEmbeddedScript[] {
    return parseInstructionShell(node);
  }
  stageOf(node: Instruction): StageSpan | undefined {
    return this.run.index.stageOf(node);
  }
  shellOf(node: Instruction): readonly string[] {
    return this.run.shellOf(node);
  }
}

/** Hooks that fire in every file, whatever it contains. */
const ALWAYS = new Set<string>(["File", "File:exit", "Instruction", "Stage", "Stage:exit", "Comment", "Directive"]);

/** The hooks each rule's visitor has, learnt from its first visitor. */
const hooksOf = new WeakMap<DockerfileRule, readonly string[]>();

/** Whether any hook of a rule can fire in a file with these instruction kinds. */
function canFire(hooks: readonly string[], kinds: ReadonlySet<string>): boolean {
  for (const h of hooks) if (ALWAYS.has(h) || kinds.has(h)) return true;
  return false;
}

/** Instruction kinds present in a file, ONBUILD triggers included. */
function kindsIn(ast: Dockerfile): Set<string> {
  const kinds = new Set<string>();
  for (const instr of ast.instructions) {
    kinds.add(instr.kind);
    if (instr.kind === "Onbuild" && instr.trigger) kinds.add(instr.trigger.kind);
  }
  return kinds;
}

export function runDockerfileRules(input: DockerfileRunInput): Diagnostic[] {
  const { ast } = input;
  const index = indexStages(ast);
  const run = new FileRun(input, index);
  const diagnostics = run.diagnostics;
  const kinds = kindsIn(ast);

  const table = new Map<string, { slot: RuleSlot; fn: HookFn }[]>();
  const triggerTable = new Map<string, { slot: RuleSlot; fn: HookFn }[]>();

  const fail = (slot: RuleSlot, e: unknown, range: Range) => {
    slot.failed = true;
    const { code, name } = slot.ctx.rule;
    diagnostics.push(internalError(`Rule ${code} (${name}) failed: ${errorText(e)}`, range));
  };

  for (const active of input.rules) {
    const rule = active.rule;
    const known = hooksOf.get(rule);
    if (known && !canFire(known, kinds)) continue;
    const slot: RuleSlot = { ctx: new RuleContext(run, active), failed: false };
    let visitor: DockerfileVisitor;
    try {
      visitor = rule.create(slot.ctx) ?? {};
    } catch (e) {
      fail(slot, e, { start: 0, end: 0 });
      continue;
    }
    const hooks: string[] | undefined = known ? undefined : [];
    for (const hook in visitor) {
      const fn = (visitor as Record<string, unknown>)[hook];
      if (typeof fn !== "function") continue;
      hooks?.push(hook);
      add(table, hook, { slot, fn: fn as HookFn });
      if (rule.onbuild) add(triggerTable, hook, { slot, fn: fn as HookFn });
    }
    if (hooks) hooksOf.set(rule, hooks);
  }

  const dispatch = (t: Map<string, { slot: RuleSlot; fn: HookFn }[]>, hook: DockerfileHook, node: unknown, range: Range) => {
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

  const visitInstruction = (t: Map<string, { slot: RuleSlot; fn: HookFn }[]>, instr: Instruction) => {
    dispatch(t, "Instruction", instr, instr.range);
    dispatch(t, instr.kind, instr, instr.range);
  };

  const closeStage = () => {
    if (run.currentStage) dispatch(table, "Stage:exit", run.currentStage, run.currentStage.from.range);
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
      run.currentStage = index.stageOf(item);
      if (run.currentStage) dispatch(table, "Stage", run.currentStage, item.range);
    }
    visitInstruction(table, item);
    if (item.kind === "Onbuild" && item.trigger && triggerTable.size > 0) visitInstruction(triggerTable, item.trigger);
  }
  closeStage();
  run.currentStage = undefined;
  dispatch(table, "File:exit", ast, ast.range);
  return diagnostics;
}

function add<T>(table: Map<string, T[]>, hook: string, h: T): void {
  const list = table.get(hook);
  if (list) list.push(h);
  else table.set(hook, [h]);
}

/**
 * Directives, comments and instructions merged by position. Each list is in source order already;
 * a comment that is also a directive is visited as the directive only.
 */
function sourceOrder(ast: Dockerfile): (Instruction | Comment | Directive)[] {
  const { directives, comments, instructions } = ast;
  const out: (Instruction | Comment | Directive)[] = [];
  let d = 0;
  let c = 0;
  let i = 0;
  while (d < directives.length || c < comments.length || i < instructions.length) {
    const ds = d < directives.length ? directives[d]!.range.start : Infinity;
    const cs = c < comments.length ? comments[c]!.range.start : Infinity;
    const is = i < instructions.length ? instructions[i]!.range.start : Infinity;
    if (ds <= cs && ds <= is) {
      out.push(directives[d++]!);
      if (cs === ds) c++;
    } else if (cs <= is) out.push(comments[c++]!);
    else out.push(instructions[i++]!);
  }
  return out;
}
