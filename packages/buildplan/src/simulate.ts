/**
 * One simulated build: parse, resolve the stage graph, dispatch every stage (built ones report their
 * dispatch-time errors; skipped ones are walked only to show their state) and name the progress steps.
 */
import { parseDockerfile, type ParseResult } from "@shipshape/dockerfile";
import type { Diagnostic } from "@shipshape/text";
import { buildContextView, type ContextView } from "./context.js";
import { DiagnosticSink } from "./diagnostics.js";
import { dispatchInstruction, type DispatchContext, type DispatchedStep, type VertexSpec } from "./dispatch.js";
import { buildStageGraph, type StageGraph, type StageInfo } from "./graph.js";
import { normalizeImageRef } from "./image-ref.js";
import { formatPlatform } from "./platform.js";
import { attachArgDetails, finalImage, inheritState, scratchState, sharedSnapshot, unknownBaseState, type BuildState } from "./state.js";
import type { StepPlan } from "./types.js";

export interface SimulatedStage {
  info: StageInfo;
  /** Step 0 is the FROM. */
  steps: DispatchedStep[];
  final: BuildState;
}

export interface Simulation {
  graph: StageGraph;
  stages: SimulatedStage[];
  context: ContextView;
  sink: DiagnosticSink;
  parseErrors: Diagnostic[];
  /** The parse of `text`: a second simulation of the same text (the previous build) reuses it. */
  parsed: ParseResult;
}

export interface SimulationInput {
  text: string;
  buildArgs: Record<string, string | undefined>;
  target?: string;
  platform?: string;
  buildPlatform?: string;
  namedContexts: Record<string, string>;
  contextFiles?: string[];
  dockerignore?: string;
}

/** `parsed`: the parse of `input.text` when the caller has it (the simulation only reads the AST). */
export function simulate(input: SimulationInput, parsed: ParseResult = parseDockerfile(input.text)): Simulation {
  const sink = new DiagnosticSink();
  const { ast, errors } = parsed;
  const graph = buildStageGraph(ast, input, sink);
  const context = buildContextView(input.contextFiles, input.dockerignore);
  const stages: SimulatedStage[] = [];
  for (const info of graph.stages) stages.push(dispatchStage(info, stages, graph, context, input, sink));
  nameProgress(stages);
  return { graph, stages, context, sink, parseErrors: errors as Diagnostic[], parsed };
}

function initialState(info: StageInfo, done: SimulatedStage[]): BuildState {
  if (info.base.kind === "stage") {
    const parent = done[info.base.index]!;
    return parent.info.replacedBy !== undefined ? unknownBaseState(info.platform.os) : inheritState(parent.final);
  }
  return info.base.kind === "scratch" ? scratchState(info.platform.os) : unknownBaseState(info.platform.os);
}

function dispatchStage(
  info: StageInfo,
  done: SimulatedStage[],
  graph: StageGraph,
  context: ContextView,
  input: SimulationInput,
  sink: DiagnosticSink,
): SimulatedStage {
  const report = info.reachable && info.replacedBy === undefined;
  const ctx: DispatchContext = { graph, context, buildArgs: input.buildArgs, sink, report };
  const state = initialState(info, done);
  const steps: DispatchedStep[] = [fromStep(info, state, graph.syntax)];

  if (report) checkForwardReferences(info, sink);
  if (info.base.kind === "stage") {
    const parent = done[info.base.index]!;
    for (const trig of parent.final.triggers) steps.push(dispatchInstruction(trig, state, info, ctx, { parentLine: parentLineOf(parent, trig) }));
  }
  for (const instr of info.instructions) steps.push(dispatchInstruction(instr, state, info, ctx));
  return { info, steps, final: state };
}

function parentLineOf(parent: SimulatedStage, trigger: unknown): number {
  const onbuild = parent.info.instructions.find((i) => i.kind === "Onbuild" && i.trigger === trigger);
  return onbuild?.startLine ?? 0;
}

function fromStep(info: StageInfo, state: BuildState, syntax: string): DispatchedStep {
  const from = info.from;
  const asPart = info.name !== null ? ` AS ${info.name}` : "";
  const step: StepPlan = {
    line: from.startLine,
    endLine: from.endLine,
    instruction: "FROM",
    text: from.original,
    expanded: `FROM ${from.platform ? `--platform=${formatPlatform(info.platform)} ` : ""}${info.baseResolved}${asPart}`,
    layer: false,
    vertex: info.base.kind === "image" || info.base.kind === "context",
    cache: "hit",
    state: sharedSnapshot(state).state,
    argDetails: [],
  };
  attachArgDetails(step, sharedSnapshot(state));
  let vertex: VertexSpec | undefined;
  if (info.base.kind === "image") vertex = { opParts: ["image", normalizeImageRef(info.base.ref), formatPlatform(info.platform), syntax], chain: false, inputs: [] };
  else if (info.base.kind === "context") vertex = { opParts: ["named-context", info.base.value], chain: false, inputs: [] };
  return { step, vertex };
}

/** A built stage may only copy or mount from stages defined before it. */
function checkForwardReferences(info: StageInfo, sink: DiagnosticSink): void {
  for (const dep of info.deps) {
    if (dep.target.kind !== "stage" || dep.target.index < info.index) continue;
    if (dep.target.index === info.index) continue; // a self-reference is reported as a cycle
    if (dep.kind === "mount-from") {
      sink.report("StageForwardReference", `cannot mount from stage "${dep.ref}" to "${dep.mountTarget ?? ""}", stage needs to be defined before current command`, dep.range);
    } else {
      sink.report("StageForwardReference", `cannot copy from stage "${dep.ref}", it needs to be defined before current stage "${info.name ?? info.id}"`, dep.range);
    }
  }
}

/** BuildKit's `[stage i/N]` names: N counts the image pull and every RUN/COPY/ADD/WORKDIR (and triggers). */
function nameProgress(stages: SimulatedStage[]): void {
  const extraStates = stages.some((s) =>
    s.info.deps.some((d) => d.target.kind !== "stage") ||
    s.info.instructions.some((i) => i.kind === "Run" && i.mounts.some((m) => !m.values["from"])),
  );
  const single = stages.length === 1 && !extraStates;
  for (const s of stages) {
    const counted = s.steps.filter((d, i) => (i === 0 ? d.vertex !== undefined : /^(ONBUILD )?(RUN|COPY|ADD|WORKDIR)$/.test(d.step.instruction)));
    const total = counted.length;
    const width = String(total).length;
    let i = 0;
    for (const d of s.steps) {
      if (!d.vertex) continue;
      i++;
      const prefix = single ? "" : `${s.info.id} `;
      const text = d.step.instruction === "FROM" && s.info.base.kind === "image" ? `FROM ${normalizeImageRef(s.info.base.ref)}` : d.step.expanded;
      d.step.progress = `[${prefix}${String(i).padStart(width, " ")}/${total}] ${text}`;
    }
  }
}

export { finalImage };
