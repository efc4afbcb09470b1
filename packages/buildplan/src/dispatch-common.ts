/** What the per-instruction dispatchers share: the step draft, the dispatch context and small helpers. */
import type { CommandForm, Instruction } from "@shipshape/dockerfile";
import { NodeCache, type Range } from "@shipshape/text";
import type { ContextView } from "./context.js";
import type { DiagnosticSink } from "./diagnostics.js";
import type { StageDep, StageGraph, StageInfo } from "./graph.js";
import { formatPlatform } from "./platform.js";
import { cleanPath } from "./sources.js";
import type { StepPlan } from "./types.js";

/** A content-addressed input of a vertex. */
export type ContentInput =
  | { kind: "context"; sources: string[]; excludes: string[]; namedContext?: string }
  | { kind: "stage"; index: number; paths: string[] }
  | { kind: "image"; ref: string; paths: string[] }
  | { kind: "remote"; url: string; pinned: boolean }
  | { kind: "inline"; text: string };

export interface VertexSpec {
  /** The parts of the op definition (argv, env, cwd, user, mounts, copy actions...). */
  opParts: unknown[];
  /** The hash of `opParts` serialised, computed on first use (only the cache model needs it). */
  opKey?: string;
  /** False for a `--link` copy: it does not build on the previous state (a merge follows). */
  chain: boolean;
  inputs: ContentInput[];
}

export interface DispatchedStep {
  step: StepPlan;
  vertex?: VertexSpec;
}

export interface DispatchContext {
  graph: StageGraph;
  context: ContextView;
  buildArgs: Record<string, string | undefined>;
  sink: DiagnosticSink;
  /** Report dispatch-time errors (the stage is built). */
  report: boolean;
}

export interface StepDraft {
  instr: Instruction;
  keyword: string;
  expanded?: string;
  vertex?: VertexSpec;
  layer?: boolean;
  history?: string;
  shadowed?: string[];
}

export type Expander = (text: string, range: Range, env?: ReadonlyMap<string, string>) => string;

/** The instruction's text from its keyword on (a trigger's `original` still starts with `ONBUILD`). */
export function ownText(instr: Instruction): string {
  return instr.parentOnbuild ? instr.original.replace(/^\s*onbuild\s+/i, "") : instr.original;
}

/** What every op of a stage shares: its platform and the frontend that converts the Dockerfile. */
export function opContext(stage: StageInfo, ctx: DispatchContext): string {
  return `${formatPlatform(stage.platform)}\0${ctx.graph.syntax}`;
}

/** A path inside another stage or image, cleaned and absolute (`app/dist/` -> `/app/dist`). */
export function absolute(p: string): string {
  const c = cleanPath(p);
  return c === "." ? "/" : `/${c}`;
}

/** `a` against `/x` -> `/x/a`; `..` and `.` cleaned. */
export function resolvePath(cwd: string, p: string): string {
  const joined = p.startsWith("/") ? p : `${cwd}/${p}`;
  const c = cleanPath(joined);
  return c === "." ? "/" : `/${c}`;
}

export function commandArgv(command: CommandForm | undefined, shell: string[]): string[] {
  if (!command) return [];
  if (command.kind === "JsonForm") return command.elements.map((e) => e.value);
  return [...shell, command.value];
}

const depsByInstruction = new NodeCache<StageInfo, Map<Instruction, StageDep[]>>("dependencies by instruction");

/**
 * The stage's first dependency of `kind` made by `instr`, and naming `ref` when given (a RUN may mount from
 * several stages); a map per stage, not a scan per instruction.
 */
export function depOf(stage: StageInfo, kind: StageDep["kind"], instr: Instruction, ref?: string): StageDep | undefined {
  let byInstr = depsByInstruction.get(stage);
  if (!byInstr) {
    byInstr = new Map();
    for (const dep of stage.deps) {
      const list = byInstr.get(dep.instruction);
      if (list) list.push(dep);
      else byInstr.set(dep.instruction, [dep]);
    }
    depsByInstruction.set(stage, byInstr);
  }
  return byInstr.get(instr)?.find((dp) => dp.kind === kind && (ref === undefined || dp.ref === ref));
}

export function flagValue(instr: Instruction, name: string): string | undefined {
  const f = instr.flags.find((fl) => fl.name.value.toLowerCase() === name);
  return f ? (f.value?.value ?? "") : undefined;
}
