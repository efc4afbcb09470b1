/** The library entry point: `await lint([{ path, text }], options)` → the objects `--format json` prints. */
import { clipMessage, LineIndex, type Diagnostic, type ReportedDiagnostic } from "@shipshape/text";
import { ConfigLoader, type FindConfig, type ReadFile } from "./config/discover.js";
import { selectRules, type Selection } from "./config/select.js";
import { mergeConfigs, type FailureThreshold, type LinterConfig, type SeverityOrOff } from "./config/types.js";
import { errorText, internalError } from "./engine/builders.js";
import { lintDockerfileText, lintDockerfileWithShellcheck } from "./engine/lint-dockerfile.js";
import type { ShellcheckRunner } from "./engine/shellcheck.js";
import { initShell, isShellReady } from "@shipshape/shell";
import { parseDockerfile, parseError, type Dockerfile, type Instruction } from "@shipshape/dockerfile";
import { fileKindOf } from "./file-kind.js";
import type { SemanticModel } from "@shipshape/semantic";
import { lintComposeProject, prefetchComposeProject, type ComposeEnvironment } from "./engine/lint-compose.js";
import { YamlCache } from "@shipshape/compose";
import { RuleSet } from "./registry.js";
import { compareDiagnostics, compareReported, toReported } from "./report.js";
import type { Rule, RuleKind, SourceFile } from "./rule.js";
import { InstructionMemo } from "./engine/instruction-memo.js";
import { defaultRuleSet } from "./rules/all.js";

/** How many Dockerfiles a memoizing session keeps findings for (an editor's open files, roughly). */
const MEMOIZED_FILES = 32;

export interface LintInput {
  /** The path as given (`-` for stdin); used in the output, for config discovery and the kind. */
  path: string;
  text: string;
  /** Forces the kind (`--kind`); else it comes from the name. */
  kind?: RuleKind;
  /**
   * How the host decoded the file's bytes, when not as UTF-8: a Dockerfile read as UTF-16 gets DF010
   * (`docker build` cannot read it); a compose file is linted as it reads.
   */
  encoding?: "utf-16le" | "utf-16be";
  /**
   * What a host (an editor) already made of this exact text, so it is not made twice: the line index,
   * and for a Dockerfile its parse. They must belong to `text`.
   */
  lines?: LineIndex;
  parsed?: { ast: Dockerfile; errors: Diagnostic[] };
  /** The semantic model of `parsed.ast`, when the host built it already (hover and lint then share one). */
  semantic?: SemanticModel;
}

export interface LintOptions {
  /** The rules to choose from; default: every registered rule. */
  rules?: readonly Rule[];
  /** Settings applied over any config file (what CLI flags say). */
  config?: LinterConfig;
  /** Shorthands merged into `config`. */
  select?: string[];
  extendSelect?: string[];
  ignore?: string[];
  severity?: Record<string, SeverityOrOff>;
  failureThreshold?: FailureThreshold;
  /** An explicit config file (`--config`): used for every file instead of searching. */
  configFile?: string;
  /** Reads a file, undefined when it does not exist: config files, and files that cross-file checks need. */
  readFile?: ReadFile;
  /** Locates the config of a file; default: search upward with `readFile`. */
  findConfig?: FindConfig;
  /** Do not look for config files at all. */
  noConfigSearch?: boolean;
  /**
   * Runs ShellCheck on RUN scripts (`createShellcheckRunner()` from `@shipshape/shell/process`).
   * Without one there are no SC findings.
   */
  shellcheck?: ShellcheckRunner;
  /** Variables for compose interpolation (the CLI passes the process environment); default none. */
  env?: Record<string, string>;
  /** `--env-file` paths for compose; default `.env` beside the first compose file. */
  envFiles?: string[];
  /**
   * Parsed compose YAML to keep across runs (an editor holds one for its session): a file whose text did
   * not change is not parsed again, and an edit inside one service re-parses only that service.
   */
  yamlCache?: YamlCache;
  /**
   * Keep each Dockerfile's findings from `local` rules between lints of the same path, and reuse them for
   * instructions whose text and shell did not change (an editor re-linting as the user types). Costs a
   * little on a first lint; for one-off runs leave it off.
   */
  memoize?: boolean;
}

/**
 * Messages that quote source text are clipped where the quote is huge (`clipMessage`): a 100 KB word
 * taken for an instruction would otherwise fill every report with it. Changes the diagnostics in place.
 */
function clipMessages(diagnostics: Diagnostic[]): Diagnostic[] {
  for (const d of diagnostics) {
    d.message = clipMessage(d.message);
    for (const r of d.related ?? []) r.message = clipMessage(r.message);
  }
  return diagnostics;
}

/**
 * An input a program passed with the wrong types (no text, no path): the path to report it under and the
 * message, or undefined for a usable input. Such an input gets one internal-error finding, not a throw.
 */
function badInput(file: LintInput): { path: string; message: string } | undefined {
  if (file === null || typeof file !== "object") return { path: "-", message: "Linting failed: the input is not a { path, text } object" };
  const path = typeof file.path === "string" ? file.path : "-";
  if (typeof file.text !== "string") {
    return { path, message: `Linting failed: the text of ${path} is ${file.text === null ? "null" : typeof file.text}, not a string` };
  }
  if (typeof file.path !== "string") return { path, message: "Linting failed: the input has no path (a string; - for stdin)" };
  return undefined;
}

/** Lints files; diagnostics sorted by file, line, column. Never throws for a bad file. */
export async function lint(files: readonly LintInput[], options: LintOptions = {}): Promise<ReportedDiagnostic[]> {
  const session = new LintSession(options);
  const out: ReportedDiagnostic[] = [];
  // Each file on its own (a compose file as a project of its own); `LintSession.lintUnit` groups files.
  for (const file of files) {
    const bad = badInput(file);
    if (bad) out.push(toReported(internalError(bad.message, { start: 0, end: 0 }), bad.path, new LineIndex("")));
    else out.push(...(await session.lintReported(file)));
  }
  out.push(...session.configDiagnostics());
  return out.sort(compareReported);
}

/**
 * Synchronous lint of one file with the configuration in `options` only (no config files are read):
 * offset diagnostics in position order. For tests and editors that already hold the settings.
 */
export function lintSync(file: LintInput, options: LintOptions = {}): Diagnostic[] {
  const bad = badInput(file);
  if (bad) return [internalError(bad.message, { start: 0, end: 0 })];
  const session = new LintSession(options);
  return session.lintWithConfig(file, session.optionsConfig).diagnostics.sort(compareDiagnostics);
}

/** Offset diagnostics of one file (for editors), plus the configuration it was linted with. */
export async function lintDocument(
  file: LintInput,
  options: LintOptions = {},
): Promise<{ diagnostics: Diagnostic[]; config: LinterConfig; configDiagnostics: ReportedDiagnostic[] }> {
  const bad = badInput(file);
  if (bad) return { diagnostics: [internalError(bad.message, { start: 0, end: 0 })], config: {}, configDiagnostics: [] };
  const session = new LintSession(options);
  const result = await session.lintFile(file);
  return { ...result, configDiagnostics: session.configDiagnostics() };
}

/** Holds what is shared across the files of one run: the rule set, the config cache. */
export class LintSession {
  readonly rules: RuleSet;
  private readonly loader: ConfigLoader;
  private readonly usedConfigs = new Set<string>();
  private readonly cliConfig: LinterConfig;

  constructor(private readonly options: LintOptions) {
    this.rules = options.rules ? new RuleSet(options.rules) : defaultRuleSet();
    this.loader = new ConfigLoader(this.rules, options.readFile, options.findConfig);
    this.cliConfig = mergeConfigs(options.config, {
      select: options.select,
      extendSelect: options.extendSelect,
      ignore: options.ignore,
      severity: options.severity,
      failureThreshold: options.failureThreshold,
    });
  }

  /** The effective configuration for a file: its config file (if any), then the options. */
  async configFor(path: string, kind: RuleKind = fileKindOf(path)): Promise<LinterConfig> {
    const configPath = this.options.configFile ?? (this.options.noConfigSearch ? undefined : await this.loader.locate(path, kind));
    if (!configPath) return this.cliConfig;
    const loaded = await this.loader.load(configPath);
    if (!loaded) return this.cliConfig;
    this.usedConfigs.add(configPath);
    this.loadedSync.set(configPath, loaded);
    let merged = this.mergedConfigs.get(configPath);
    if (!merged) this.mergedConfigs.set(configPath, (merged = mergeConfigs(loaded.config, this.cliConfig)));
    return merged;
  }

  private readonly mergedConfigs = new Map<string, LinterConfig>();
  private readonly selections = new WeakMap<LinterConfig, Map<string, Selection>>();

  /** The rules a config selects for a kind, computed once per config. */
  private selectionFor(config: LinterConfig, kind: RuleKind): Selection {
    let byKind = this.selections.get(config);
    if (!byKind) this.selections.set(config, (byKind = new Map()));
    let selection = byKind.get(kind);
    if (!selection) byKind.set(kind, (selection = selectRules(this.rules, config, kind)));
    return selection;
  }

  async lintFile(input: LintInput): Promise<{ diagnostics: Diagnostic[]; config: LinterConfig; selection: Selection }> {
    const kind = input.kind ?? fileKindOf(input.path);
    if (kind === "compose") return this.lintProject([input]);
    const config = await this.configFor(input.path, kind);
    const selection = await this.withDockerignore(input.path, this.selectionFor(config, kind));
    const file = sourceFile(input);
    try {
      const parsed = withFileErrors(input);
      // The bash grammar (a wasm module) is loaded the first time a file has shell to parse. Without it the
      // shell-based rules see no commands, so a grammar that cannot be loaded (wasm files missing from an
      // install or a bundle) is said: the file would otherwise come out with fewer findings and nothing to
      // tell why.
      const firstShell = isShellReady() ? undefined : parsed.ast.instructions.find(runsShell);
      const shellProblem = firstShell && (await initShell().then(() => undefined, (e: unknown) => errorText(e).split("\n")[0]));
      const semantic = input.parsed && parsed.ast === input.parsed.ast ? input.semantic : undefined;
      // Findings made without the grammar are not kept for the next lint, which may have it.
      const memo = this.options.memoize && shellProblem === undefined ? this.memoFor(input.path) : undefined;
      const { diagnostics } = await lintDockerfileWithShellcheck(file, this.rules, selection, config, this.options.shellcheck, parsed, semantic, memo);
      if (firstShell && shellProblem !== undefined) {
        const message = `The shell parser could not be loaded (${shellProblem}), so the rules that read shell commands did not run on this file`;
        diagnostics.unshift(internalError(message, firstShell.keywordWord.range));
      }
      return { diagnostics: clipMessages(diagnostics), config, selection };
    } catch (e) {
      return { diagnostics: [internalError(`Linting failed: ${errorText(e)}`, { start: 0, end: 0 })], config, selection };
    }
  }

  /** Per-instruction findings kept per Dockerfile path (`memoize`), the most recently linted paths only. */
  private readonly memos = new Map<string, InstructionMemo>();

  private memoFor(path: string): InstructionMemo {
    let memo = this.memos.get(path);
    if (memo) this.memos.delete(path);
    else {
      memo = new InstructionMemo();
      if (this.memos.size >= MEMOIZED_FILES) this.memos.delete(this.memos.keys().next().value!);
    }
    this.memos.set(path, memo);
    return memo;
  }

  /** The `.dockerignore` text in force per Dockerfile path, read once per session (undefined: none). */
  private readonly dockerignores = new Map<string, string | undefined>();

  /**
   * CopyIgnoredFile needs the `.dockerignore` in force for the Dockerfile. Unless the configuration gives
   * it, it is read through the reader as BuildKit picks it with the context being the Dockerfile's folder
   * (what `docker build -f X .` from that folder does): `<Dockerfile>.dockerignore` first, else
   * `.dockerignore` beside the Dockerfile.
   */
  private async withDockerignore(path: string, selection: Selection): Promise<Selection> {
    const readFile = this.options.readFile;
    const index = selection.active.findIndex((a) => a.rule.code === "CopyIgnoredFile");
    if (!readFile || path === "-" || index < 0 || selection.active[index]!.options.dockerignore !== undefined) return selection;
    let text: string | undefined;
    if (this.dockerignores.has(path)) text = this.dockerignores.get(path);
    else {
      const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
      const dir = slash >= 0 ? path.slice(0, slash + 1) : "";
      for (const candidate of [`${path}.dockerignore`, `${dir}.dockerignore`]) {
        try {
          text = await readFile(candidate);
        } catch {
          text = undefined;
        }
        if (text !== undefined) break;
      }
      this.dockerignores.set(path, text);
    }
    if (text === undefined) return selection;
    // The same selection for the same text, so what is keyed on it (the rules' memo slots) stays valid.
    let byText = this.withIgnores.get(selection);
    if (!byText) this.withIgnores.set(selection, (byText = new Map()));
    let derived = byText.get(text);
    if (!derived) {
      const active = [...selection.active];
      active[index] = { ...active[index]!, options: { ...active[index]!.options, dockerignore: text } };
      derived = { ...selection, active };
      if (byText.size >= 16) byText.clear();
      byText.set(text, derived);
    }
    return derived;
  }

  private readonly withIgnores = new WeakMap<Selection, Map<string, Selection>>();

  /**
   * Lints compose files as one project (`docker compose -f a -f b`; the first file's config applies).
   * Diagnostics carry `file`; findings in files the project reaches (includes, extends) come too.
   */
  async lintProject(inputs: readonly LintInput[]): Promise<{ diagnostics: Diagnostic[]; config: LinterConfig; selection: Selection }> {
    const config = await this.configFor(inputs[0]?.path ?? "compose.yaml", "compose");
    const files = inputs.map(sourceFile);
    await prefetchComposeProject(files, this.composeEnv());
    return this.lintProjectWithConfig(files, config);
  }

  private lintProjectWithConfig(files: SourceFile[], config: LinterConfig) {
    const selection = this.selectionFor(config, "compose");
    let diagnostics: Diagnostic[];
    try {
      diagnostics = [...lintComposeProject(files, this.rules, selection, config, this.composeEnv()).values()].flat();
    } catch (e) {
      diagnostics = [{ ...internalError(`Linting failed: ${errorText(e)}`, { start: 0, end: 0 }), file: files[0]?.path }];
    }
    return { diagnostics: clipMessages(diagnostics), config, selection };
  }

  private composeEnv(): ComposeEnvironment {
    return { readFile: this.options.readFile, env: this.options.env, envFiles: this.options.envFiles, cache: this.texts, yamlCache: this.yamls };
  }

  /** Lints one file with a given configuration (no config file look-up, nothing read): synchronous. */
  lintWithConfig(input: LintInput, config: LinterConfig): { diagnostics: Diagnostic[]; config: LinterConfig; selection: Selection } {
    const kind = input.kind ?? fileKindOf(input.path);
    if (kind === "compose") return this.lintProjectWithConfig([sourceFile(input)], config);
    const selection = this.selectionFor(config, kind);
    let diagnostics: Diagnostic[];
    try {
      const parsed = withFileErrors(input);
      diagnostics = lintDockerfileText(sourceFile(input), this.rules, selection, config, { parsed, semantic: input.parsed && parsed.ast === input.parsed.ast ? input.semantic : undefined }).diagnostics;
    } catch (e) {
      diagnostics = [internalError(`Linting failed: ${errorText(e)}`, { start: 0, end: 0 })];
    }
    return { diagnostics: clipMessages(diagnostics), config, selection };
  }

  /** The configuration from the options alone (what `lintSync` uses). */
  get optionsConfig(): LinterConfig {
    return this.cliConfig;
  }

  /** One file in the JSON shape. A compose file is linted as a project of its own. */
  async lintReported(input: LintInput): Promise<ReportedDiagnostic[]> {
    // One line index serves the rules and the report.
    const withLines = input.lines ? input : { ...input, lines: new LineIndex(input.text) };
    const { diagnostics } = await this.lintFile(withLines);
    return this.report(diagnostics, [withLines]);
  }

  /**
   * Several files as one unit: compose files as one project, a Dockerfile alone. In the JSON shape,
   * sorted by file, line, column.
   */
  async lintUnit(inputs: readonly LintInput[]): Promise<ReportedDiagnostic[]> {
    if (inputs.length === 0) return [];
    const kind = inputs[0]!.kind ?? fileKindOf(inputs[0]!.path);
    if (kind === "compose") return this.report((await this.lintProject(inputs)).diagnostics, inputs).sort(compareReported);
    const out: ReportedDiagnostic[] = [];
    for (const input of inputs) out.push(...(await this.lintReported(input)));
    return out.sort(compareReported);
  }

  private report(diagnostics: readonly Diagnostic[], inputs: readonly LintInput[]): ReportedDiagnostic[] {
    const main = inputs[0]!.path;
    const indexes = new Map<string, LineIndex>();
    const indexOf = (file: string) => {
      let idx = indexes.get(file);
      if (!idx) {
        const input = inputs.find((i) => i.path === file);
        idx = input?.lines ?? new LineIndex(input?.text ?? this.texts.get(file) ?? "");
        indexes.set(file, idx);
      }
      return idx;
    };
    return diagnostics.map((d) => toReported(d, d.file ?? main, indexOf(d.file ?? main)));
  }

  /** Problems in the config files used so far, each reported once. */
  configDiagnostics(): ReportedDiagnostic[] {
    const out: ReportedDiagnostic[] = [];
    for (const path of this.usedConfigs) {
      const loaded = this.loadedSync.get(path);
      if (!loaded) continue;
      const lines = new LineIndex(loaded.text);
      for (const d of loaded.diagnostics) out.push(toReported({ ...d, message: clipMessage(d.message) }, path, lines));
    }
    return out;
  }

  private readonly loadedSync = new Map<string, { text: string; diagnostics: Diagnostic[] }>();
  /** Texts read for compose projects (included files, Dockerfiles of services), shared by the run. */
  private readonly texts = new Map<string, string | undefined>();

  /**
   * Drops the texts of files read for compose projects (and `.dockerignore` texts), keeping the rule set,
   * config files and rule selections. A host that keeps one session across lints calls this before each
   * lint whose other files may have changed (an editor's unsaved buffers).
   */
  forgetFiles(): void {
    this.texts.clear();
    this.dockerignores.clear();
  }

  /** Compose YAML parsed in this run: prefetching, loading the project and each file's model share one parse. */
  private get yamls(): YamlCache {
    return this.options.yamlCache ?? (this.ownYamls ??= new YamlCache());
  }
  private ownYamls?: YamlCache;
}

/** How far into a file a NUL character makes it binary (git's test). */
const BINARY_PROBE = 8000;

/**
 * A Dockerfile with a NUL character near its start is binary data (or text in an encoding the build cannot
 * read): it gets DF011 and nothing else, at the first NUL, with the AST of an empty file (no rule runs on
 * it: see `lintDockerfileText`). Else its parse, and for a file read as UTF-16, DF010 on its first line before
 * the parser's own errors.
 */
function withFileErrors(input: LintInput): { ast: Dockerfile; errors: Diagnostic[] } {
  const nul = input.text.indexOf("\u0000");
  if (nul >= 0 && nul < BINARY_PROBE) {
    const message = "This file holds binary data (a NUL character here), not Dockerfile text; it is not linted. If it is a Dockerfile saved as UTF-16 or UTF-32 without a byte-order mark, save it as UTF-8";
    return { ast: parseDockerfile("").ast, errors: [parseError("binary", message, { start: nul, end: nul + 1 })] };
  }
  return withEncodingError(input, input.parsed ?? parseDockerfile(input.text));
}

/** A Dockerfile read as UTF-16 gets DF010 on its first line, before the parser's own errors. */
function withEncodingError(input: LintInput, parsed: { ast: Dockerfile; errors: Diagnostic[] }): { ast: Dockerfile; errors: Diagnostic[] } {
  if (input.encoding === undefined) return parsed;
  const lineEnd = input.text.search(/\r|\n|$/);
  const endian = input.encoding === "utf-16le" ? "little-endian" : "big-endian";
  const error = parseError("utf16", `This Dockerfile is saved as UTF-16 (${endian}); docker build reads it as UTF-8 and fails here: save it as UTF-8`, { start: 0, end: lineEnd });
  return { ast: parsed.ast, errors: [error, ...parsed.errors] };
}

function sourceFile(input: LintInput): SourceFile {
  return { path: input.path, text: input.text, lines: input.lines ?? new LineIndex(input.text) };
}

/** Instructions whose text a shell runs (shell form, heredocs), as `parseInstructionShell` reads them. */
const SHELL_KINDS = new Set(["Run", "Cmd", "Entrypoint", "Healthcheck", "Shell"]);
function runsShell(instr: Instruction): boolean {
  const target = instr.kind === "Onbuild" ? instr.trigger : instr;
  return target !== undefined && SHELL_KINDS.has(target.kind);
}
