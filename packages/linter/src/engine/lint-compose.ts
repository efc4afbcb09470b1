/**
 * One compose project, start to end: read what it refers to through the injected reader, load the
 * project as `docker compose` would, parse each file on its own, run the rules, add the loader's errors,
 * and apply each file's suppression comments to the diagnostics in that file.
 */
import { isAbsolute, join, dirname } from "node:path";
import { loadProject, parseCompose, type ComposeFile, type ComposeProject, type Service } from "@shipshape/compose";
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
}

/** How many times the loader is re-run after fetching files it asked for (includes of includes, ...). */
const MAX_READ_ROUNDS = 8;

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
  let project: ComposeProject | undefined;
  for (let round = 0; round < MAX_READ_ROUNDS; round++) {
    const missed = new Set<string>();
    project = loadWith(files, env, (p) => {
      if (cache.has(p)) return cache.get(p);
      missed.add(p);
      return undefined;
    }).project;
    if (missed.size === 0) break;
    await read(missed);
  }
  const paths: string[] = [];
  for (const service of allServices(project!)) {
    const where = dockerfileLocation(service, project!);
    if (where && "path" in where) paths.push(where.path);
  }
  await read(paths);
}

function loadWith(files: readonly SourceFile[], env: ComposeEnvironment, readFile: (p: string) => string | undefined) {
  return loadProject({ files: files.map((f) => f.path), readFile, env: env.env ?? {}, envFiles: env.envFiles });
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
  const { project, errors } = loadWith(files, env, (p) => cache.get(p));

  const models = new Map<string, ComposeFile>();
  for (const f of files) models.set(f.path, parseCompose(f.text, { fileName: f.path }).model);

  const dockerfiles = serviceDockerfiles(project, cache);
  const active = selection.active.filter((a): a is ActiveRule<ComposeRule> => a.rule.kind === "compose");
  const found: Diagnostic[] = [];
  try {
    found.push(
      ...runComposeRules({
        files,
        models,
        project,
        rules: active,
        readFile: (p) => cache.get(p),
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
    const severity = selection.active.find((a) => a.rule === rule)?.severity ?? e.severity;
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
    const suppressions = collectComposeSuppressions(text, new LineIndex(text));
    const kept = finishSuppressions(list, suppressions, rules, selection, config);
    // `unused-suppression` findings are made here without a file: they belong to this one.
    out.set(file, kept.map((d) => (d.file === undefined ? { ...d, file } : d)));
  }
  return out;
}

async function safeRead(reader: ReadFile | undefined, path: string): Promise<string | undefined> {
  if (!reader) return undefined;
  try {
    return await reader(path);
  } catch {
    return undefined;
  }
}

/** A remote build context (git, http) cannot be read offline. */
function isRemote(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith("git@") || /^github\.com\//.test(context);
}

/** Where a service's Dockerfile is: a path to read, or inline text; undefined when it does not build locally. */
function dockerfileLocation(service: Service, project: ComposeProject): { path: string } | { inline: string } | undefined {
  const build = service.build;
  if (!build) return undefined;
  const inline = build.dockerfile_inline?.value;
  if (typeof inline === "string") return { inline };
  const context = String(build.context?.value ?? ".");
  if (isRemote(context)) return undefined;
  const base = project.baseDirs[service.file] ?? dirname(service.file);
  const contextDir = isAbsolute(context) ? context : join(base, context);
  const dockerfile = String(build.dockerfile?.value ?? "Dockerfile");
  return { path: isAbsolute(dockerfile) ? dockerfile : join(contextDir, dockerfile) };
}

/** The parsed Dockerfile of every service that builds and whose file was read, by service name. */
function serviceDockerfiles(project: ComposeProject, cache: Map<string, string | undefined>): Map<string, ServiceDockerfile> {
  const out = new Map<string, ServiceDockerfile>();
  for (const service of allServices(project)) {
    const where = dockerfileLocation(service, project);
    if (!where) continue;
    const path = "inline" in where ? `${service.name}:dockerfile_inline` : where.path;
    const text = "inline" in where ? where.inline : cache.get(where.path);
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
