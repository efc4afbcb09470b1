/** The library entry point: `await lint([{ path, text }], options)` → the objects `--format json` prints. */
import { LineIndex, type Diagnostic, type ReportedDiagnostic } from "@shipshape/text";
import { ConfigLoader, type FindConfig, type ReadFile } from "./config/discover.js";
import { selectRules, type Selection } from "./config/select.js";
import { mergeConfigs, type FailureThreshold, type LinterConfig, type SeverityOrOff } from "./config/types.js";
import { errorText, internalError } from "./engine/builders.js";
import { lintDockerfileText, lintDockerfileWithShellcheck } from "./engine/lint-dockerfile.js";
import type { ShellcheckRunner } from "./engine/shellcheck.js";
import { initShell } from "@shipshape/shell";
import { fileKindOf } from "./file-kind.js";
import { RuleSet } from "./registry.js";
import { compareDiagnostics, compareReported, toReported } from "./report.js";
import type { Rule, RuleKind, SourceFile } from "./rule.js";
import { defaultRuleSet } from "./rules/all.js";

export interface LintInput {
  /** The path as given (`-` for stdin); used in the output, for config discovery and the kind. */
  path: string;
  text: string;
  /** Forces the kind (`--kind`); else it comes from the name. */
  kind?: RuleKind;
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
}

/** Lints files; diagnostics sorted by file, line, column. Never throws for a bad file. */
export async function lint(files: readonly LintInput[], options: LintOptions = {}): Promise<ReportedDiagnostic[]> {
  const session = new LintSession(options);
  const out: ReportedDiagnostic[] = [];
  for (const file of files) out.push(...(await session.lintReported(file)));
  out.push(...session.configDiagnostics());
  return out.sort(compareReported);
}

/**
 * Synchronous lint of one file with the configuration in `options` only (no config files are read):
 * offset diagnostics in position order. For tests and editors that already hold the settings.
 */
export function lintSync(file: LintInput, options: LintOptions = {}): Diagnostic[] {
  const session = new LintSession(options);
  return session.lintWithConfig(file, session.optionsConfig).diagnostics.sort(compareDiagnostics);
}

/** Offset diagnostics of one file (for editors), plus the configuration it was linted with. */
export async function lintDocument(
  file: LintInput,
  options: LintOptions = {},
): Promise<{ diagnostics: Diagnostic[]; config: LinterConfig; configDiagnostics: ReportedDiagnostic[] }> {
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
  async configFor(path: string): Promise<LinterConfig> {
    const configPath = this.options.configFile ?? (this.options.noConfigSearch ? undefined : await this.loader.locate(path));
    if (!configPath) return this.cliConfig;
    const loaded = await this.loader.load(configPath);
    if (!loaded) return this.cliConfig;
    this.usedConfigs.add(configPath);
    this.loadedSync.set(configPath, loaded);
    return mergeConfigs(loaded.config, this.cliConfig);
  }

  async lintFile(input: LintInput): Promise<{ diagnostics: Diagnostic[]; config: LinterConfig; selection: Selection }> {
    const config = await this.configFor(input.path);
    const kind = input.kind ?? fileKindOf(input.path);
    if (kind !== "dockerfile") return this.lintWithConfig(input, config);
    await initShell().catch(() => undefined); // without the grammar, shell-based rules see no commands
    const selection = selectRules(this.rules, config, kind);
    const file: SourceFile = { path: input.path, text: input.text, lines: new LineIndex(input.text) };
    try {
      const { diagnostics } = await lintDockerfileWithShellcheck(file, this.rules, selection, config, this.options.shellcheck);
      return { diagnostics, config, selection };
    } catch (e) {
      return { diagnostics: [internalError(`Linting failed: ${errorText(e)}`, { start: 0, end: 0 })], config, selection };
    }
  }

  /** Lints one file with a given configuration (no config file look-up): synchronous. */
  lintWithConfig(input: LintInput, config: LinterConfig): { diagnostics: Diagnostic[]; config: LinterConfig; selection: Selection } {
    const kind = input.kind ?? fileKindOf(input.path);
    const selection = selectRules(this.rules, config, kind);
    const file: SourceFile = { path: input.path, text: input.text, lines: new LineIndex(input.text) };
    let diagnostics: Diagnostic[];
    try {
      diagnostics = kind === "dockerfile" ? lintDockerfileText(file, this.rules, selection, config).diagnostics : [];
    } catch (e) {
      diagnostics = [internalError(`Linting failed: ${errorText(e)}`, { start: 0, end: 0 })];
    }
    return { diagnostics, config, selection };
  }

  /** The configuration from the options alone (what `lintSync` uses). */
  get optionsConfig(): LinterConfig {
    return this.cliConfig;
  }

  async lintReported(input: LintInput): Promise<ReportedDiagnostic[]> {
    const { diagnostics } = await this.lintFile(input);
    const lines = new LineIndex(input.text);
    const other = new Map<string, LineIndex>();
    return diagnostics.map((d) => {
      if (d.file === undefined || d.file === input.path) return toReported(d, input.path, lines);
      // A finding in another file (a compose file of the project, a Dockerfile a service builds).
      let idx = other.get(d.file);
      if (!idx) other.set(d.file, (idx = new LineIndex(this.readCached(d.file) ?? "")));
      return toReported(d, d.file, idx);
    });
  }

  /** Problems in the config files used so far, each reported once. */
  configDiagnostics(): ReportedDiagnostic[] {
    const out: ReportedDiagnostic[] = [];
    for (const path of this.usedConfigs) {
      const loaded = this.loadedSync.get(path);
      if (!loaded) continue;
      const lines = new LineIndex(loaded.text);
      for (const d of loaded.diagnostics) out.push(toReported(d, path, lines));
    }
    return out;
  }

  private readonly loadedSync = new Map<string, { text: string; diagnostics: Diagnostic[] }>();
  private readonly texts = new Map<string, string>();

  private readCached(path: string): string | undefined {
    return this.texts.get(path);
  }
}
