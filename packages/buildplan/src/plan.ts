/** `plan()`: the public entry point. Sync, pure, never throws. */
import { clipMessage, LineIndex, type Diagnostic } from "@shipshape/text";
import { assignCache, baselineOf } from "./cache.js";
import { buildWaves, stageDependencies, type StageInfo } from "./graph.js";
import { formatPlatform } from "./platform.js";
import { assignWaves } from "./schedule.js";
import { cleanPath } from "./sources.js";
import { simulate, type Simulation, type SimulationInput } from "./simulate.js";
import { emptyImage, finalImage, snapshot } from "./state.js";
import type { BuildPlan, PlanDiagnostic, PlanOptions, StageEdge, StagePlan } from "./types.js";

export function plan(dockerfileText: string, options: PlanOptions = {}): BuildPlan {
  // Plain JavaScript callers may pass anything; the contract is to answer, not to throw.
  if (typeof dockerfileText !== "string") dockerfileText = "";
  if (options === null || typeof options !== "object") options = {};
  // Only diagnostics need line/column positions; most plans of a clean file have none.
  let index: LineIndex | undefined;
  const lines = (): LineIndex => (index ??= new LineIndex(dockerfileText));
  try {
    return buildPlan(dockerfileText, options, lines);
  } catch (err) {
    const message = `the build plan could not be computed: ${err instanceof Error ? err.message : String(err)}`;
    return {
      target: null, stages: [], order: [], image: null, edges: [], images: [], contextPaths: [],
      buildPlatform: options.buildPlatform ?? "linux/amd64", targetPlatform: options.platform ?? options.buildPlatform ?? "linux/amd64",
      globalArgs: [], cacheAnalysed: false, dockerfilePath: options.dockerfilePath,
      diagnostics: [toPlanDiagnostic({ code: "internal-error", message, severity: "error", range: { start: 0, end: 0 }, rule: "internal-error" }, lines())],
    };
  }
}

function inputOf(text: string, o: PlanOptions): SimulationInput {
  return {
    text,
    buildArgs: o.buildArgs ?? {},
    target: o.target,
    platform: o.platform,
    buildPlatform: o.buildPlatform,
    namedContexts: o.namedContexts ?? {},
    contextFiles: o.contextFiles,
    dockerignore: o.dockerignore,
  };
}

function buildPlan(text: string, options: PlanOptions, lines: () => LineIndex): BuildPlan {
  const input = inputOf(text, options);
  const sim = simulate(input, options.parsed);
  const changes = { changedPaths: new Set((options.changedPaths ?? []).map(normalizeChanged)), changedImages: new Set(options.changedImages ?? []) };
  const cacheAnalysed = changes.changedPaths.size > 0 || changes.changedImages.size > 0 || options.previous !== undefined;
  let baselineSim: Simulation = sim;
  if (options.previous) {
    const p = options.previous;
    const previousText = p.dockerfileText ?? text;
    baselineSim = simulate({
      ...input,
      text: previousText,
      buildArgs: p.buildArgs ?? input.buildArgs,
      platform: p.platform ?? input.platform,
      buildPlatform: p.buildPlatform ?? input.buildPlatform,
      namedContexts: p.namedContexts ?? input.namedContexts,
      contextFiles: p.contextFiles ?? input.contextFiles,
      dockerignore: p.dockerignore ?? input.dockerignore,
    }, previousText === text ? sim.parsed : undefined);
  }
  // Nothing changed and nothing forced: every built step is a hit, no keys to compute.
  const firstMiss = cacheAnalysed || options.noCacheFilter !== undefined
    ? assignCache(sim, changes, baselineOf(baselineSim), options.noCacheFilter)
    : markUnbuilt(sim);
  assignWaves(sim);

  const { graph } = sim;
  const idOf = (i: number): string => graph.stages[i]!.id;
  const stages: StagePlan[] = sim.stages.map((s) => {
    const info = s.info;
    const built = info.reachable && info.replacedBy === undefined;
    const sp: StagePlan = {
      index: info.index,
      name: info.name,
      id: info.id,
      base: info.baseResolved,
      baseStage: info.base.kind === "stage" ? idOf(info.base.index) : null,
      baseKind: info.base.kind,
      platform: formatPlatform(info.platform),
      line: info.from.startLine,
      built,
      dependsOn: stageDependencies(info).map(idOf),
      steps: s.steps.map((d) => d.step),
      firstMiss: firstMiss.get(info.index) ?? null,
      // The last step's snapshot already is the final state (every state change renews it).
      finalState: s.final.shared?.state ?? snapshot(s.final),
      image: finalImage(s.final),
    };
    const description = describeStage(info);
    if (description !== undefined) sp.description = description;
    if (info.replacedBy !== undefined) sp.context = info.replacedBy;
    else if (info.base.kind === "context") sp.context = info.base.value;
    if (!built) sp.skippedBecause = skipReason(info, graph.target !== null ? graph.stages[graph.target]! : undefined);
    return sp;
  });

  const target = graph.target !== null ? graph.stages[graph.target]! : undefined;
  // A target replaced by a named context is exported as that context: its config is unknown offline.
  const image = !target ? null : target.replacedBy !== undefined ? emptyImage(true) : finalImage(sim.stages[target.index]!.final);
  if (image && options.platform) image.platform = formatPlatform(graph.targetPlatform);
  if (image && options.labels) Object.assign(image.labels, options.labels);

  const diagnostics: Diagnostic[] = [...sim.parseErrors, ...sim.sink.items];
  for (const e of sim.context.errors) {
    diagnostics.push({ code: "InvalidDockerignore", rule: "invalid-dockerignore", severity: "error", category: "correctness", range: { start: 0, end: 0 }, message: `.dockerignore${e.line ? ` line ${e.line}` : ""}: ${e.message}`, file: ".dockerignore" });
  }
  const planDiagnostics = diagnostics.length === 0 ? [] : diagnostics.map((d) => toPlanDiagnostic(d, lines())).sort((a, b) => a.line - b.line || a.column - b.column);

  return {
    target: target?.id ?? null,
    stages,
    order: buildWaves(graph.stages).map((w) => w.map(idOf)),
    image,
    edges: edgesOf(graph.stages),
    images: imagesOf(graph.stages),
    contextPaths: contextPathsOf(sim),
    buildPlatform: formatPlatform(graph.buildPlatform),
    targetPlatform: formatPlatform(graph.targetPlatform),
    globalArgs: graph.metaArgs,
    cacheAnalysed,
    ...(options.dockerfilePath !== undefined ? { dockerfilePath: options.dockerfilePath } : {}),
    diagnostics: planDiagnostics,
  };
}

function markUnbuilt(sim: Simulation): Map<number, number | null> {
  const out = new Map<number, number | null>();
  for (const s of sim.stages) {
    if (!s.info.reachable || s.info.replacedBy !== undefined) for (const d of s.steps) d.step.cache = "not-built";
    out.set(s.info.index, null);
  }
  return out;
}

function normalizeChanged(p: string): string {
  return p.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/^\/+/, "").replace(/\/+$/, "");
}

function skipReason(info: StageInfo, target: StageInfo | undefined): string {
  if (info.replacedBy !== undefined) return `replaced by the named context ${info.replacedBy}`;
  if (!target) return "no target";
  return `not needed by the target "${target.id}"`;
}

function edgesOf(stages: StageInfo[]): StageEdge[] {
  const edges: StageEdge[] = [];
  for (const s of stages) {
    const b = s.base;
    if (b.kind === "stage") edges.push({ from: stages[b.index]!.id, to: s.id, kind: "base", line: s.from.startLine });
    else if (b.kind === "image") edges.push({ from: `image:${b.ref}`, to: s.id, kind: "base", line: s.from.startLine });
    else if (b.kind === "context") edges.push({ from: `context:${b.name}`, to: s.id, kind: "base", line: s.from.startLine });
    if (s.replacedBy !== undefined) continue;
    for (const d of s.deps) {
      const t = d.target;
      const from = t.kind === "stage" ? stages[t.index]!.id : t.kind === "image" ? `image:${t.ref}` : `context:${t.name}`;
      edges.push({ from, to: s.id, kind: d.kind, line: d.line });
    }
  }
  return edges;
}

/** BuildKit's stage description: the comment line right above FROM, when it starts with the stage name. */
function describeStage(info: StageInfo): string | undefined {
  const comment = info.from.prevComments[info.from.prevComments.length - 1];
  if (info.name === null || comment === undefined) return undefined;
  return comment.startsWith(`${info.name} `) ? comment : undefined;
}

/** The union of local-context paths the built stages read (FollowPaths); `.` alone when any reads it all. */
function contextPathsOf(sim: Simulation): string[] {
  const paths = new Set<string>();
  for (const s of sim.stages) {
    if (!s.info.reachable || s.info.replacedBy !== undefined) continue;
    for (const d of s.steps) {
      for (const inp of d.vertex?.inputs ?? []) {
        if (inp.kind !== "context" || inp.namedContext !== undefined) continue;
        for (const src of inp.sources) paths.add(cleanPath(src));
      }
    }
  }
  return paths.has(".") ? ["."] : [...paths].sort();
}

function imagesOf(stages: StageInfo[]): string[] {
  const out = new Set<string>();
  for (const s of stages) {
    if (!s.reachable || s.replacedBy !== undefined) continue;
    if (s.base.kind === "image" && s.base.ref !== "") out.add(s.base.ref);
    for (const d of s.deps) if (d.target.kind === "image") out.add(d.target.ref);
  }
  return [...out];
}

export function toPlanDiagnostic(d: Diagnostic, lines: LineIndex): PlanDiagnostic {
  // A message quoting a huge word keeps its ends only (as the linter's do).
  return { ...d, message: clipMessage(d.message), ...lines.toLineColumn(d.range) };
}
