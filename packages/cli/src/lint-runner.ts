import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DCLINT_FILE_NAMES, packageHasDclint, type ReportedDiagnostic, type Severity } from "@shipshape/text";
import type { LinterConfig, LintInput, LintOptions, SeverityOrOff, YamlCache } from "@shipshape/linter";
import { FolderListings } from "./listings.js";
import { kindOfExplicitFile, type FileKind } from "./kinds.js";
import { configureShellAssets } from "./shell-assets.js";
import { decodeSource } from "./source-file.js";

/** What gets linted together: one Dockerfile, or the files of one compose project. */
export interface LintUnit {
  kind: FileKind;
  /** Files linted (for a compose project: merged in this order). */
  files: string[];
  /** Files of the walk the unit covers (a compose project's included/extended files); defaults to `files`. */
  members?: string[];
  /** Files of `files` that were read as UTF-16 (see SourceText.encoding). */
  utf16?: Record<string, NonNullable<LintInput["encoding"]>>;
}

/** Plain data (it crosses into worker threads): the linter settings that came from flags and the environment. */
export interface RunnerSettings {
  cwd: string;
  /** The environment: config look-up (HOME, XDG_CONFIG_HOME), ShellCheck (PATH) and compose interpolation. */
  env: Record<string, string | undefined>;
  /** `--env-file`: variables for compose interpolation. */
  envFiles?: string[];
  configFile?: string;
  select?: string[];
  extendSelect: string[];
  ignore: string[];
  severity: Record<string, SeverityOrOff>;
  config: LinterConfig;
}

export interface UnitResult {
  diagnostics: ReportedDiagnostic[];
  /** From the unit's config file, for the exit status when no flag or variable sets them. */
  failureThreshold?: Severity | "none";
  noFail?: boolean;
}

export interface RunResult {
  units: UnitResult[];
  /** Problems in the config files that were used. */
  configDiagnostics: ReportedDiagnostic[];
}

/**
 * The options for @shipshape/linter: files read relative to the working directory, configs found upward.
 * `listings`, the folders the command line's walks listed, answers whether a file exists there without a
 * stat call (it stays on the thread that walked: worker threads ask the file system).
 */
export function linterOptions(settings: RunnerSettings, listings?: FolderListings): LintOptions {
  return {
    select: settings.select,
    extendSelect: settings.extendSelect,
    ignore: settings.ignore,
    severity: settings.severity,
    config: settings.config,
    configFile: settings.configFile,
    readFile: (p) => readText(path.resolve(settings.cwd, p), listings),
    findConfig: configFinder(settings.cwd, settings.env, listings),
    env: Object.fromEntries(Object.entries(settings.env).filter((e): e is [string, string] => e[1] !== undefined)),
    envFiles: settings.envFiles,
  };
}

// File access here is synchronous: a one-file run would otherwise spend a good part of its time going
// round the event loop (a config look-up is some twenty stat calls), and the reads are small.
export async function readText(abs: string, listings?: FolderListings): Promise<string | undefined> {
  try {
    // Most reads are of files that may not exist (a `.dockerignore` beside each Dockerfile): asking first
    // costs a stat call (unless a walk listed the folder), a failed read an exception.
    const listed = listings?.isFile(abs);
    if (listed === false || (listed === undefined && !statSync(abs, { throwIfNoEntry: false }))) return undefined;
    return decodeSource(readFileSync(abs)).text;
  } catch {
    return undefined;
  }
}

const PROJECT_CONFIGS = [".shipshape.yaml", ".shipshape.yml"];
const HADOLINT_CONFIGS = [".hadolint.yaml", ".hadolint.yml"];

/**
 * `.shipshape.yaml` upward from the file's folder; else, for a compose file, dclint's config the same
 * way (a `package.json` only when it has a `dclint` key); else `.hadolint.yaml` the same way; else
 * hadolint's per-user files. Found paths are given relative to the working directory when inside it
 * (they appear in reports). Stdin's config is searched from the working directory.
 */
export function configFinder(
  cwd: string,
  env: Record<string, string | undefined>,
  listings?: FolderListings,
): (file: string, kind?: "dockerfile" | "compose") => Promise<string | undefined> {
  const cache = new Map<string, string | undefined>();
  const home = env.HOME ?? os.homedir();
  const xdg = env.XDG_CONFIG_HOME || path.join(home, ".config");
  const userConfigs = [
    ...["hadolint.yaml", "hadolint.yml"].map((n) => path.join(xdg, n)),
    ...["hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml"].map((n) => path.join(home, ".hadolint", n)),
    ...HADOLINT_CONFIGS.map((n) => path.join(home, n)),
  ];
  // Per folder and name list, what the search up from it finds: files in sibling folders share their
  // parents' answers (a walk over 800 Dockerfiles made some 28,000 stat calls without this).
  // A folder no walk listed is listed here once, when the search first reaches it: one call instead of a
  // stat call per name looked for (25 for a compose file), which 349 compose files named on the
  // command line (as pre-commit names them) paid some 6,000 times.
  const lookup = new ListingOnDemand(listings);
  const project = new Map<string, string | undefined>();
  const dclint = new Map<string, string | undefined>();
  const hadolint = new Map<string, string | undefined>();
  let user: [string | undefined] | undefined;
  const find = (dir: string, compose: boolean): string | undefined =>
    searchUp(dir, PROJECT_CONFIGS, project, lookup) ??
    (compose ? searchUp(dir, DCLINT_FILE_NAMES, dclint, lookup, isDclintConfig) : undefined) ??
    searchUp(dir, HADOLINT_CONFIGS, hadolint, lookup) ??
    (user ??= [firstExisting(userConfigs, lookup)])[0];
  return async (file, kind) => {
    const dir = file === "-" ? cwd : path.dirname(path.resolve(cwd, file));
    const compose = (kind ?? (file === "-" ? "dockerfile" : kindOfExplicitFile(file))) === "compose";
    const key = `${compose ? "c" : "d"}${dir}`;
    let abs = cache.get(key);
    if (!cache.has(key)) cache.set(key, (abs = find(dir, compose)));
    if (!abs) return undefined;
    const rel = path.relative(cwd, abs);
    return rel.startsWith("..") || path.isAbsolute(rel) ? abs : rel;
  };
}

/** Whether a path is a regular file, when known without a stat call (see FolderListings.isFile). */
interface FileLookup {
  isFile(absPath: string): boolean | undefined;
}

/**
 * Answers whether a file exists from a walk's listings when they cover its folder, else from a listing of
 * the folder made when first asked about it. undefined (ask with stat) for a folder that cannot be listed.
 */
class ListingOnDemand implements FileLookup {
  private readonly own = new FolderListings();
  private readonly unlistable = new Set<string>();
  constructor(private readonly walk?: FolderListings) {}

  isFile(absPath: string): boolean | undefined {
    const dir = path.dirname(absPath);
    if (this.walk?.has(dir)) return this.walk.isFile(absPath);
    if (!this.own.has(dir)) {
      // A folder its parent's listing lacks is not there: no call for it.
      const known = this.walk?.isFile(absPath) ?? this.own.isFile(absPath);
      if (known === false || this.unlistable.has(dir)) return known;
      try {
        this.own.record(dir, readdirSync(dir, { withFileTypes: true }));
      } catch {
        this.unlistable.add(dir); // absent, not a folder, or not readable: stat decides
        return known;
      }
    }
    return this.own.isFile(absPath);
  }
}

/** A found dclint config file counts, except a `package.json` without a top-level `dclint` key. */
function isDclintConfig(file: string): boolean {
  if (path.basename(file) !== "package.json") return true;
  try {
    return packageHasDclint(readFileSync(file, "utf8"));
  } catch {
    return false;
  }
}

/**
 * The first of `names` in `start` or the nearest folder above it that has one (and that `accept`s);
 * `seen` keeps each folder's answer.
 */
function searchUp(
  start: string,
  names: readonly string[],
  seen: Map<string, string | undefined>,
  lookup: FileLookup,
  accept?: (file: string) => boolean,
): string | undefined {
  const visited: string[] = [];
  let found: string | undefined;
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (seen.has(dir)) {
      found = seen.get(dir);
      break;
    }
    visited.push(dir);
    found = firstExisting(names.map((n) => path.join(dir, n)), lookup, accept);
    if (found || path.dirname(dir) === dir) break;
  }
  for (const dir of visited) seen.set(dir, found);
  return found;
}

function firstExisting(candidates: readonly string[], lookup: FileLookup, accept?: (file: string) => boolean): string | undefined {
  for (const c of candidates) {
    const listed = lookup.isFile(c);
    if (listed !== undefined) {
      if (listed && (!accept || accept(c))) return c;
      continue;
    }
    try {
      if (statSync(c, { throwIfNoEntry: false })?.isFile() && (!accept || accept(c))) return c;
    } catch {
      // unreadable (a folder without search permission): as if absent
    }
  }
  return undefined;
}

/** From this many compose files a thread primes the YAML parser before parsing them (see `primeYaml`). */
export const PRIME_YAML_AT = 100;

/**
 * Primes the YAML parser (@shipshape/compose's `primeYamlParser`) on this thread when it is about to parse
 * `composeFiles` compose files: a long run saves many times the few milliseconds the samples take.
 */
export async function primeYaml(composeFiles: number): Promise<void> {
  if (composeFiles < PRIME_YAML_AT) return;
  const { primeYamlParser } = await import("@shipshape/compose");
  primeYamlParser();
}

/** How many units a run with ShellCheck lints at once (see `runUnits`). */
const SHELLCHECK_WINDOW = 128;

/**
 * Lints units with one linter session (configs parsed once), with the YAML trees already parsed on this
 * thread when given (`yamlCache`). A failure on one unit becomes an
 * `internal-error` diagnostic on its first file; the other units are still linted.
 */
export async function runUnits(
  units: readonly LintUnit[],
  texts: ReadonlyMap<string, string>,
  settings: RunnerSettings,
  yamlCache?: YamlCache,
  listings?: FolderListings,
): Promise<RunResult> {
  const { LintSession } = await import("@shipshape/linter");
  const hasDockerfiles = units.some((u) => u.kind === "dockerfile");
  await primeYaml(units.reduce((n, u) => (u.kind === "compose" ? n + u.files.length : n), 0));
  await configureShellAssets();
  const shellcheck = hasDockerfiles ? await shellcheckRunner(settings) : undefined;
  const session = new LintSession({ ...linterOptions(settings, listings), shellcheck, yamlCache });
  const results: (UnitResult | undefined)[] = new Array(units.length);
  const lintOne = async (unit: LintUnit, index: number): Promise<void> => {
    const diagnostics: ReportedDiagnostic[] = [];
    let threshold: Severity | "none" | undefined;
    let noFail: boolean | undefined;
    const inputs = unit.files.flatMap((file) => {
      const text = texts.get(file);
      return text === undefined ? [] : [{ path: file, text, kind: unit.kind, encoding: unit.utf16?.[file] }];
    });
    if (inputs.length === 0) return;
    try {
      // A compose project is linted as one (its files merged); a Dockerfile alone.
      const found = await session.lintUnit(inputs);
      const config = await session.configFor(inputs[0]!.path, unit.kind);
      // dclint's `quiet` (or a config's): errors only, for the files this config covers.
      diagnostics.push(...(config.quiet ? found.filter((d) => d.severity === "error") : found));
      threshold = config.failureThreshold;
      noFail = config.noFail;
    } catch (e) {
      diagnostics.push(internalErrorOn(inputs[0]!.path, e));
    }
    results[index] = { diagnostics, failureThreshold: threshold, noFail };
  };
  if (shellcheck === undefined) {
    for (let i = 0; i < units.length; i++) await lintOne(units[i]!, i);
  } else {
    // With ShellCheck, most of a unit's time is waiting for its process. Units are linted SHELLCHECK_WINDOW at
    // a time: each waits for ShellCheck while the others are linted, and the runner checks together the
    // scripts they ask for in one turn of the event loop (see createShellcheckRunner).
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < units.length) {
        const i = next++;
        await lintOne(units[i]!, i);
      }
    };
    await Promise.all(Array.from({ length: Math.min(SHELLCHECK_WINDOW, units.length) }, worker));
  }
  let configDiagnostics: ReportedDiagnostic[] = [];
  try {
    configDiagnostics = session.configDiagnostics();
  } catch {
    // reported per file already if it matters
  }
  return { units: results.filter((r) => r !== undefined), configDiagnostics };
}

/** ShellCheck on RUN scripts when a `shellcheck` executable is on PATH (SHIPSHAPE_SHELLCHECK: another binary, or 0 for none). */
async function shellcheckRunner({ env, cwd }: RunnerSettings) {
  const choice = env.SHIPSHAPE_SHELLCHECK?.trim();
  if (choice && ["0", "false", "no", "off"].includes(choice.toLowerCase())) return undefined;
  const binary = choice || undefined;
  // As createShellcheckRunner: the given PATH, else the process's.
  if (!mayBeExecutable(binary ?? "shellcheck", env.PATH ?? process.env.PATH ?? "")) return undefined;
  try {
    const { createShellcheckRunner } = await import("@shipshape/shell/process");
    return createShellcheckRunner({ binary, pathEnv: env.PATH, cwd });
  } catch {
    return undefined;
  }
}

/**
 * False when no file could be the executable: `name` itself when it is a path, else `name` (or `name.exe`)
 * in a PATH folder. A cheap look before loading the ShellCheck runner's module (child_process and
 * fs/promises: some 15 ms of a one-file run), which makes the real check (executable, a file); most
 * machines have no ShellCheck.
 */
export function mayBeExecutable(name: string, pathEnv: string): boolean {
  if (name.includes("/") || name.includes(path.sep)) return existsSync(path.resolve(name));
  return pathEnv
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => existsSync(path.join(dir, name)) || existsSync(path.join(dir, `${name}.exe`)));
}

export function internalErrorOn(file: string, e: unknown): ReportedDiagnostic {
  const reason = e instanceof Error ? e.message : String(e);
  return {
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    code: "internal-error",
    rule: "internal-error",
    aliases: [],
    severity: "error",
    message: `shipshape failed on this file: ${reason.split("\n")[0]}`,
    category: "correctness",
  };
}
