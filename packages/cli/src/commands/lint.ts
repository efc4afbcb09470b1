import { closeSync, openSync, readFileSync, statSync, writeSync } from "node:fs";
import path from "node:path";
import { DCLINT_FILE_NAMES, dclintConfigKind, packageHasDclint, SEVERITY_RANK, type ReportedDiagnostic, type Severity } from "@shipshape/text";
import { groupComposeProjects } from "../compose-projects.js";
import { describeFsError, discoverFiles, type FolderListings, type FoundFile } from "../discover.js";
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, version } from "../io.js";
import { LINT_OPTIONS } from "../options.js";
import { configFinder, readText, type LintUnit, type RunResult, type RunnerSettings, internalErrorOn, linterOptions, runUnits } from "../lint-runner.js";
import type { ParsedCommand } from "../main.js";
import { type Report, REPORTERS } from "../reporters/index.js";
import { compareDiagnostics } from "../reporters/common.js";
import { type FileOutputSettings, type LintSettings, resolveLintSettings } from "../settings.js";
import { inShard } from "../shard.js";
import { decodeSource, encodeSource, type SourceText, writeFileAtomic } from "../source-file.js";
import { poolSize } from "../pool.js";
import type { YamlCache } from "@shipshape/compose";

/** `shipshape lint [PATH|-]...`: discover, lint (fixing first with --fix), report, exit 0/1/2. */
export async function lintCommand({ values, positionals }: ParsedCommand, io: CliIO): Promise<number> {
  const settings = resolveLintSettings(LINT_OPTIONS, values, positionals, io.env, io.stdout.isTTY === true, await configOutputSettings(values, io));
  // A config file named by --config or SHIPSHAPE_CONFIG that cannot be read would leave every finding of
  // the run made without it: that is bad usage, said before anything is linted.
  const configProblem = settings.config === undefined ? undefined : unreadableConfig(path.resolve(io.cwd, settings.config));
  if (configProblem !== undefined) {
    io.stderr.write(`shipshape: ${settings.config}: ${configProblem} (the config file given by --config or SHIPSHAPE_CONFIG)\n`);
    return EXIT_USAGE;
  }
  const unknown = await unknownRuleRefs(settings, io);
  if (unknown !== undefined) {
    io.stderr.write(`shipshape: ${unknown}\n`);
    return EXIT_USAGE;
  }
  const problems: string[] = [];
  const { units, sources, yamlCache, listings } = await collectUnits(settings, io, problems);
  const runner = runnerSettings(settings, io);
  const extra: ReportedDiagnostic[] = [];
  if (settings.verbose) await sayConfigs(units, settings, io, listings);
  if (settings.diff) return printFixes(units, sources, runner, settings, io, problems, listings);

  if (settings.fix) await fixInPlace(units, sources, runner, io, extra, listings, problems);

  const texts = new Map([...sources].map(([file, s]) => [file, s.text]));
  let result: RunResult;
  // SHIPSHAPE_WORKERS sets the worker threads (0 or 1: lint on the main thread).
  const workers = Number.parseInt(io.env.SHIPSHAPE_WORKERS ?? "", 10);
  const threads = poolSize(units.length, Number.isNaN(workers) ? undefined : workers);
  if (threads > 0) {
    const { runUnitsInPool } = await import("../pool.js");
    // A pool that cannot start (a missing worker file, a platform without threads) must not fail the run.
    result = await runUnitsInPool(units, texts, runner, threads).catch(() => runUnits(units, texts, runner, yamlCache, listings));
  } else {
    result = await runUnits(units, texts, runner, yamlCache, listings);
  }

  const all = dedupe([...result.units.flatMap((u) => u.diagnostics), ...result.configDiagnostics, ...extra]).sort(compareDiagnostics);
  const shown = settings.quiet ? all.filter((d) => d.severity === "error") : all;
  const files = units.flatMap((u) => u.files);
  await addSourcesOfReportedFiles(shown, texts, io.cwd);
  const reports = [{ format: settings.format, output: settings.output }, ...settings.moreReports];
  // Only the formats that describe rules need the rule table (building it costs time at start-up).
  const rules = reports.some((r) => r.format === "sarif" || r.format === "sonarqube") ? await ruleInfos() : [];
  const named = settings.filePathInReport === undefined ? { diagnostics: shown, sources: texts, files } : renamed(settings.filePathInReport, shown, texts, files);
  for (const target of reports) {
    const report = REPORTERS[target.format](named.diagnostics, rules, {
      color: settings.color && target.output === undefined,
      sources: named.sources,
      files: named.files,
      version: version(),
      cwd: io.cwd,
    });
    writeOutput(report, target.output, "report", io, problems);
  }

  for (const p of problems) io.stderr.write(`shipshape: ${p}\n`);
  if (problems.length) return EXIT_USAGE;
  return failed(result, all, settings) ? EXIT_FINDINGS : EXIT_OK;
}

/** Whether any finding reaches its failure threshold: the flag or variable, else the file's config, else `info`. */
function failed(result: RunResult, all: readonly ReportedDiagnostic[], settings: LintSettings): boolean {
  if (settings.noFail) return false;
  // -q reports errors only, and only what it reports can fail the run (dclint's --quiet): a run that prints
  // "No problems found" must not fail over the warnings it hid.
  // A problem in a hadolint or dclint config is shown but fails nothing: those tools read what they
  // understand and go on, and a project that moved from them keeps passing.
  const reported = (d: ReportedDiagnostic) => (!settings.quiet || d.severity === "error") && !inPeerConfig(d);
  if (settings.maxWarnings !== undefined && all.filter((d) => reported(d) && d.severity === "warning").length > settings.maxWarnings) return true;
  const reaches = (d: ReportedDiagnostic, threshold: Severity | "none") => reported(d) && threshold !== "none" && SEVERITY_RANK[d.severity] >= SEVERITY_RANK[threshold];
  const fallback = settings.failureThreshold ?? settings.envFailureThreshold ?? "info";
  const covered = new Set<ReportedDiagnostic>();
  for (const unit of result.units) {
    const threshold = settings.failureThreshold ?? unit.failureThreshold ?? settings.envFailureThreshold ?? "info";
    for (const d of unit.diagnostics) covered.add(d);
    if (unit.noFail) continue;
    if (unit.diagnostics.some((d) => reaches(d, threshold))) return true;
  }
  return all.some((d) => !covered.has(d) && reaches(d, fallback));
}

/**
 * hadolint's --file-path-in-report: every finding under one name (a Dockerfile read from stdin gets its
 * real name). The source under that name is the linted file's when there was one file, else none.
 */
function renamed(
  name: string,
  diagnostics: readonly ReportedDiagnostic[],
  texts: ReadonlyMap<string, string>,
  files: readonly string[],
): { diagnostics: ReportedDiagnostic[]; sources: Map<string, string>; files: string[] } {
  const only = files.length === 1 ? texts.get(files[0]!) : undefined;
  return {
    diagnostics: diagnostics.map((d) => ({ ...d, file: name })),
    sources: new Map(only === undefined ? [] : [[name, only]]),
    files: files.length === 0 ? [] : [name],
  };
}

/** --verbose: the config file each unit is linted with, on stderr (as hadolint says which config it read). */
async function sayConfigs(units: readonly LintUnit[], settings: LintSettings, io: CliIO, listings: FolderListings): Promise<void> {
  const find = configFinder(io.cwd, io.env, listings);
  for (const unit of units) {
    const file = unit.files[0]!;
    const config = settings.config ?? (await find(file, unit.kind));
    io.stderr.write(`shipshape: ${unit.files.join(", ")}: ${config === undefined ? "no config file" : `config ${config}`}\n`);
  }
}

/** Findings in files the run did not read itself (a compose project's included files) get their text too. */
async function addSourcesOfReportedFiles(diagnostics: readonly ReportedDiagnostic[], texts: Map<string, string>, cwd: string): Promise<void> {
  for (const file of new Set(diagnostics.map((d) => d.file))) {
    if (texts.has(file)) continue;
    try {
      texts.set(file, decodeSource(readFileSync(path.resolve(cwd, file))).text);
    } catch {
      // the reporters do without the source of this file
    }
  }
}

/** One copy of each finding (config problems come from every worker that used the config). */
function dedupe(diagnostics: ReportedDiagnostic[]): ReportedDiagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    // NUL separates the fields: no path, number or code holds one, and the message comes last (half the cost
    // of a JSON key over the corpus's 11,000 findings).
    const key = `${d.file}\0${d.line}\0${d.column}\0${d.endLine}\0${d.endColumn}\0${d.code}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function ruleInfos() {
  try {
    const { listRules } = await import("@shipshape/linter");
    return listRules();
  } catch {
    return [];
  }
}

function runnerSettings(settings: LintSettings, io: CliIO): RunnerSettings {
  // Options of several rules that flags give (hadolint's --trusted-registry, --require-label, --strict-labels).
  const sharedOptions: Record<string, unknown> = {};
  if (settings.trustedRegistries) sharedOptions.trustedRegistries = settings.trustedRegistries;
  if (settings.labelSchema) sharedOptions.labelSchema = settings.labelSchema;
  if (settings.strictLabels) sharedOptions.strictLabels = true;
  return {
    cwd: io.cwd,
    env: { ...io.env },
    // Relative to the working directory, as docker compose reads --env-file (compose would take it relative to the project).
    envFiles: settings.envFiles?.map((f) => path.resolve(io.cwd, f)),
    configFile: settings.config,
    select: settings.select,
    extendSelect: settings.extendSelect,
    ignore: settings.ignore,
    severity: settings.severity,
    config: {
      ...(Object.keys(sharedOptions).length ? { sharedOptions } : {}),
      ...(settings.disableIgnorePragma ? { disableIgnorePragma: true } : {}),
    },
  };
}

/**
 * The units to lint: stdin, each Dockerfile, and compose projects (files of one walk grouped as
 * `docker compose` loads them; `--compose-file` files as one project), limited to the shard, with their
 * text read. Paths that cannot be read are recorded in `problems` and left out. `yamlCache` holds the YAML
 * trees that grouping parsed, and `listings` the folders the walks listed, for a lint on this thread.
 */
export async function collectUnits(
  settings: LintSettings,
  io: CliIO,
  problems: string[],
): Promise<{ units: LintUnit[]; sources: Map<string, SourceText>; yamlCache?: YamlCache; listings: FolderListings }> {
  const sources = new Map<string, SourceText>();
  const read = async (file: string): Promise<boolean> => {
    if (sources.has(file)) return true;
    try {
      // Synchronous, as the config look-up (lint-runner.ts): small files, and no trip round the event loop each.
      sources.set(file, decodeSource(file === "-" ? await io.readStdin() : readFileSync(path.resolve(io.cwd, file))));
      return true;
    } catch (e) {
      problems.push(`${file}: ${describeFsError(e)}`);
      return false;
    }
  };

  const units: LintUnit[] = [];
  if (settings.paths.includes("-")) units.push({ kind: settings.kind ?? "dockerfile", files: ["-"] });
  const discovery = await discoverFiles(
    settings.paths.filter((p) => p !== "-"),
    { cwd: io.cwd, kind: settings.kind, exclude: settings.exclude },
  );
  for (const e of discovery.errors) problems.push(`${e.path}: ${e.message}`);
  for (const e of discovery.skipped) io.stderr.write(`shipshape: warning: ${e.path}: ${e.message}; the folder was not walked\n`);
  // Only walks are filtered, and only compose files: no look-up when a walk found none.
  const skipCompose = discovery.files.some((f) => f.kind === "compose" && f.walk !== undefined) ? await dclintExcluded(io.cwd, discovery.listings) : () => false;

  if (settings.composeFiles.length) units.push({ kind: "compose", files: [...settings.composeFiles] });
  const inComposeProject = new Set(settings.composeFiles.map((f) => path.resolve(io.cwd, f)));
  const walks = new Map<string, FoundFile[]>();
  let yamlCache: YamlCache | undefined;
  for (const f of discovery.files) {
    if (f.kind === "compose" && f.walk !== undefined && skipCompose(f.path)) continue;
    if (f.kind === "dockerfile") units.push({ kind: "dockerfile", files: [f.path] });
    else if (inComposeProject.has(path.resolve(io.cwd, f.path))) continue;
    else if (f.walk === undefined) units.push({ kind: "compose", files: [f.path] });
    else {
      let list = walks.get(f.walk);
      if (!list) walks.set(f.walk, (list = []));
      list.push(f);
    }
  }
  for (const found of walks.values()) {
    const files = found.map((f) => f.path);
    const readable: string[] = [];
    for (const f of files) if (await read(f)) readable.push(f);
    let references;
    if (readable.length > 1) {
      try {
        const { composeReferenceReader } = await import("../compose-references.js");
        const reader = await composeReferenceReader(new Map(readable.map((f) => [f, sources.get(f)!.text])), yamlCache);
        references = reader.references;
        yamlCache = reader.yamlCache;
      } catch {
        references = undefined; // grouping by folder still works without the compose model
      }
    }
    for (const project of groupComposeProjects(readable, references)) units.push({ kind: "compose", files: project.files, members: project.members });
  }

  const shard = settings.shard;
  const kept = shard ? units.filter((u) => inShard(u.files[0] === "-" ? "-" : path.relative(io.cwd, path.resolve(io.cwd, u.files[0]!)), shard)) : units;
  const out: LintUnit[] = [];
  for (const unit of kept) {
    const files: string[] = [];
    for (const f of unit.files) if (await read(f)) files.push(f);
    if (!files.length) continue;
    const utf16: NonNullable<LintUnit["utf16"]> = {};
    for (const f of files) {
      const encoding = sources.get(f)!.encoding;
      if (encoding === "utf-16le" || encoding === "utf-16be") utf16[f] = encoding;
    }
    out.push(Object.keys(utf16).length ? { ...unit, files, utf16 } : { ...unit, files });
  }
  return { units: out, sources, yamlCache, listings: discovery.listings };
}

/** What the safe fixes make of one file: its fixed text, or the failure. */
type FixOutcome = { file: string; source: SourceText; fixed: string } | { file: string; error: unknown };

/**
 * The safe fixes (in rounds until stable) of the files they change, in unit order, for --fix and --diff.
 * A file that is not UTF-8 is left out with a word on stderr: fixed text is UTF-8, and such a file would
 * lose bytes (invalid UTF-8 read as U+FFFD) or change encoding. Stdin is fixed for --diff only: --fix has
 * nowhere to write it.
 */
async function* safeFixes(
  units: readonly LintUnit[],
  sources: ReadonlyMap<string, SourceText>,
  runner: RunnerSettings,
  io: CliIO,
  listings: FolderListings,
  mode: "--fix" | "--diff",
): AsyncGenerator<FixOutcome> {
  const { fixFile } = await import("@shipshape/linter");
  // Fixes rewrite files that exist, so the walk's listings stay true while they are made.
  const options = linterOptions(runner, listings);
  for (const unit of units) {
    for (const file of unit.files) {
      const source = sources.get(file);
      if (!source) continue;
      if (file === "-" && mode === "--fix") {
        io.stderr.write("shipshape: --fix does not change stdin; reporting only\n");
        continue;
      }
      if (source.encoding !== "utf-8") {
        const what = source.encoding === "invalid-utf-8" ? "has bytes that are not UTF-8" : `is ${source.encoding.toUpperCase()}`;
        io.stderr.write(`shipshape: ${file} ${what}; --fix leaves it as it is\n`);
        continue;
      }
      let result;
      try {
        result = await fixFile({ path: file, text: source.text, kind: unit.kind }, options);
      } catch (error) {
        yield { file, error };
        continue;
      }
      if (result.changed) yield { file, source, fixed: result.text };
    }
  }
}

/** `--fix`: the safe fixes written atomically, only for files that change; a failure is a finding on the file. */
async function fixInPlace(
  units: readonly LintUnit[],
  sources: Map<string, SourceText>,
  runner: RunnerSettings,
  io: CliIO,
  extra: ReportedDiagnostic[],
  listings: FolderListings,
  problems: string[],
): Promise<void> {
  for await (const fix of safeFixes(units, sources, runner, io, listings, "--fix")) {
    if ("error" in fix) {
      extra.push(internalErrorOn(fix.file, fix.error));
      continue;
    }
    try {
      await writeFileAtomic(path.resolve(io.cwd, fix.file), encodeSource(fix.fixed, fix.source));
      sources.set(fix.file, { ...fix.source, text: fix.fixed });
    } catch (e) {
      // Not shipshape's failure but the file system's: said on stderr, and the run ends with status 2.
      problems.push(`${fix.file}: cannot write the fixes (${describeWriteError(e)})`);
    }
  }
}

/** A finding about a hadolint or dclint config file (not about the linted code). */
function inPeerConfig(d: ReportedDiagnostic): boolean {
  if (d.code !== "invalid-config") return false;
  const slashed = d.file.replace(/\\/g, "/");
  return /(^|\/)(\.?hadolint\.ya?ml|\.hadolint\/config\.ya?ml)$/i.test(slashed) || dclintConfigKind(slashed) !== undefined;
}

/**
 * Rule names on the command line (and in the variables that stand for its options) that name no rule. In
 * --select they are bad usage: the run would check nothing and pass. In --ignore and --extend-select (where
 * a hadolint project may still name a rule hadolint has since deleted) they are a warning on stderr.
 * ShellCheck's codes are not known in advance: any SCnnnn is taken.
 */
async function unknownRuleRefs(settings: LintSettings, io: CliIO): Promise<string | undefined> {
  const refs = [...(settings.select ?? []), ...settings.extendSelect, ...settings.ignore];
  if (refs.length === 0) return undefined;
  const { defaultRuleSet } = await import("@shipshape/linter");
  const rules = defaultRuleSet();
  const known = (ref: string) => ref.trim() === "" || /^(all|SC\d{4})$/i.test(ref.trim()) || rules.resolveAll(ref).length > 0;
  const bad = (settings.select ?? []).filter((r) => !known(r));
  if (bad.length) return `--select (or SHIPSHAPE_SELECT) names no rule: ${bad.join(", ")} (\`shipshape rules\` lists them)`;
  const loose = [...settings.extendSelect, ...settings.ignore].filter((r) => !known(r));
  if (loose.length) io.stderr.write(`shipshape: warning: --ignore or --extend-select names no rule: ${[...new Set(loose)].join(", ")}\n`);
  return undefined;
}

/** Why a config file cannot be read, or undefined when it can. */
function unreadableConfig(file: string): string | undefined {
  try {
    if (statSync(file).isDirectory()) return "is a directory";
    closeSync(openSync(file, "r"));
    return undefined;
  } catch (e) {
    return describeFsError(e);
  }
}

/** Why a fixed file could not be written, in a few words (and where the fixed text was kept, if it was). */
function describeWriteError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "read-only file system",
    ENOSPC: "no space left on device",
    EDQUOT: "disk quota exceeded",
    ENOENT: "no such file or directory",
  };
  const reason = (err?.code !== undefined && known[err.code]) || (err instanceof Error ? err.message : String(e));
  const kept = /the fixed text is in (.+)$/.exec(err instanceof Error ? err.message : "");
  return kept ? `${reason}; the fixed text is in ${kept[1]}` : reason;
}

/**
 * --diff (dclint's --fix-dry-run): the changes --fix would make, as one unified diff of every file that
 * would change (paths as given, under `a/` and `b/`, so `git apply` or `patch -p1` in the working
 * directory applies it), written to stdout or --output; no file is written. Exit 1 when there is a change,
 * 0 when there is none, 2 when a path could not be read or fixed.
 */
async function printFixes(
  units: readonly LintUnit[],
  sources: Map<string, SourceText>,
  runner: RunnerSettings,
  settings: LintSettings,
  io: CliIO,
  problems: string[],
  listings: FolderListings,
): Promise<number> {
  const { createTwoFilesPatch } = await import("diff");
  let patch = "";
  for await (const fix of safeFixes(units, sources, runner, io, listings, "--diff")) {
    if ("error" in fix) {
      problems.push(`${fix.file}: cannot be fixed: ${fix.error instanceof Error ? fix.error.message : String(fix.error)}`);
      continue;
    }
    const name = fix.file.split(path.sep).join("/");
    // The file as it is (its BOM too) against exactly what --fix would write, so the patch applies.
    const before = (fix.source.bom ? "\uFEFF" : "") + fix.source.text;
    // jsdiff starts with a line of "=" (its Index: block); a patch needs only the --- and +++ lines.
    patch += createTwoFilesPatch(`a/${name}`, `b/${name}`, before, encodeSource(fix.fixed, fix.source), "", "").replace(/^=+\n/, "");
  }
  writeOutput(patch, settings.output, "diff", io, problems);
  for (const p of problems) io.stderr.write(`shipshape: ${p}\n`);
  if (problems.length) return EXIT_USAGE;
  return patch === "" ? EXIT_OK : EXIT_FINDINGS;
}

/**
 * A report (whole or in pieces) or diff to its file, else to stdout; a file that cannot be written is a
 * problem (exit 2).
 */
function writeOutput(report: Report, output: string | undefined, what: string, io: CliIO, problems: string[]): void {
  const pieces = typeof report === "string" ? [report] : report;
  if (output === undefined) {
    for (const piece of pieces) io.stdout.write(piece);
    return;
  }
  try {
    const fd = openSync(path.resolve(io.cwd, output), "w");
    try {
      for (const piece of pieces) {
        const bytes = Buffer.from(piece, "utf8");
        for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      }
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    problems.push(`${output}: cannot write the ${what}: ${describeFsError(e)}`);
  }
}

/**
 * dclint's `exclude` list, as dclint reads it: from its config in the working directory, each entry a
 * fragment of the path that skips the compose files a folder walk finds whose path contains it.
 * Returns a predicate on walked paths; one that skips nothing when there is no such config.
 */
async function dclintExcluded(cwd: string, listings: FolderListings): Promise<(file: string) => boolean> {
  for (const name of DCLINT_FILE_NAMES) {
    const text = await readText(path.join(cwd, name), listings);
    if (text === undefined || (name === "package.json" && !packageHasDclint(text))) continue;
    const { dclintExcludes } = await import("@shipshape/linter");
    const fragments = dclintExcludes(text, name);
    return fragments.length === 0 ? () => false : (f) => fragments.some((x) => f.includes(x));
  }
  return () => false;
}

/**
 * The report settings of the working directory's config (hadolint reads `format`, `output`, `no-color` and
 * `verbose` from `.hadolint.yaml`): `--config` or SHIPSHAPE_CONFIG, else the `.shipshape.yaml` or
 * `.hadolint.yaml` that applies to the working directory. Flags and variables win over them.
 */
async function configOutputSettings(values: ParsedCommand["values"], io: CliIO): Promise<FileOutputSettings | undefined> {
  const explicit = typeof values.config === "string" ? values.config : io.env.SHIPSHAPE_CONFIG?.trim() || undefined;
  const found = explicit ?? (await configFinder(io.cwd, io.env)("-"));
  if (found === undefined || !/\.ya?ml$/i.test(found)) return undefined;
  let text: string;
  try {
    text = readFileSync(path.resolve(io.cwd, found), "utf8");
  } catch {
    return undefined; // reported by the lint, which reads the same file
  }
  // Most configs say nothing about the report: YAML is parsed only when one of these keys is there.
  if (!/^\s*["']?(?:formats?|outputs?|no-?color|verbose)["']?\s*:/im.test(text)) return undefined;
  const { outputSettingsOf } = await import("@shipshape/linter");
  return { path: found, ...outputSettingsOf(text) };
}
