/**
 * The stage graph, resolved as BuildKit's `toDispatchState` does: meta ARGs, FROM expansion with the global
 * scope only, base linking to earlier stages, `COPY --from` / `RUN --mount=from=` / ONBUILD edges, named
 * contexts, cycles, the target and the stages reachable from it.
 */
import type { FromInstruction, Instruction, Dockerfile, CopyInstruction, RunInstruction, Flag } from "@shipshape/dockerfile";
import type { Range } from "@shipshape/text";
import type { DiagnosticSink } from "./diagnostics.js";
import { familiarName, invalidImageRef } from "./image-ref.js";
import { builtinArgs, formatPlatform, parsePlatform, type Platform } from "./platform.js";
import type { ArgValue, EdgeKind } from "./types.js";
import { changesUnderExpansion, expand, type Escape } from "./vars.js";

export type DepTarget =
  | { kind: "stage"; index: number }
  | { kind: "image"; ref: string }
  | { kind: "context"; name: string; value: string };

export interface StageDep {
  kind: Exclude<EdgeKind, "base">;
  target: DepTarget;
  /** The instruction holding the reference (for ONBUILD edges: the trigger inside the parent's ONBUILD). */
  instruction: Instruction;
  range: Range;
  line: number;
  /** The reference as written (`build`, `0`, `nginx:1.27`). */
  ref: string;
  /** For mounts: the mount target, for messages. */
  mountTarget?: string;
}

export type StageBase =
  | { kind: "stage"; index: number }
  | { kind: "image"; ref: string }
  | { kind: "scratch" }
  | { kind: "context"; name: string; value: string };

export interface StageInfo {
  index: number;
  /** Lower-cased AS name. */
  name: string | null;
  id: string;
  from: FromInstruction;
  instructions: Instruction[];
  baseResolved: string;
  platform: Platform;
  base: StageBase;
  /** Value of the named context that replaces the whole stage. */
  replacedBy?: string;
  deps: StageDep[];
  reachable: boolean;
}

export interface StageGraph {
  stages: StageInfo[];
  /** Meta ARGs with their values and sources. */
  metaArgs: ArgValue[];
  /** Builtin and meta args: the scope of FROM and of value-less stage ARGs. */
  globals: Map<string, string>;
  /** Which of `globals` are builtins (for ARG sources). */
  builtinNames: Set<string>;
  target: number | null;
  buildPlatform: Platform;
  targetPlatform: Platform;
  escape: Escape;
  /** The `# syntax=` frontend (or the BUILDKIT_SYNTAX build-arg); a different frontend means different LLB. */
  syntax: string;
}

export interface GraphOptions {
  buildArgs: Record<string, string | undefined>;
  target?: string;
  platform?: string;
  buildPlatform?: string;
  namedContexts: Record<string, string>;
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const WHOLE: Range = { start: 0, end: 0 };

export function buildStageGraph(ast: Dockerfile, options: GraphOptions, sink: DiagnosticSink): StageGraph {
  const escape = ast.escape;
  const buildPlatform = parseOptionPlatform(options.buildPlatform, "linux/amd64", sink);
  const targetPlatform = options.platform ? parseOptionPlatform(options.platform, formatPlatform(buildPlatform), sink) : buildPlatform;

  // Partition: meta ARGs, then one stage per FROM.
  const metaArgInstrs: Instruction[] = [];
  const stageInstrs: { from: FromInstruction; body: Instruction[] }[] = [];
  for (const instr of ast.instructions) {
    if (instr.kind === "From") stageInstrs.push({ from: instr, body: [] });
    else if (stageInstrs.length > 0) stageInstrs[stageInstrs.length - 1]!.body.push(instr);
    else if (instr.kind === "Arg") metaArgInstrs.push(instr);
    else sink.report("InstructionBeforeFrom", `${instr.keyword} before the first FROM: no build stage in current context`, instr.keywordWord.range);
  }
  // An empty file is the parser's DF001; a file with only meta ARGs is ours.
  if (ast.instructions.length > 0 && stageInstrs.length === 0) sink.report("NoStages", "dockerfile contains no stages to build", WHOLE);

  const names = stageInstrs.map(({ from }) => stageNameOf(from, sink));
  const lastName = names[names.length - 1] ?? null;
  const targetStage = options.target ?? lastName ?? "default";

  // Builtins (a build-arg overrides their value for expansion only), then the meta ARGs in order.
  const builtins = builtinArgs(buildPlatform, targetPlatform, targetStage);
  const globals = new Map<string, string>();
  for (const [k, v] of builtins) {
    const override = options.buildArgs[k];
    globals.set(k, override ?? v);
  }
  const metaArgs: ArgValue[] = [];
  for (const instr of metaArgInstrs) {
    if (instr.kind !== "Arg") continue;
    for (const decl of instr.declarations) {
      const key = decl.name.value;
      const fromCli = options.buildArgs[key];
      if (fromCli !== undefined) {
        globals.set(key, fromCli);
        metaArgs.push({ name: key, value: fromCli, source: "build-arg" });
      } else if (decl.defaultValue) {
        const r = expand(decl.defaultValue.value, globals, escape);
        if (r.error) sink.report("ExpansionError", r.error, decl.defaultValue.range);
        globals.set(key, r.value);
        metaArgs.push({ name: key, value: r.value, source: "default" });
      } else if (globals.has(key)) {
        metaArgs.push({ name: key, value: globals.get(key)!, source: builtins.has(key) ? "builtin" : "global" });
      } else {
        metaArgs.push({ name: key, source: "unset" });
      }
    }
  }

  const stages: StageInfo[] = [];
  // Name -> index of the first stage with that name (what BuildKit's look-ups find): no scan per reference.
  const seenNames = new Map<string, number>();
  stageInstrs.forEach(({ from, body }, index) => {
    const name = names[index]!;
    if (name !== null) {
      if (seenNames.has(name)) sink.report("DuplicateStageName", `duplicate stage name "${name}"`, from.stageName!.range);
      else seenNames.set(name, index);
    }
    const stage = resolveStage(from, body, index, name, stages, seenNames, globals, options, targetPlatform, escape, sink);
    stages.push(stage);
  });

  const table: StageTable = { list: stages, byName: seenNames };
  for (const stage of stages) collectDeps(stage, table, options.namedContexts, escape, sink);
  // ONBUILD triggers written in a parent stage run in its children: their references are the child's edges.
  for (const stage of stages) {
    if (stage.base.kind !== "stage" || stage.replacedBy !== undefined) continue;
    const parent = stages[stage.base.index]!;
    for (const instr of parent.instructions) {
      if (instr.kind !== "Onbuild" || !instr.trigger) continue;
      for (const dep of depsOf(instr.trigger, table, options.namedContexts, escape, sink, stage)) {
        stage.deps.push({ ...dep, kind: "onbuild" });
      }
    }
  }

  detectCycles(stages, sink);
  const target = findTarget(table, options.target, sink);
  if (target !== null) markReachable(stages, target);
  const syntax = options.buildArgs["BUILDKIT_SYNTAX"] ?? ast.directives.find((d) => d.name === "syntax")?.value.value ?? "";
  return { stages, metaArgs, globals, builtinNames: new Set(builtins.keys()), target, buildPlatform, targetPlatform, escape, syntax };
}

function parseOptionPlatform(text: string | undefined, fallback: string, sink: DiagnosticSink): Platform {
  const p = parsePlatform(text ?? fallback);
  if (p) return p;
  sink.report("InvalidPlatform", `invalid platform ${JSON.stringify(text)}; using ${fallback}`, WHOLE);
  return parsePlatform(fallback)!;
}

function stageNameOf(from: FromInstruction, sink: DiagnosticSink): string | null {
  if (!from.stageName) return null;
  const lower = from.stageName.value.toLowerCase();
  if (!STAGE_NAME.test(lower)) {
    sink.report(
      "InvalidStageName",
      `invalid name for build stage: "${from.stageName.value}", name can't start with a number or contain symbols`,
      from.stageName.range,
    );
  }
  return lower;
}

function lookupNamedContext(contexts: Record<string, string>, name: string, platform: Platform): string | undefined {
  if (name === "scratch" || name === "context") return undefined;
  // Own keys only: `FROM constructor` is an image, not Object.prototype.constructor.
  const own = (key: string): string | undefined => (Object.hasOwn(contexts, key) ? contexts[key] : undefined);
  // Every stage name and external reference is looked up: without contexts, skip formatting the platform.
  if (isEmpty(contexts)) return undefined;
  return own(`${name}::${formatPlatform(platform)}`) ?? own(name);
}

function isEmpty(record: Record<string, string>): boolean {
  for (const _ in record) return false;
  return true;
}

/** All stages, and the index of the first stage of each name. */
interface StageTable {
  list: StageInfo[];
  byName: ReadonlyMap<string, number>;
}

function resolveStage(
  from: FromInstruction,
  body: Instruction[],
  index: number,
  name: string | null,
  earlier: StageInfo[],
  byName: ReadonlyMap<string, number>,
  globals: Map<string, string>,
  options: GraphOptions,
  targetPlatform: Platform,
  escape: Escape,
  sink: DiagnosticSink,
): StageInfo {
  const id = name ?? `stage-${index}`;
  const imageText = from.image?.value ?? "";
  const imageRange = from.image?.range ?? from.keywordWord.range;
  const r = expand(imageText, globals, escape);
  if (r.error) sink.report("ExpansionError", r.error, imageRange);
  const baseResolved = r.value;
  if (baseResolved === "" && !r.error) sink.report("BlankBaseName", `base name (${imageText}) should not be blank`, imageRange);

  let platform = targetPlatform;
  let explicitPlatform = false;
  if (from.platform) {
    const raw = from.platform.value?.value ?? "";
    const p = expand(raw, globals, escape);
    if (p.error) sink.report("ExpansionError", p.error, from.platform.range);
    else if (p.value === "") sink.report("InvalidPlatform", `empty platform value from expression ${raw}`, from.platform.range);
    else {
      const parsed = parsePlatform(p.value);
      if (parsed) {
        platform = parsed;
        explicitPlatform = true;
      } else sink.report("InvalidPlatform", `failed to parse platform ${p.value}`, from.platform.range);
    }
  }

  let base: StageBase;
  // `byName` already holds this stage's own name: only an earlier stage is a base.
  const earlierNamed = (n: string): number => {
    const i = byName.get(n);
    return i !== undefined && i < index ? i : -1;
  };
  const parentIndex = earlierNamed(baseResolved);
  if (parentIndex >= 0) {
    base = { kind: "stage", index: parentIndex };
    platform = earlier[parentIndex]!.platform;
    if (explicitPlatform) {
      sink.report("StagePlatformIgnored", `--platform is ignored: stage "${baseResolved}" keeps its own platform`, from.platform!.range);
    }
  } else if (baseResolved === "scratch") {
    base = { kind: "scratch" };
  } else {
    const ctx = baseResolved === "" ? undefined : lookupNamedContext(options.namedContexts, familiarName(baseResolved), platform);
    if (ctx !== undefined) base = { kind: "context", name: familiarName(baseResolved), value: ctx };
    else {
      base = { kind: "image", ref: baseResolved };
      if (baseResolved !== "") {
        const caseMatch = earlier[earlierNamed(baseResolved.toLowerCase())];
        const invalid = invalidImageRef(baseResolved);
        if (caseMatch) {
          sink.report(
            "InvalidBaseName",
            `failed to parse stage name "${baseResolved}": stage names are lower-case, so this is not stage "${caseMatch.name}" and not a valid image reference`,
            imageRange,
          );
        } else if (invalid) {
          sink.report("InvalidBaseName", `invalid base image reference "${baseResolved}": ${invalid}`, imageRange);
        }
      }
    }
  }

  const stage: StageInfo = { index, name, id, from, instructions: body, baseResolved, platform, base, deps: [], reachable: false };
  if (name !== null) {
    const replacement = lookupNamedContext(options.namedContexts, name, platform);
    if (replacement !== undefined) stage.replacedBy = replacement;
  }
  return stage;
}

function rawFlagValue(flag: Flag): string {
  const eq = flag.text.indexOf("=");
  return eq >= 0 ? flag.text.slice(eq + 1) : (flag.value?.value ?? "");
}

function resolveExternal(ref: string, stage: StageInfo, contexts: Record<string, string>): DepTarget {
  const name = familiarName(ref);
  const ctx = lookupNamedContext(contexts, name, stage.platform);
  return ctx !== undefined ? { kind: "context", name, value: ctx } : { kind: "image", ref };
}

/** The stage references one instruction makes (COPY --from, RUN --mount from=). */
function depsOf(
  instr: Instruction,
  stages: StageTable,
  contexts: Record<string, string>,
  escape: Escape,
  sink: DiagnosticSink,
  ctxStage: StageInfo,
): StageDep[] {
  const out: StageDep[] = [];
  if (instr.kind === "Copy" && instr.from) {
    const dep = copyFromDep(instr, stages, contexts, escape, sink, ctxStage);
    if (dep) out.push(dep);
  } else if (instr.kind === "Run") {
    out.push(...mountDeps(instr, stages, contexts, sink, ctxStage));
  }
  return out;
}

function copyFromDep(
  instr: CopyInstruction,
  stages: StageTable,
  contexts: Record<string, string>,
  escape: Escape,
  sink: DiagnosticSink,
  owner: StageInfo,
): StageDep | undefined {
  const flag = instr.from!;
  const raw = rawFlagValue(flag);
  const range = flag.value?.range ?? flag.range;
  const base = { kind: "copy-from" as const, ref: raw, instruction: instr, range, line: instr.startLine };
  if (changesUnderExpansion(raw, escape)) {
    sink.report(
      "CopyFromVariable",
      "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
      range,
    );
    return undefined;
  }
  if (/^-?\d+$/.test(raw)) {
    const n = Number(raw);
    if (n < 0 || n >= stages.list.length) {
      sink.report("InvalidStageIndex", `invalid stage index ${raw}`, range);
      return undefined;
    }
    return { ...base, target: { kind: "stage", index: n } };
  }
  const found = stages.byName.get(raw.toLowerCase());
  if (found !== undefined) return { ...base, target: { kind: "stage", index: found } };
  return { ...base, target: resolveExternal(raw, owner, contexts) };
}

function mountDeps(instr: RunInstruction, stages: StageTable, contexts: Record<string, string>, sink: DiagnosticSink, owner: StageInfo): StageDep[] {
  const out: StageDep[] = [];
  for (const mount of instr.mounts) {
    const from = mount.values["from"];
    if (from === undefined || from === "") continue;
    const field = mount.fields.find((f) => f.key.value.toLowerCase() === "from");
    const range = field?.value?.range ?? mount.range;
    const dollar = from.indexOf("$");
    if (dollar >= 0 && dollar !== from.length - 1) {
      sink.report("MountFromVariable", "'from' doesn't support variable expansion, define alias stage instead", range);
      continue;
    }
    const found = stages.byName.get(from.toLowerCase());
    const target: DepTarget = found !== undefined ? { kind: "stage", index: found } : resolveExternal(from, owner, contexts);
    out.push({ kind: "mount-from", ref: from, target, instruction: instr, range, line: instr.startLine, mountTarget: mount.values["target"] ?? mount.values["dst"] ?? mount.values["destination"] });
  }
  return out;
}

function collectDeps(stage: StageInfo, stages: StageTable, contexts: Record<string, string>, escape: Escape, sink: DiagnosticSink): void {
  for (const instr of stage.instructions) stage.deps.push(...depsOf(instr, stages, contexts, escape, sink, stage));
}

/** Stage indices a stage waits for (base and stage references), unless a named context replaces it. */
export function stageDependencies(stage: StageInfo): number[] {
  if (stage.replacedBy !== undefined) return [];
  const out: number[] = [];
  if (stage.base.kind === "stage") out.push(stage.base.index);
  for (const d of stage.deps) if (d.target.kind === "stage" && !out.includes(d.target.index)) out.push(d.target.index);
  return out;
}

function detectCycles(stages: StageInfo[], sink: DiagnosticSink): void {
  const state = new Uint8Array(stages.length); // 0 new, 1 on stack, 2 done
  const visit = (i: number): void => {
    state[i] = 1;
    for (const j of stageDependencies(stages[i]!)) {
      if (state[j] === 1) {
        const s = stages[j]!;
        sink.report("CircularDependency", `circular dependency detected on stage: ${s.name ?? s.id}`, s.from.stageName?.range ?? s.from.keywordWord.range);
      } else if (state[j] === 0) visit(j);
    }
    state[i] = 2;
  };
  for (let i = 0; i < stages.length; i++) if (state[i] === 0) visit(i);
}

function findTarget(table: StageTable, target: string | undefined, sink: DiagnosticSink): number | null {
  const stages = table.list;
  if (stages.length === 0) return null;
  if (target === undefined || target === "") return stages.length - 1;
  const lower = target.toLowerCase();
  const found = table.byName.get(lower);
  if (found !== undefined) return found;
  const names = stages.map((s) => s.name).filter((n): n is string => n !== null);
  const suggestion = closest(lower, names);
  sink.report("TargetNotFound", `target stage "${target}" could not be found${suggestion ? ` (did you mean ${suggestion}?)` : ""}`, WHOLE);
  return null;
}

function markReachable(stages: StageInfo[], target: number): void {
  const stack = [target];
  while (stack.length > 0) {
    const i = stack.pop()!;
    const s = stages[i]!;
    if (s.reachable) continue;
    s.reachable = true;
    stack.push(...stageDependencies(s));
  }
}

function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = levenshtein(word, c);
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Built stages in waves: a stage comes one wave after the last of the stages it waits for. */
export function buildWaves(stages: StageInfo[]): number[][] {
  const wave = new Map<number, number>();
  const visiting = new Set<number>();
  const depth = (i: number): number => {
    const known = wave.get(i);
    if (known !== undefined) return known;
    if (visiting.has(i)) return 0;
    visiting.add(i);
    let d = 0;
    for (const j of stageDependencies(stages[i]!)) {
      if (stages[j]!.reachable && stages[j]!.replacedBy === undefined) d = Math.max(d, depth(j) + 1);
    }
    visiting.delete(i);
    wave.set(i, d);
    return d;
  };
  const waves: number[][] = [];
  for (const s of stages) {
    if (!s.reachable || s.replacedBy !== undefined) continue;
    const d = depth(s.index);
    (waves[d] ??= []).push(s.index);
  }
  return waves.filter((w) => w !== undefined);
}
