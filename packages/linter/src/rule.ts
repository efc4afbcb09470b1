/**
 * The rule API: `defineRule({...meta, create(ctx) { return visitor } })`.
 *
 * A rule is metadata (code, name, docs, defaults) plus `create`, which is called once per file and
 * returns a visitor keyed by node kind. The engine merges the visitors of all enabled rules into one
 * dispatch table and walks each file once. Rules report nodes (or ranges taken from nodes) and build
 * fixes with `ctx.fix`; they never compute offsets themselves.
 */
import type {
  Comment,
  Directive,
  Dockerfile,
  FromInstruction,
  Instruction,
  InstructionKind,
  Node,
} from "@shipshape/dockerfile";
import type { ComposeFile, ComposeProject, Named, Obj, Service } from "@shipshape/compose";
import type { SemanticModel } from "@shipshape/semantic";
import type { EmbeddedScript, ParsedEmbeddedScript } from "@shipshape/shell";
import type { Category, Fix, FixSafety, LineIndex, Range, Severity, TextEdit } from "@shipshape/text";
import { dedent } from "./docs.js";

export type RuleKind = "dockerfile" | "compose";

// ---------------------------------------------------------------------------------------------
// Options: a small schema per rule, used for validation, defaults, `ctx.options` types and the
// generated JSON schema of the config file.

export type OptionSpec =
  | { type: "string"; description: string; default?: string }
  | { type: "string[]"; description: string; default?: readonly string[] }
  | { type: "boolean"; description: string; default?: boolean }
  | { type: "number"; description: string; default?: number }
  | { type: "enum"; values: readonly string[]; description: string; default?: string }
  /** A map of string keys to string values (e.g. hadolint's `label-schema`). */
  | { type: "string-map"; description: string; default?: Readonly<Record<string, string>> };

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type OptionValue<S extends OptionSpec> = S extends { type: "string" }
  ? string
  : S extends { type: "string[]" }
    ? readonly string[]
    : S extends { type: "boolean" }
      ? boolean
      : S extends { type: "number" }
        ? number
        : S extends { type: "enum"; values: readonly (infer V)[] }
          ? V
          : S extends { type: "string-map" }
            ? Readonly<Record<string, string>>
            : never;

/** The option values a rule sees: those with a default are always present. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O as O[K] extends { default: unknown } ? K : never]: OptionValue<O[K]>;
} & {
  readonly [K in keyof O as O[K] extends { default: unknown } ? never : K]?: OptionValue<O[K]>;
};

// ---------------------------------------------------------------------------------------------
// Metadata

export interface RuleMeta {
  /** Stable code: hadolint's (`DL3007`), BuildKit's check name (`StageNameCasing`) or our own prefix. */
  code: string;
  /** Kebab-case name of the problem (`latest-tag`). */
  name: string;
  /** Other codes/names meaning this rule (a BuildKit check name for a hadolint rule, a dclint rule name). */
  aliases?: readonly string[];
  kind: RuleKind;
  category: Category;
  /** Default severity. */
  severity: Severity;
  enabledByDefault: boolean;
  /** Declared when the rule offers fixes: the safety of the fixes it builds with `ctx.fix`. */
  fix?: FixSafety;
  /** Markdown under the fixed headings (see docs.ts); its Example / Use instead blocks are run as tests. */
  docs: string;
  options?: OptionSpecs;
  /**
   * The rule switches on when the configuration supplies one of its options, as hadolint's DL3026 does
   * with `trustedRegistries` (use with `enabledByDefault: false`).
   */
  enabledByOptions?: boolean;
}

/**
 * A rule's metadata as its module writes it. `docs` may be a function that returns them, as the built-in
 * rules write them (`docs: () => md\`...\``): a lint never reads docs, and a function that never runs is
 * never compiled, so the text stays out of the code V8 compiles at load and out of the CLI's code cache
 * (the docs were 330 KB of its 1.76 MB, and reading that cache took 24 ms instead of 20).
 */
export interface DefinedMeta extends Omit<RuleMeta, "docs"> {
  docs: string | (() => string);
}

// ---------------------------------------------------------------------------------------------
// Reporting

/** What can be reported or edited: any AST node, or a range taken from one. */
export type Target = Node | Range;

export interface ReportExtra {
  fix?: Fix;
  /** Other places that explain the finding (e.g. the first definition of a duplicate). */
  related?: { message: string; target: Target; file?: string }[];
  tags?: ("unnecessary" | "deprecated")[];
}

/** Builders for text edits; every position comes from a node or a node's range. */
export interface EditBuilder {
  replace(target: Target, text: string): TextEdit;
  remove(target: Target): TextEdit;
  insertBefore(target: Target, text: string): TextEdit;
  insertAfter(target: Target, text: string): TextEdit;
}

/** Builders for whole fixes; their safety is the rule's declared `fix` unless given. */
export interface FixBuilder {
  replace(target: Target, text: string, title?: string): Fix;
  remove(target: Target, title?: string): Fix;
  insertBefore(target: Target, text: string, title?: string): Fix;
  insertAfter(target: Target, text: string, title?: string): Fix;
  /** A fix made of several edits. */
  of(title: string, edits: TextEdit[], safety?: FixSafety): Fix;
}

export interface SourceFile {
  /** The path as given (`-` for stdin). */
  path: string;
  text: string;
  lines: LineIndex;
}

/** What every rule context has, whatever the file kind. */
export interface BaseRuleContext<O> {
  readonly rule: RuleMeta;
  readonly file: SourceFile;
  /** This rule's options from the configuration, defaults applied. */
  readonly options: O;
  report(target: Target, message: string, extra?: ReportExtra): void;
  readonly fix: FixBuilder;
  readonly edit: EditBuilder;
  /** The source text of a node or range. */
  text(target: Target): string;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile rules

/** A build stage as the walk sees it: its FROM and the instructions up to the next FROM. */
export interface StageSpan {
  index: number;
  from: FromInstruction;
  /** The `AS` name as written (not lower-cased); absent for an unnamed stage. */
  name?: string;
  /** Instructions of the stage, FROM excluded, ONBUILD triggers not expanded. */
  instructions: Instruction[];
}

export type InstructionOfKind<K extends InstructionKind> = Extract<Instruction, { kind: K }>;

/**
 * Visitor hooks. Instruction hooks are keyed by `Instruction["kind"]` (`From`, `Run`, `Copy`, ...);
 * `Instruction` sees every instruction. Order: `File`, then in source order comments, directives and
 * instructions (entering a stage calls `Stage` right before its FROM's hooks), then `Stage:exit` for each
 * stage when it ends, and `File:exit` last. ONBUILD triggers reach the hooks only for rules that set
 * `onbuild: true` (the trigger has `parentOnbuild`), right after the ONBUILD's own hooks.
 */
export type DockerfileVisitor = {
  [K in InstructionKind]?: (node: InstructionOfKind<K>) => void;
} & {
  Instruction?: (node: Instruction) => void;
  Stage?: (stage: StageSpan) => void;
  "Stage:exit"?: (stage: StageSpan) => void;
  Comment?: (comment: Comment) => void;
  Directive?: (directive: Directive) => void;
  File?: (ast: Dockerfile) => void;
  "File:exit"?: (ast: Dockerfile) => void;
};

export type DockerfileHook = keyof DockerfileVisitor;

export interface DockerfileRuleContext<O = Record<string, never>> extends BaseRuleContext<O> {
  readonly ast: Dockerfile;
  /**
   * The semantic model (stages, ARG/ENV scopes, variable uses, stage references), computed on first use
   * and shared by every rule of the file.
   */
  readonly semantic: SemanticModel;
  /**
   * The shell scripts an instruction runs (RUN/CMD/ENTRYPOINT/HEALTHCHECK shell form, heredoc scripts,
   * ONBUILD of those), parsed once and shared by every rule. An exec form gives one entry of kind
   * `exec-form`, its command as written (no shell parses it). With `keep`, only the scripts it keeps
   * (asked before parsing) are parsed and given: see `posixScripts` for the POSIX ones.
   */
  shell(node: Instruction, keep?: (script: EmbeddedScript) => boolean): readonly ParsedEmbeddedScript[];
  /** All stages of the file, in order. */
  readonly stages: readonly StageSpan[];
  /** The stage the walk is in; undefined before the first FROM (global ARGs). */
  readonly stage: StageSpan | undefined;
  /** The stage an instruction belongs to (undefined before the first FROM). */
  stageOf(node: Instruction): StageSpan | undefined;
  /**
   * The shell a RUN in this instruction's stage runs with: the last SHELL before it in the stage (or in
   * a stage it builds on), else a `# hadolint shell=` / `# shipshape shell=` hint, else `/bin/sh -c`.
   */
  shellOf(node: Instruction): readonly string[];
}

export interface DockerfileRuleDefinition<O extends OptionSpecs> extends DefinedMeta {
  kind: "dockerfile";
  options?: O;
  /** Also visit ONBUILD triggers (as hadolint does for most RUN rules). */
  onbuild?: boolean;
  /**
   * The rule judges each instruction by itself: it has instruction hooks only, keeps nothing from one
   * call to the next, and reads only the instruction (its text and nodes, not `startLine`/`endLine` or
   * `prevComments`), its shell (`ctx.shell`, `ctx.shellOf`) and its options. An editor's re-lint then
   * reuses its findings on instructions that did not change. The runner notices reads of anything else
   * (the semantic model, stages, the file, other instructions' text) and runs those calls again every
   * time, so a wrong `local` costs speed, not findings; state kept between calls it cannot notice, and
   * without an editor's memo such state would even carry over from one file to the next.
   */
  local?: boolean;
  /**
   * Called once per file; for a `local` rule, once for many files (its visitor keeps nothing between
   * calls, so the runner reuses it with the context pointed at each file). Must return the same hooks for
   * every file and option value (decide inside a hook, not by leaving it out): the runner learns a rule's
   * hooks once and skips the rule in files where none of them can fire.
   */
  create(ctx: DockerfileRuleContext<OptionValues<O>>): DockerfileVisitor;
}

export interface DockerfileRule extends RuleMeta {
  kind: "dockerfile";
  onbuild?: boolean;
  local?: boolean;
  create(ctx: DockerfileRuleContext<any>): DockerfileVisitor;
}

// ---------------------------------------------------------------------------------------------
// Compose rules

/** A Dockerfile a compose service builds, read through the injected reader and parsed once. */
export interface ServiceDockerfile {
  /** The path as read (context joined with `dockerfile`), or `<service>:dockerfile_inline`. */
  path: string;
  text: string;
  ast: Dockerfile;
  /** Built on first use. */
  readonly semantic: SemanticModel;
}

/**
 * Visitor hooks of compose rules. Per file of the project (the model of that file alone, variables
 * kept as written): `File`, then `Service`, `Network`, `Volume`, `Secret`, `Config` for each entry in
 * file order, then `File:exit`. Once per project, on its first file: `Project`, with the merged project
 * (includes, extends, overrides and interpolation applied). Report nodes from any file: the diagnostic
 * goes to the file the node is in.
 */
export interface ComposeVisitor {
  File?: (model: ComposeFile) => void;
  Service?: (service: Service) => void;
  Network?: (network: Obj & Named) => void;
  Volume?: (volume: Obj & Named) => void;
  Secret?: (secret: Obj & Named) => void;
  Config?: (config: Obj & Named) => void;
  "File:exit"?: (model: ComposeFile) => void;
  Project?: (project: ComposeProject) => void;
}

export type ComposeHook = keyof ComposeVisitor;

export interface ComposeRuleContext<O = Record<string, never>> extends BaseRuleContext<O> {
  /** This file's own model (before merging with the other files of the project). */
  readonly model: ComposeFile;
  /** The project the file belongs to: all its files merged as `docker compose` would. */
  readonly project: ComposeProject;
  /** Models of every compose file of the project given to the linter, by path. */
  readonly models: ReadonlyMap<string, ComposeFile>;
  /**
   * The Dockerfile a service builds (`build.context` + `build.dockerfile`, or `dockerfile_inline`), parsed;
   * undefined when the service does not build or the file cannot be read (remote contexts included).
   */
  dockerfileOf(service: Service): ServiceDockerfile | undefined;
  /** A file the project refers to, read before the rules ran (compose files, Dockerfiles); else undefined. */
  readFile(path: string): string | undefined;
  /**
   * True when `path` was looked up through the reader and could not be read. False when it was read, and
   * when it was never looked up (no reader was given): then nothing is known about it.
   */
  isMissing(path: string): boolean;
}

export interface ComposeRuleDefinition<O extends OptionSpecs> extends DefinedMeta {
  kind: "compose";
  options?: O;
  create(ctx: ComposeRuleContext<OptionValues<O>>): ComposeVisitor;
}

export interface ComposeRule extends RuleMeta {
  kind: "compose";
  create(ctx: ComposeRuleContext<any>): ComposeVisitor;
}

export type Rule = DockerfileRule | ComposeRule;

/**
 * Declares a rule: the definition, frozen, with `aliases` defaulted and `docs` made (when a function) and
 * dedented (see `md`) on first read, so a rule module is `export default defineRule({...})`.
 */
export function defineRule<const O extends OptionSpecs = {}>(def: DockerfileRuleDefinition<O>): DockerfileRule;
export function defineRule<const O extends OptionSpecs = {}>(def: ComposeRuleDefinition<O>): ComposeRule;
export function defineRule(def: DockerfileRuleDefinition<OptionSpecs> | ComposeRuleDefinition<OptionSpecs>): Rule {
  const rule = { ...def, aliases: def.aliases ?? [] };
  const written = def.docs;
  let docs: string | undefined;
  Object.defineProperty(rule, "docs", { enumerable: true, get: () => (docs ??= dedent(typeof written === "function" ? written() : written)) });
  return Object.freeze(rule) as Rule;
}
