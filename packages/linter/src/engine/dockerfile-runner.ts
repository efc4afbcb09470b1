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
import { parseInstructionShell, type EmbeddedScript, type ParsedEmbeddedScript } from "@shipshape/shell";
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
import { InstructionMemo, moved, within, type MemoEntry } from "./instruction-memo.js";
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
  /** Findings of `local` rules kept from the last lint of this file (an editor's); see instruction-memo.ts. */
  memo?: InstructionMemo;
}

type HookFn = (node: never) => void;

/** One rule's part of a run: its context, and whether it failed (then it is skipped). */
interface RuleSlot {
  ctx: RuleContext;
  failed: boolean;
}

/** A hook of one rule; `memo` is its slot in the run's memo, -1 when its calls are not kept. */
interface Handler {
  slot: RuleSlot;
  fn: HookFn;
  memo: number;
}

/** Instructions whose rules can ask for the shell in force: it is part of their memo key. */
const SHELL_KINDS: ReadonlySet<string> = new Set(["Run", "Cmd", "Entrypoint", "Healthcheck", "Onbuild"]);

/** What every rule of one file shares. */
class FileRun {
  readonly diagnostics: Diagnostic[] = [];
  currentStage: StageSpan | undefined;
  /**
   * While a call of a `local` rule is being recorded: the instruction it is about (and, for an ONBUILD
   * trigger, the ONBUILD holding it), whose range bounds what the call may read. Anything else the call
   * reads sets `nonlocal`, and the call is not kept.
   */
  recording: Instruction | undefined;
  recordingOuter: Instruction | undefined;
  nonlocal = false;
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

  /** Called by context reads that depend on more than the instruction being recorded. */
  touch(): void {
    if (this.recording) this.nonlocal = true;
  }

  /** Whether a read of `node`'s shell stays within the instruction being recorded. */
  touchShell(node: Instruction, shellInForce: boolean): void {
    const outer = this.recordingOuter ?? this.recording;
    if (!outer) return;
    const inside = node.range.start >= outer.range.start && node.range.end <= outer.range.end;
    if (!inside || (shellInForce && !SHELL_KINDS.has(outer.kind))) this.nonlocal = true;
  }

  /** Whether a read of the text at `start..end` stays within the instruction being recorded. */
  touchText(start: number, end: number): void {
    const outer = this.recordingOuter ?? this.recording;
    if (outer && (start < outer.range.start || end > outer.range.end)) this.nonlocal = true;
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
    /** The file being linted; a kept visitor's context is pointed at each new file (see `sharedFor`). */
    public run: FileRun,
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
    this.run.touch();
    return this.run.input.file;
  }
  get ast(): Dockerfile {
    this.run.touch();
    return this.run.input.ast;
  }
  get semantic(): SemanticModel {
    this.run.touch();
    return this.run.semantic;
  }
  get stages(): readonly StageSpan[] {
    this.run.touch();
    return this.run.index.stages;
  }
  get stage(): StageSpan | undefined {
    this.run.touch();
    return this.run.currentStage;
  }
  report(target: Target, message: string, extra?: ReportExtra): void {
    this.run.diagnostics.push(makeDiagnostic(this.active.rule, this.active.severity, target, message, extra));
  }
  text(target: Target): string {
    const r = rangeOf(target);
    if (this.run.recording) this.run.touchText(r.start, r.end);
    return this.run.input.file.text.slice(r.start, r.end);
  }
  shell(node: Instruction, keep?: (script: EmbeddedScript) => boolean): readonly ParsedEmbeddedScript[] {
    if (this.run.recording) this.run.touchShell(node, false);
    return parseInstructionShell(node, keep);
  }
  stageOf(node: Instruction): StageSpan | undefined {
    this.run.touch();
    return this.run.index.stageOf(node);
  }
  shellOf(node: Instruction): readonly string[] {
    if (this.run.recording) this.run.touchShell(node, true);
    return this.run.shellOf(node);
  }
}

/** Memo keys of instruction nodes, for the nodes an editor's re-parse keeps (see `memoKey`). */
const memoKeys = new WeakMap<Instruction, { shell: string; fileKey: string; trigger: boolean; key: string }>();

/** Hooks that are not about one instruction. */
const NOT_INSTRUCTION = new Set<string>(["File", "File:exit", "Stage", "Stage:exit", "Comment", "Directive"]);

/** Hooks that fire in every file, whatever it contains. */
const ALWAYS = new Set<string>(["File", "File:exit", "Instruction", "Stage", "Stage:exit", "Comment", "Directive"]);

/** The hooks each rule's visitor has, learnt from its first visitor. */
const hooksOf = new WeakMap<DockerfileRule, readonly string[]>();

/**
 * Without a memo, the visitors of `local` rules are made once per rule list (one per configuration) and
 * used for file after file, their contexts pointed at the file being linted. A local rule keeps no state
 * between calls (see rule.ts), so its visitor is as good as new for the next file. Making the 80-odd
 * visitors and their hook tables for every file cost about a twentieth of a Dockerfile's lint.
 */
interface Shared {
  /** The kept visitors' slots, in rule order; their `failed` flags are reset for each file. */
  slots: RuleSlot[];
  /** Their handlers by hook, in rule order (copied for each file, which adds the other rules'). */
  table: Map<string, Handler[]>;
  triggerTable: Map<string, Handler[]>;
  /** The rules made for each file: not local, or their visitor could not be made. */
  rest: readonly ActiveRule<DockerfileRule>[];
}
const shared = new WeakMap<readonly ActiveRule<DockerfileRule>[], Shared>();

function sharedFor(rules: readonly ActiveRule<DockerfileRule>[], run: FileRun): Shared {
  let found = shared.get(rules);
  if (found) return found;
  found = { slots: [], table: new Map(), triggerTable: new Map(), rest: [] };
  const rest: ActiveRule<DockerfileRule>[] = [];
  for (const active of rules) {
    const rule = active.rule;
    let visitor: DockerfileVisitor | undefined;
    const ctx = new RuleContext(run, active);
    if (rule.local === true) {
      try {
        visitor = rule.create(ctx) ?? {};
      } catch {
        visitor = undefined; // made again for each file, which reports the failure there
      }
    }
    if (!visitor) {
      rest.push(active);
      continue;
    }
    const slot: RuleSlot = { ctx, failed: false };
    found.slots.push(slot);
    const hooks: string[] = [];
    for (const hook in visitor) {
      const fn = (visitor as Record<string, unknown>)[hook];
      if (typeof fn !== "function") continue;
      hooks.push(hook);
      const handler: Handler = { slot, fn: fn as HookFn, memo: -1 };
      add(found.table, hook, handler);
      if (rule.onbuild) add(found.triggerTable, hook, handler);
    }
    if (!hooksOf.has(rule)) hooksOf.set(rule, hooks);
  }
  found.rest = rest;
  shared.set(rules, found);
  return found;
}

function copyTable(from: Map<string, Handler[]>): Map<string, Handler[]> {
  const out = new Map<string, Handler[]>();
  for (const [hook, handlers] of from) out.set(hook, handlers.slice());
  return out;
}

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

  const memo = input.memo;
  memo?.begin();
  let table: Map<string, Handler[]>;
  let triggerTable: Map<string, Handler[]>;
  let rules = input.rules;
  if (memo === undefined) {
    const common = sharedFor(input.rules, run);
    for (const slot of common.slots) {
      slot.ctx.run = run;
      slot.failed = false;
    }
    table = copyTable(common.table);
    triggerTable = copyTable(common.triggerTable);
    rules = common.rest;
  } else {
    table = new Map();
    triggerTable = new Map();
  }

  const fail = (slot: RuleSlot, e: unknown, range: Range) => {
    slot.failed = true;
    const { code, name } = slot.ctx.rule;
    diagnostics.push(internalError(`Rule ${code} (${name}) failed: ${errorText(e)}`, range));
  };

  for (const active of rules) {
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
      // Only instruction hooks of local rules are kept (a local rule has no others; see rule.ts).
      const kept = memo !== undefined && rule.local === true && !NOT_INSTRUCTION.has(hook);
      const handler: Handler = { slot, fn: fn as HookFn, memo: kept ? memo.slotOf(active, hook === "Instruction") : -1 };
      add(table, hook, handler);
      if (rule.onbuild) add(triggerTable, hook, handler);
    }
    if (hooks) hooksOf.set(rule, hooks);
  }

  const dispatch = (t: Map<string, Handler[]>, hook: DockerfileHook, node: unknown, range: Range) => {
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

  /**
   * An instruction's hooks with a memo: a kept call's findings are replayed, moved to where the
   * instruction is now; a call not yet run for this instruction text is run and recorded.
   */
  const dispatchKept = (handlers: Handler[] | undefined, instr: Instruction, outer: Instruction, entry: MemoEntry) => {
    if (!handlers) return;
    const base = outer.range.start;
    for (const h of handlers) {
      if (h.slot.failed) continue;
      const kept = h.memo >= 0 ? entry.results[h.memo] : null;
      if (kept) {
        for (const d of kept) diagnostics.push(moved(d, base));
        continue;
      }
      const record = kept === undefined;
      const before = diagnostics.length;
      if (record) {
        run.recording = instr;
        run.recordingOuter = outer;
        run.nonlocal = false;
      }
      try {
        (h.fn as (n: unknown) => void)(instr);
      } catch (e) {
        run.recording = undefined;
        fail(h.slot, e, instr.range);
        anyFailed = true;
        continue;
      }
      if (!record) continue;
      run.recording = undefined;
      let keep = !run.nonlocal;
      const found: Diagnostic[] = [];
      for (let i = before; keep && i < diagnostics.length; i++) {
        const d = diagnostics[i]!;
        if (!within(d, outer.range.start, outer.range.end)) keep = false;
        else found.push(moved(d, -base));
      }
      entry.results[h.memo] = keep ? found : null;
    }
  };

  /**
   * With a memo, an instruction kind's hooks split in two: those of local rules (kept) and the others
   * (always run). Findings then come in another order than without a memo; nothing depends on it.
   */
  interface KindHooks {
    kept: Handler[];
    live: Handler[];
    signature: string;
  }
  const kindHooks = new Map<Map<string, Handler[]>, Map<string, KindHooks>>();
  const hooksFor = (t: Map<string, Handler[]>, kind: string): KindHooks => {
    let byKind = kindHooks.get(t);
    if (!byKind) kindHooks.set(t, (byKind = new Map()));
    let hooks = byKind.get(kind);
    if (!hooks) {
      const all = [...(t.get("Instruction") ?? []), ...(t.get(kind) ?? [])];
      const kept = all.filter((h) => h.memo >= 0);
      hooks = { kept, live: all.filter((h) => h.memo < 0), signature: kept.map((h) => h.memo).join(",") };
      byKind.set(kind, hooks);
    }
    return hooks;
  };
  let anyFailed = false;

  const visitKept = (t: Map<string, Handler[]>, instr: Instruction, outer: Instruction) => {
    const hooks = hooksFor(t, instr.kind);
    for (const h of hooks.live) {
      if (h.slot.failed) continue;
      try {
        (h.fn as (n: unknown) => void)(instr);
      } catch (e) {
        fail(h.slot, e, instr.range);
        anyFailed = true;
      }
    }
    if (hooks.kept.length === 0) return;
    const entry = memo!.entry(memoKey(outer, outer !== instr));
    const base = outer.range.start;
    if (entry.batchSignature === hooks.signature && !anyFailed) {
      for (const d of entry.batch!) diagnostics.push(moved(d, base));
      return;
    }
    dispatchKept(hooks.kept, instr, outer, entry);
    // Every kept hook has its findings now (none failed, none read beyond the instruction): one list.
    const batch: Diagnostic[] = [];
    for (const h of hooks.kept) {
      const found = entry.results[h.memo];
      if (!found || h.slot.failed) return;
      for (const d of found) batch.push(d);
    }
    entry.batchSignature = hooks.signature;
    entry.batch = batch;
  };

  const visitInstruction = (t: Map<string, Handler[]>, instr: Instruction, outer?: Instruction) => {
    if (memo) return visitKept(t, instr, outer ?? instr);
    dispatch(t, "Instruction", instr, instr.range);
    dispatch(t, instr.kind, instr, instr.range);
  };

  /**
   * What a local rule's findings on an instruction depend on: its text, the escape character it was
   * parsed with, and for instructions that run a shell, the shell in force. A trigger is keyed by its
   * ONBUILD's text, apart from the ONBUILD itself.
   */
  const fileKey = memo ? `${ast.escape}\u0000` : "";
  const memoKey = (instr: Instruction, trigger: boolean): string => {
    const shell = SHELL_KINDS.has(instr.kind) ? run.shellOf(instr).join("\u0001") : "";
    // A node kept by an editor's re-parse has the same text: its key string (and the hash V8 keeps in
    // it) is reused.
    const known = memoKeys.get(instr);
    if (known && known.shell === shell && known.fileKey === fileKey && known.trigger === trigger) return known.key;
    const text = input.file.text.slice(instr.range.start, instr.range.end);
    const key = `${trigger ? "T" : "I"}${fileKey}${shell}\u0000${text}`;
    memoKeys.set(instr, { shell, fileKey, trigger, key });
    return key;
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
    if (item.kind === "Onbuild" && item.trigger && triggerTable.size > 0) visitInstruction(triggerTable, item.trigger, item);
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
