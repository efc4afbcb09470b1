/**
 * The plain-data shapes of a build plan. Everything here is JSON-safe (no Maps, no classes), so a plan can be
 * cached, sent to an editor or printed as is.
 */
import type { Diagnostic } from "@shipshape/text";
import type { ParseResult } from "@shipshape/dockerfile";

export interface PlanOptions {
  /** The parse of the Dockerfile text when the caller has one (an editor's document): not parsed again. */
  parsed?: ParseResult;
  /** `--build-arg K=V`; an `undefined` value means "declared on the command line without a value" (ignored). */
  buildArgs?: Record<string, string | undefined>;
  /** `--target`, matched case-insensitively against stage names. */
  target?: string;
  /** `--platform` (e.g. `linux/arm64`); absent means the build platform. */
  platform?: string;
  /** The daemon's platform; default `linux/amd64`. */
  buildPlatform?: string;
  /** `--build-context name=value` (keys may carry `::os/arch`). */
  namedContexts?: Record<string, string>;
  /** `--no-cache` (true) or `--no-cache-filter a,b` (stage names). */
  noCacheFilter?: string[] | true;
  /** Every file of the context, relative to its root with `/` separators; enables source checks. */
  contextFiles?: string[];
  /** The text of the `.dockerignore` that applies (see `selectDockerignore`). */
  dockerignore?: string;
  /** Path of the Dockerfile (for messages). */
  dockerfilePath?: string;
  /** Context files whose content changed since the previous build (relative to the context root). */
  changedPaths?: string[];
  /** Base images (as written after expansion, or normalised) whose digest moved since the previous build. */
  changedImages?: string[];
  /** `--label K=V`: merged over the target image's labels. */
  labels?: Record<string, string>;
  /**
   * The previous build to compare with, for cache prediction. Fields left out are taken from this build, so
   * `{ buildArgs: {...} }` asks "what if only the build args differed". Default: this build with nothing changed.
   */
  previous?: PreviousBuild;
}

export interface PreviousBuild {
  dockerfileText?: string;
  buildArgs?: Record<string, string | undefined>;
  platform?: string;
  buildPlatform?: string;
  namedContexts?: Record<string, string>;
  contextFiles?: string[];
  dockerignore?: string;
}

export type CacheOutcome = "hit" | "miss" | "content-dependent" | "forced" | "not-built";

export type ArgSource = "build-arg" | "default" | "global" | "builtin" | "unset";

export interface ArgValue {
  name: string;
  /** Absent when the ARG is declared without any value. */
  value?: string;
  source: ArgSource;
}

/**
 * What is known after an instruction. Unknown values (from a base image) are left out. `env` and `args`
 * are built from the stage's history when read, and each read returns a new record.
 */
export interface StepState {
  workdir?: string;
  user?: string;
  shell: string[];
  /** The image config's environment set by this Dockerfile (plus PATH for scratch). */
  env: Record<string, string>;
  /** ARGs in scope that have a value. */
  args: Record<string, string>;
}

export interface HealthcheckConfig {
  test: string[];
  interval?: string;
  timeout?: string;
  startPeriod?: string;
  startInterval?: string;
  retries?: number;
}

/** The final image config, as far as the Dockerfile determines it. */
export interface ImageConfig {
  env: Record<string, string>;
  workdir?: string;
  user?: string;
  entrypoint?: string[] | null;
  cmd?: string[] | null;
  exposedPorts: string[];
  volumes: string[];
  labels: Record<string, string>;
  healthcheck: HealthcheckConfig | null;
  stopSignal?: string;
  /** MAINTAINER. */
  author?: string;
  shell?: string[];
  onBuild: string[];
  /** Set when an explicit `--platform` forces the image's os/architecture. */
  platform?: string;
  /** True when the image starts from an external base whose config is unknown offline. */
  inheritsUnknownBase: boolean;
}

export interface StepPlan {
  line: number;
  endLine: number;
  /** Upper-cased keyword; `ONBUILD RUN` style for triggers run from a parent stage. */
  instruction: string;
  /** The instruction as written (continuations joined). */
  text: string;
  /** The instruction with its variables expanded the way BuildKit expands them (equal to `text` for others). */
  expanded: string;
  /** True when the step adds a filesystem layer. */
  layer: boolean;
  /** True when the step is an LLB vertex (RUN, COPY, ADD, WORKDIR other than `/`). */
  vertex: boolean;
  cache: CacheOutcome;
  /** Why the step has its cache outcome (absent for plain hits). */
  cacheReason?: string;
  /** BuildKit's progress line name, e.g. `[build 3/5] RUN make`; absent for metadata steps. */
  progress?: string;
  state: StepState;
  /** All ARGs in scope (also the unset ones), with the source of their value; new copies on each read. */
  argDetails: ArgValue[];
  /** The `docker history` "created by" text. */
  history?: string;
  /** ARGs whose build-time value shadows an ENV of the same name for this step. */
  shadowedEnv?: string[];
  /** For an ONBUILD trigger run in this stage: the line of the ONBUILD instruction in the parent stage. */
  triggerOf?: string;
  /**
   * For a vertex of a built stage: when it could start, as the longest chain of vertices before it (image
   * pulls are 0). Steps with the same wave may run in parallel.
   */
  wave?: number;
}

export type EdgeKind = "base" | "copy-from" | "mount-from" | "onbuild";

export interface StageEdge {
  /** A stage id, or an external source (`image:<ref>` or `context:<name>`). */
  from: string;
  /** Stage id. */
  to: string;
  kind: EdgeKind;
  line: number;
}

export interface StagePlan {
  index: number;
  name: string | null;
  id: string;
  /** The FROM reference after ARG expansion, as written. */
  base: string;
  /** The id of the stage this one builds on, if any. */
  baseStage: string | null;
  baseKind: "image" | "scratch" | "stage" | "context";
  /** The named context that replaces this stage or its base, if any. */
  context?: string;
  /** The platform this stage runs on, `os/arch[/variant]`. */
  platform: string;
  line: number;
  /** The comment right above FROM that starts with the stage name (`# build compiles the binary`). */
  description?: string;
  built: boolean;
  /** Why the stage is not built. */
  skippedBecause?: string;
  dependsOn: string[];
  steps: StepPlan[];
  /** Index into `steps` of the first step that re-runs, or null. */
  firstMiss: number | null;
  /** The stage's state after its last instruction. */
  finalState: StepState;
  image: ImageConfig;
}

/** A diagnostic with its 1-based line/column position already computed (end exclusive, UTF-16). */
export interface PlanDiagnostic extends Diagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface BuildPlan {
  /** The target stage's id; null when there is no stage or the target is unknown. */
  target: string | null;
  stages: StagePlan[];
  /** Built stage ids in waves that can build in parallel. */
  order: string[][];
  /** The target's image config; null when there is no target. */
  image: ImageConfig | null;
  edges: StageEdge[];
  /** External images the build pulls (bases and `COPY --from` / mount sources of built stages). */
  images: string[];
  /**
   * The context paths the build transfers (BuildKit sends only what the built stages' COPY/ADD sources and
   * bind mounts name; `.` means the whole context), after variable expansion. Empty: nothing is sent.
   */
  contextPaths: string[];
  buildPlatform: string;
  targetPlatform: string;
  /** Meta ARGs (before the first FROM) with their values. */
  globalArgs: ArgValue[];
  /** True when a change set was given (changed paths or images, or a previous build). */
  cacheAnalysed: boolean;
  dockerfilePath?: string;
  diagnostics: PlanDiagnostic[];
}
