/**
 * The semantic model of one Dockerfile: stages, the stage graph, variable scopes and where every ARG and
 * ENV is declared and used. Built by `analyzeDockerfile`; plain data plus a few look-up methods.
 */
import type { Range } from "@shipshape/text";
import type {
  ArgInstruction,
  Dockerfile,
  EnvInstruction,
  FromInstruction,
  Instruction,
  ShellInstruction,
  VariableRef,
  Word,
} from "@shipshape/dockerfile";
import type { ExpandResult, ExpansionError, ExpansionReference } from "./expand.js";
import type { Platform } from "./predefined.js";
import type { ShellKind } from "./runtime-refs.js";

export interface AnalyzeOptions {
  /** `--build-arg` values ("" is a value). */
  buildArgs?: Readonly<Record<string, string>>;
  /** `--target` (looked up case-insensitively, by name only). */
  target?: string;
  /** The daemon's platform; linux/amd64 by default. */
  buildPlatform?: Platform;
  /** `--platform`; the build platform by default. */
  targetPlatform?: Platform;
}

export type OperatingSystem = "linux" | "windows";

export interface VariableDeclaration {
  kind: "arg" | "env";
  name: string;
  nameRange: Range;
  /** The ARG default or ENV value as written (quotes kept). */
  valueWord?: Word;
  instruction: ArgInstruction | EnvInstruction;
  /** The stage it is declared in; undefined for a global (meta) ARG before the first FROM. */
  stage?: Stage;
  global: boolean;
  /** The value it takes in this build; undefined when declared but unset. */
  value?: string;
  valueSource: "build-arg" | "default" | "global" | "predefined" | "env" | "unset";
  /** A stage `ARG NAME` without default takes the global ARG's value: that global declaration. */
  inherits?: VariableDeclaration;
  /** One of the args BuildKit provides or reads itself (TARGETARCH, TARGETSTAGE, HTTP_PROXY, BUILDKIT_*, ...). */
  predefined: boolean;
  /** Every reference that resolves to this declaration (also from derived stages). */
  uses: VariableUse[];
  /** A RUN executes while this value is in its environment, so it can matter without any reference. */
  reachesRun: boolean;
  /** Errors expanding the value. */
  errors: ExpansionError[];
}

export interface VariableUse {
  name: string;
  /** Source range of the whole reference (`$A`, `${A:-x}`), or of the name for a re-declaration. */
  range: Range;
  nameRange: Range;
  instruction: Instruction;
  /** Undefined for a reference in a global ARG default. */
  stage?: Stage;
  /** `build`: BuildKit expands it; `runtime`: the shell or program does, from the process environment. */
  context: "build" | "runtime";
  /** The declaration in force (undefined: not declared in this Dockerfile). */
  declaration?: VariableDeclaration;
  /** A value is available for it at this point (declared and set, predefined, or from the base image). */
  defined: boolean;
  predefined: boolean;
  /** A stage `ARG NAME` that re-declares a global ARG counts as a use of the global one. */
  redeclaration?: boolean;
  /** The parser's node, for build-time references. */
  ref?: VariableRef;
}

export type StageBase =
  | { kind: "scratch" }
  | { kind: "stage"; stage: Stage }
  | { kind: "image"; reference: string }
  | { kind: "unknown"; reason: "missing" | "blank" | "expansion-error" };

/** A word BuildKit expands with the global scope (FROM image, FROM --platform). */
export interface ResolvedText {
  expression: string;
  value: string;
  unmatched: string[];
  errors: ExpansionError[];
}

export interface Stage {
  index: number;
  /** Lower-cased, as BuildKit stores it. */
  name?: string;
  /** The name as written. */
  nameWord?: Word;
  /** The name, or `stage-<index>`. */
  displayName: string;
  from: FromInstruction;
  /** The instructions after FROM up to the next FROM. */
  instructions: Instruction[];
  /** From the FROM to the end of the stage's last instruction. */
  range: Range;
  base: StageBase;
  /** The FROM image expanded with the global scope. */
  image?: ResolvedText;
  platform?: ResolvedText;
  /** Best guess of the stage's OS (platform flag, Windows base images, inherited from a stage base). */
  os: OperatingSystem;
  /** Built for the target (BuildKit prunes the others). */
  reachable: boolean;
  isTarget: boolean;
  /** References from other stages (FROM, COPY --from, RUN --mount from=, ONBUILD). */
  referencedBy: StageReference[];
  /** References this stage makes. */
  references: StageReference[];
  /** ARG and ENV declared in this stage. */
  declarations: VariableDeclaration[];
}

export type StageReferenceTarget =
  | { kind: "stage"; stage: Stage; byIndex: boolean }
  | { kind: "image"; reference: string }
  | { kind: "invalid" };

export interface StageReference {
  kind: "from" | "copy-from" | "mount-from";
  /** Inside an ONBUILD trigger (it takes effect in stages built FROM this one). */
  onbuild: boolean;
  /** The instruction holding it (the ONBUILD instruction for a trigger). */
  instruction: Instruction;
  /** The referencing stage. */
  source: Stage;
  /** The value as written. */
  value: string;
  range: Range;
  target: StageReferenceTarget;
  /**
   * `later-stage`: names a stage defined after this one (FROM pulls an image of that name instead;
   * COPY/mount fail when built); `self`: its own stage (a cycle); `invalid-index`; `variable`: the value
   * uses expansion, which BuildKit rejects; `case-mismatch`: FROM names a stage with other letter case
   * (BuildKit compares exactly and tries an image instead).
   */
  problem?: "later-stage" | "self" | "invalid-index" | "variable" | "case-mismatch";
}

/** Something BuildKit rejects, with its message. */
export interface SemanticProblem {
  code:
    | "empty-dockerfile"
    | "no-stages"
    | "instruction-before-from"
    | "invalid-stage-name"
    | "blank-base-name"
    | "expansion-error"
    | "copy-from-variable"
    | "mount-from-variable"
    | "invalid-stage-index"
    | "copy-from-later-stage"
    | "mount-from-later-stage"
    | "circular-dependency"
    | "target-not-found";
  message: string;
  range: Range;
  instruction?: Instruction;
  stage?: Stage;
  /** Raised only when the stage is built (BuildKit checks it at dispatch). */
  onlyWhenBuilt?: boolean;
}

export interface ScopeEntry {
  name: string;
  value: string;
  /** `image`: from the base image config (only PATH is known without the registry). */
  kind: "arg" | "env" | "predefined" | "image";
  declaration?: VariableDeclaration;
}

/** The variables in force at one point. */
export interface Scope {
  /** The values BuildKit expands with. */
  readonly entries: ReadonlyMap<string, ScopeEntry>;
  /** Declared ARGs without a value (BuildKit does not report them as undefined). */
  readonly unset: ReadonlyMap<string, VariableDeclaration>;
  /** The base image's environment is not known (only BuildKit's default PATH is assumed). */
  readonly baseEnvUnknown: boolean;
  lookup(name: string): string | undefined;
  /** The declaration in force for a name, set or unset. */
  declarationOf(name: string): VariableDeclaration | undefined;
}

export interface ShellInForce {
  shell: string[];
  kind: ShellKind;
  /** The SHELL instruction that set it (possibly in a base stage); undefined for the default. */
  setBy?: ShellInstruction;
}

export interface ResolvedReference extends ExpansionReference {
  declaration?: VariableDeclaration;
  predefined: boolean;
}

export interface Resolution extends Omit<ExpandResult, "references"> {
  references: ResolvedReference[];
}

export interface SemanticModel {
  dockerfile: Dockerfile;
  escape: "\\" | "`";
  stages: Stage[];
  /** ARGs before the first FROM. */
  globalArgs: VariableDeclaration[];
  /** Every ARG and ENV declaration, in file order. */
  declarations: VariableDeclaration[];
  /** Every variable reference, in file order. */
  uses: VariableUse[];
  stageReferences: StageReference[];
  /** The stage built: `--target` or the last one. */
  target?: Stage;
  /** The values of BuildKit's predefined platform args and TARGETSTAGE in this build. */
  predefinedArgs: ReadonlyMap<string, string>;
  problems: SemanticProblem[];
  stageOf(instruction: Instruction): Stage | undefined;
  /** Looks a stage up as COPY --from does: a numeric index or a case-insensitive name. */
  findStage(nameOrIndex: string): Stage | undefined;
  /** The scope in force before an instruction (for FROM: the global scope). */
  scopeAt(instruction: Instruction): Scope;
  /** The SHELL in force for an instruction. */
  shellAt(instruction: Instruction): ShellInForce;
  /**
   * Expands a text with the scope in force before `instruction`. `runtime: true` uses only what the
   * container environment holds (ENV, not ARG), as for CMD.
   */
  resolveAt(instruction: Instruction, text: string, options?: { runtime?: boolean }): Resolution;
  /** ARG declarations nothing refers to (see `reachesRun` for those a RUN may read implicitly). */
  unusedArgs(): VariableDeclaration[];
  /** Stages that are neither the target, nor the last stage, nor referenced by another stage. */
  unusedStages(): Stage[];
}
