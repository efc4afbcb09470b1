/**
 * One compose project, start to end: read what it refers to through the injected reader, load the
 * project as `docker compose` would, parse each file on its own, run the rules, add the loader's errors,
 * and apply each file's suppression comments to the diagnostics in that file.
 */
import { dockerfileLocation, loadProject, parseCompose, YamlCache, type ComposeFile, type ComposeProject, type Service } from "@shipshape/compose";
import { parseDockerfile } from "@shipshape/dockerfile";
import { analyzeDockerfile, type SemanticModel } from "@shipshape/semantic";
import { LineIndex, type Diagnostic } from "@shipshape/text";
import type { ReadFile } from "../config/discover.js";
import type { Selection } from "../config/select.js";
import type { LinterConfig } from "../config/types.js";
import type { RuleSet } from "../registry.js";
import type { ComposeRule, ServiceDockerfile, SourceFile } from "../rule.js";
import { collectComposeSuppressions } from "../suppressions/compose-comments.js";
import { errorText, internalError } from "./builders.js";
import { runComposeRules } from "./compose-runner.js";
import type { ActiveRule } from "./dockerfile-runner.js";
import { finishSuppressions } from "./unused.js";

export interface ComposeEnvironment {
  readFile?: ReadFile;
  /** Variables for interpolation (the CLI passes the process environment); default none. */
  env?: Record<string, string>;
  /** `--env-file` paths; default `.env` beside the first file when it exists. */
  envFiles?: string[];
  /** Texts already known (shared across the run). */
  cache: Map<string, string | undefined>;
  /** Parsed compose YAML (shared across the run), so each text is parsed once. */
  yamlCache?: YamlCache;
}

/**
 * How many times the loader is re-run after fetching files it asked for (includes of includes, ...): each
 * round reaches one level deeper, so this is the deepest nesting of `include` and `extends` files that is
 * read. Docker Compose sets no limit; with 8, a chain of 9 includes reported its last file as missing. A
 * chain 200 deep takes about 2 s; the bound stops paths that grow without end (a folder that links to
 * itself).
 */
const MAX_READ_ROUNDS = 256;

/**
 * Reads, through the injected (possibly async) reader, every file the project needs: included and
 * extended compose files, env files, and the Dockerfiles its services build. Fills `env.cache`.
 */
export async function prefetchComposeProject(files: readonly SourceFile[], env: ComposeEnvironment): Promise<void> {
  const { cache } = env;
  for (const f of files) cache.set(f.path, f.text);
  if (!env.readFile) return;
  const read = async (paths: Iterable<string>) => {
    for (const p of paths) if (!cache.has(p)) cache.set(p, await safeRead(env.readFile, p));
  };
  // The loader reads synchronously: run it, fetch what it missed, run it again.
  env.yamlCache ??= new YamlCache();
  let project: ComposeProject | undefined;
  for (let round = 0; round < MAX_READ_ROUNDS; round++) {
    const missed = new Set<string>();
    const answers = new Map<string, string | undefined>();
    const loaded = loadWith(files, env, (p) => {
      const text = cache.get(p);
      if (!cache.has(p)) missed.add(p);
      answers.set(p, text);
      return text;
    });
    project = loaded.project;
    loads.set(cache, { files, env: env.env, envFiles: env.envFiles, yamlCache: env.yamlCache, answers, loaded });
    if (missed.size === 0) break;
    await read(missed);
    // Files that turned out not to exist read as they did while missing: another round would load the same.
    if ([...missed].every((p) => cache.get(p) === undefined)) break;
  }
  const paths: string[] = [];
  for (const service of allServices(project!)) {
    const where = dockerfileLocation(service, project!);
    if (where?.kind === "file") paths.push(where.path);
  }
  await read(paths);
}

function loadWith(files: readonly SourceFile[], env: ComposeEnvironment, readFile: (p: string) => string | undefined) {
  return loadProject({ files: files.map((f) => f.path), readFile, env: env.env ?? {}, envFiles: env.envFiles, yamlCache: env.yamlCache });
}

/** The last load of a prefetch, with what the loader was given for each file it asked for. */
interface PrefetchedLoad {
  files: readonly SourceFile[];
  env: ComposeEnvironment["env"];
  envFiles: ComposeEnvironment["envFiles"];
  yamlCache: YamlCache | undefined;
  answers: Map<string, string | undefined>;
  loaded: ReturnType<typeof loadWith>;
}

/** By the run's text cache: the prefetch's last load, which the lint right after it can use instead of loading again. */
const loads = new WeakMap<Map<string, string | undefined>, PrefetchedLoad>();

/**
 * The prefetch's load of these files when loading again would give the same: same files and texts, same
 * settings, and every file the loader asked for still reads as it read then. Used once.
 */
function prefetchedLoad(files: readonly SourceFile[], env: ComposeEnvironment): ReturnType<typeof loadWith> | undefined {
  const { cache } = env;
  const last = loads.get(cache);
  if (!last) return undefined;
  loads.delete(cache);
  if (last.env !== env.env || last.envFiles !== env.envFiles || last.yamlCache !== env.yamlCache || last.files.length !== files.length) return undefined;
  if (last.files.some((f, i) => f.path !== files[i]!.path || f.text !== files[i]!.text)) return undefined;
  for (const [path, text] of last.answers) if (!cache.has(path) || cache.get(path) !== text) return undefined;
  return last.loaded;
}

function allServices(project: ComposeProject): Service[] {
  return [...Object.values(project.services), ...Object.values(project.disabledServices)];
}

/**
 * Lints the compose files of one project with what `env.cache` holds (run `prefetchComposeProject`
 * first to read referenced files). Returns diagnostics by file path, every one with `file` set.
 */
export function lintComposeProject(
  files: readonly SourceFile[],
  rules: RuleSet,
  selection: Selection,
  config: LinterConfig,
  env: ComposeEnvironment,
): Map<string, Diagnostic[]> {
  const { cache } = env;
  for (const f of files) cache.set(f.path, f.text);
  // The loader and the per-file models read the same texts: one YAML parse serves both.
  env.yamlCache ??= new YamlCache();
  const read = cachedReader(env);
  const { project, errors } = prefetchedLoad(files, env) ?? loadWith(files, env, read);

  // The compose files the project reached through include and extends are checked as part of it (a walk
  // does not lint them again on their own): the rules' file and entry hooks run on them too, after the
  // project's own files (only the first of which gets the Project hook).
  const modelOf = (f: SourceFile) => parseCompose(f.text, { fileName: f.path, yamlCache: env.yamlCache }).model;
  const models = new Map<string, ComposeFile>();
  for (const f of files) models.set(f.path, modelOf(f));
  const reached: { file: SourceFile; model: ComposeFile }[] = [];
  for (const path of Object.keys(project.baseDirs)) {
    const text = cache.get(path);
    if (text === undefined || models.has(path) || reached.some((r) => r.file.path === path)) continue;
    const file = { path, text, lines: new LineIndex(text) };
    reached.push({ file, model: modelOf(file) });
  }
  const checked = [...files, ...reached.map((r) => r.file)];

  const dockerfiles = serviceDockerfiles(project, read);
  const active = selection.active.filter((a): a is ActiveRule<ComposeRule> => a.rule.kind === "compose");
  const found: Diagnostic[] = [];
  try {
    found.push(
      ...runComposeRules({
        files,
        models,
        reached,
        project,
        rules: active,
        readFile: read,
        isMissing: (p) => cache.has(p) && cache.get(p) === undefined,
        // By name: the file's own model and the merged project have different objects for one service.
        dockerfileOf: (service) => dockerfiles.get(service.name),
      }),
    );
  } catch (e) {
    found.push({ ...internalError(`Linting failed: ${errorText(e)}`, { start: 0, end: 0 }), file: files[0]?.path });
  }

  const main = files[0]!.path;
  const seen = new Set<string>();
  for (const e of errors) {
    const rule = rules.byExactCode(e.code);
    if (rule && !selection.enabledCodes.has(rule.code)) continue;
    const file = e.file ?? main;
    const key = `${file}\u0000${e.code}\u0000${e.range.start}\u0000${e.range.end}\u0000${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const severity = (rule && severityOf(selection).get(rule)) ?? e.severity;
    found.push({ ...e, file, severity, rule: rule?.name ?? e.rule ?? e.code, aliases: [...(rule?.aliases ?? [])], category: rule?.category ?? "syntax" });
  }

  // Group by file and apply that file's comments.
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of found) {
    const file = d.file ?? main;
    let list = byFile.get(file);
    if (!list) byFile.set(file, (list = []));
    list.push({ ...d, file });
  }
  const out = new Map<string, Diagnostic[]>();
  for (const f of files) if (!byFile.has(f.path)) byFile.set(f.path, []);
  for (const [file, list] of byFile) {
    const text = cache.get(file);
    if (text === undefined) {
      out.set(file, list);
      continue;
    }
    const lines = checked.find((f) => f.path === file && f.text === text)?.lines ?? new LineIndex(text);
    // Every suppression is a comment: a text without `#` has none, and an editor's file is scanned per keystroke.
    const suppressions = text.includes("#") ? collectComposeSuppressions(text, lines) : [];
    const kept = finishSuppressions(list, suppressions, rules, selection, config);
    // `unused-suppression` findings are made here without a file: they belong to this one.
    out.set(file, kept.map((d) => (d.file === undefined ? { ...d, file } : d)));
  }
  return out;
}

/**
 * Texts from the cache. A lint that was not prefetched (`lintSync`) reads what it misses when the reader
 * answers synchronously; an asynchronous answer cannot be waited for, so the file stays unknown (not
 * missing).
 */
function cachedReader(env: ComposeEnvironment): (path: string) => string | undefined {
  const { cache, readFile } = env;
  return (path) => {
    if (cache.has(path) || !readFile) return cache.get(path);
    let text: ReturnType<ReadFile>;
    try {
      text = readFile(path);
    } catch {
      text = undefined;
    }
    if (text instanceof Promise) {
      text.catch(() => undefined);
      return undefined;
    }
    cache.set(path, text);
    return text;
  };
}

const severities = new WeakMap<Selection, Map<unknown, Diagnostic["severity"]>>();

/** The severity each active rule reports with, looked up once per selection. */
function severityOf(selection: Selection): Map<unknown, Diagnostic["severity"]> {
  let map = severities.get(selection);
  if (!map) severities.set(selection, (map = new Map(selection.active.map((a) => [a.rule, a.severity]))));
  return map;
}

async function safeRead(reader: ReadFile | undefined, path: string): Promise<string | undefined> {
  if (!reader) return undefined;
  try {
    return await reader(path);
  } catch {
    return undefined;
  }
}

/** The parsed Dockerfile of every service that builds and whose file was read, by service name. */
function serviceDockerfiles(project: ComposeProject, read: (path: string) => string | undefined): Map<string, ServiceDockerfile> {
  const out = new Map<string, ServiceDockerfile>();
  for (const service of allServices(project)) {
    const where = dockerfileLocation(service, project);
    if (where?.kind !== "file" && where?.kind !== "inline") continue;
    const path = where.kind === "inline" ? `${service.name}:dockerfile_inline` : where.path;
    const text = where.kind === "inline" ? where.text : read(where.path);
    if (text === undefined) continue;
    const ast = parseDockerfile(text).ast;
    let semantic: SemanticModel | undefined;
    out.set(service.name, {
      path,
      text,
      ast,
      get semantic() {
        return (semantic ??= analyzeDockerfile(ast));
      },
    });
  }
  return out;
}
