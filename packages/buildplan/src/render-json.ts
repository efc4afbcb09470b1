/** The `shipshape plan --format json` shape (INTERFACE.md), plus a few documented extra fields. */
import type { ReportedDiagnostic } from "@shipshape/text";
import type { BuildPlan, ImageConfig, StagePlan, StepPlan, StepState } from "./types.js";

export interface PlanJsonStep {
  line: number;
  instruction: string;
  text: string;
  layer: boolean;
  cache: StepPlan["cache"];
  state: StepState;
  endLine: number;
  expanded: string;
  cacheReason?: string;
  progress?: string;
  wave?: number;
}

export interface PlanJsonStage {
  index: number;
  name: string | null;
  id: string;
  base: string;
  baseStage: string | null;
  built: boolean;
  dependsOn: string[];
  steps: PlanJsonStep[];
  platform: string;
  baseKind: StagePlan["baseKind"];
  context?: string;
  description?: string;
  skippedBecause?: string;
  /** Line of the first step that re-runs, or null. */
  firstMiss: number | null;
}

export interface PlanJsonImage {
  env: Record<string, string>;
  workdir?: string;
  user?: string;
  entrypoint?: string[] | null;
  cmd?: string[] | null;
  exposedPorts: string[];
  volumes: string[];
  labels: Record<string, string>;
  healthcheck: ImageConfig["healthcheck"];
  stopSignal?: string;
  shell?: string[];
  onBuild?: string[];
  platform?: string;
}

export interface PlanJson {
  target: string | null;
  stages: PlanJsonStage[];
  order: string[][];
  image: PlanJsonImage | null;
  diagnostics: ReportedDiagnostic[];
  buildPlatform: string;
  targetPlatform: string;
  edges: BuildPlan["edges"];
  images: string[];
  contextPaths: string[];
}

/** The plan as the JSON object the CLI prints (`JSON.stringify(planToJson(plan), null, 2)`). */
export function planToJson(plan: BuildPlan, options: { file?: string } = {}): PlanJson {
  const file = options.file ?? plan.dockerfilePath ?? "Dockerfile";
  return {
    target: plan.target,
    stages: plan.stages.map(stageJson),
    order: plan.order,
    image: plan.image ? imageJson(plan.image) : null,
    diagnostics: plan.diagnostics.map((d) => {
      const r: ReportedDiagnostic = {
        file: d.file ?? file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        code: d.code,
        rule: d.rule ?? d.code,
        aliases: d.aliases ?? [],
        severity: d.severity,
        message: d.message,
      };
      if (d.category) r.category = d.category;
      return r;
    }),
    buildPlatform: plan.buildPlatform,
    targetPlatform: plan.targetPlatform,
    edges: plan.edges,
    images: plan.images,
    contextPaths: plan.contextPaths,
  };
}

function stageJson(s: StagePlan): PlanJsonStage {
  const out: PlanJsonStage = {
    index: s.index,
    name: s.name,
    id: s.id,
    base: s.base,
    baseStage: s.baseStage,
    built: s.built,
    dependsOn: s.dependsOn,
    steps: s.steps.map(stepJson),
    platform: s.platform,
    baseKind: s.baseKind,
    firstMiss: s.firstMiss === null ? null : (s.steps[s.firstMiss]?.line ?? null),
  };
  if (s.context !== undefined) out.context = s.context;
  if (s.description !== undefined) out.description = s.description;
  if (s.skippedBecause !== undefined) out.skippedBecause = s.skippedBecause;
  return out;
}

function stepJson(s: StepPlan): PlanJsonStep {
  const out: PlanJsonStep = {
    line: s.line,
    instruction: s.instruction,
    text: s.text,
    layer: s.layer,
    cache: s.cache,
    state: s.state,
    endLine: s.endLine,
    expanded: s.expanded,
  };
  if (s.cacheReason !== undefined) out.cacheReason = s.cacheReason;
  if (s.progress !== undefined) out.progress = s.progress;
  if (s.wave !== undefined) out.wave = s.wave;
  return out;
}

function imageJson(img: ImageConfig): PlanJsonImage {
  // Keys in INTERFACE.md's order; values a base image would supply stay out when unknown.
  const out: PlanJsonImage = { env: img.env } as PlanJsonImage;
  if (img.workdir !== undefined) out.workdir = img.workdir;
  if (img.user !== undefined) out.user = img.user;
  if (img.entrypoint !== undefined) out.entrypoint = img.entrypoint;
  if (img.cmd !== undefined) out.cmd = img.cmd;
  out.exposedPorts = img.exposedPorts;
  out.volumes = img.volumes;
  out.labels = img.labels;
  out.healthcheck = img.healthcheck;
  if (img.stopSignal !== undefined) out.stopSignal = img.stopSignal;
  if (img.shell !== undefined) out.shell = img.shell;
  if (img.onBuild.length > 0) out.onBuild = img.onBuild;
  if (img.platform !== undefined) out.platform = img.platform;
  return out;
}
