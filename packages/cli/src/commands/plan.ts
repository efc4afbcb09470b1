import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseBuildArgs, PLAN_FORMATS, type PlanFormat, type PlanOptions, plan, planJsonChunks, renderPlan, selectDockerignore } from "@shipshape/buildplan";
import { describeFsError } from "../discover.js";
import { kindFromName } from "../kinds.js";
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../io.js";
import type { ParsedCommand } from "../main.js";
import { splitList, UsageError } from "../settings.js";
import { decodeSource } from "../source-file.js";

/**
 * The context walk stops here: past this many entries the file list costs more than the checks it enables
 * (a context with a big node_modules), so the plan is made without one and says nothing about missing sources.
 */
export const MAX_CONTEXT_FILES = 200_000;

/**
 * `shipshape plan FILE|- [--target T] [--build-arg K=V]... [--platform P] [--context DIR] [--changed PATH]...
 * [--no-cache-filter STAGES] [--format text|json|mermaid|dot]`: what `docker build` would do, offline.
 */
export async function planCommand({ values, positionals }: ParsedCommand, io: CliIO): Promise<number> {
  const format = (values.format as string | undefined) ?? "text";
  if (!(PLAN_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`plan: --format must be one of ${PLAN_FORMATS.join(", ")}, got '${format}'`);
  }
  if (positionals.length !== 1) throw new UsageError("plan: expected exactly one Dockerfile (or - for stdin)");
  const file = positionals[0]!;
  const fromStdin = file === "-";
  const dockerfileAbs = fromStdin ? undefined : path.resolve(io.cwd, file);

  let bytes: Uint8Array;
  try {
    bytes = fromStdin ? await io.readStdin() : readFileSync(dockerfileAbs!);
  } catch (e) {
    io.stderr.write(`shipshape: ${file}: ${describeFsError(e)}\n`);
    return EXIT_USAGE;
  }
  if (dockerfileAbs && kindFromName(file) === "compose") {
    io.stderr.write(await composeFileHint(file, dockerfileAbs, io));
    return EXIT_USAGE;
  }

  // docker build's default context is a folder the user names; ours is the Dockerfile's folder (stdin: here).
  const contextArg = values.context as string | undefined;
  const contextDir = path.resolve(io.cwd, contextArg ?? (dockerfileAbs ? path.dirname(dockerfileAbs) : "."));
  if (!isDirectory(contextDir)) {
    io.stderr.write(`shipshape: ${contextArg ?? contextDir}: the build context is not a readable folder\n`);
    return EXIT_USAGE;
  }

  const walk = listContextFiles(contextDir, MAX_CONTEXT_FILES);
  if (!walk.complete) {
    io.stderr.write(`shipshape: the context ${contextDir} holds more than ${MAX_CONTEXT_FILES} files; planning without a file list (no missing-source checks)\n`);
  }
  const selected = selectDockerignore(dockerfileAbs, (p) => existsSync(p), contextDir);
  let dockerignore: string | undefined;
  if (selected) {
    try {
      dockerignore = decodeSource(readFileSync(selected.path)).text;
    } catch (e) {
      io.stderr.write(`shipshape: ${selected.path}: ${describeFsError(e)}\n`);
      return EXIT_USAGE;
    }
  }

  const options: PlanOptions = {
    buildArgs: parseBuildArgs(list(values["build-arg"]), (name) => io.env[name]),
    contextFiles: walk.complete ? walk.files : undefined,
    dockerignore,
    dockerfilePath: file,
    changedPaths: list(values.changed).map(toSlashes),
  };
  if (typeof values.target === "string") options.target = values.target;
  if (typeof values.platform === "string") options.platform = values.platform;
  if (values["no-cache"] === true) options.noCacheFilter = true;
  else if (list(values["no-cache-filter"]).length) options.noCacheFilter = splitList(list(values["no-cache-filter"]));
  const contexts = keyValues(list(values["build-context"]), "--build-context");
  if (Object.keys(contexts).length) options.namedContexts = contexts;
  const labels = keyValues(list(values.label), "--label");
  if (Object.keys(labels).length) options.labels = labels;

  const result = plan(decodeSource(bytes, { utf16: false }).text, options);
  if (format === "json") {
    // In pieces of about 64 KB: the JSON of a plan with thousands of ENV lines is longer than any string.
    let pending = "";
    for (const chunk of planJsonChunks(result, { file })) {
      pending += chunk;
      if (pending.length >= 1 << 16) {
        io.stdout.write(pending);
        pending = "";
      }
    }
    io.stdout.write(pending);
  } else io.stdout.write(renderPlan(result, format as PlanFormat, { file }));
  return result.diagnostics.some((d) => d.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * What to say when `plan` is given a Compose file: plan predicts one Dockerfile's build, so the message
 * names the command to run for each service that builds one (its Dockerfile, context, target and build
 * arguments, as the project resolves them).
 */
async function composeFileHint(file: string, abs: string, io: CliIO): Promise<string> {
  const head = `shipshape: ${file} is a Compose file; plan predicts the build of one Dockerfile`;
  const { loadProject, dockerfileLocation } = await import("@shipshape/compose");
  const readFile = (p: string) => {
    try {
      return decodeSource(readFileSync(p)).text;
    } catch {
      return undefined;
    }
  };
  const env = Object.fromEntries(Object.entries(io.env).filter((e): e is [string, string] => typeof e[1] === "string"));
  let project;
  try {
    project = loadProject({ files: [abs], readFile, env }).project;
  } catch {
    return `${head}: name a Dockerfile.\n`;
  }
  const quote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`);
  const shown = (p: string) => quote(path.relative(io.cwd, p) || ".");
  const lines: string[] = [];
  for (const [name, service] of Object.entries(project.model.services)) {
    const where = dockerfileLocation(service, project);
    if (!where) continue;
    if (where.kind === "inline") lines.push(`  ${name}: its Dockerfile is inline (build.dockerfile_inline); save it to a file to plan it`);
    else if (where.kind === "remote") lines.push(`  ${name}: builds from a remote context (${where.context}), which cannot be planned offline`);
    else if (where.kind === "unresolved") lines.push(`  ${name}: its build path holds variables that are not set`);
    else {
      const parts = ["shipshape plan", shown(where.path), "--context", shown(where.contextDir)];
      const target = service.build?.target?.value;
      if (typeof target === "string" && target) parts.push("--target", quote(target));
      for (const arg of service.build?.args ?? []) if (arg.value !== undefined) parts.push("--build-arg", quote(`${arg.key}=${arg.value.value}`));
      lines.push(`  ${name}: ${parts.join(" ")}`);
    }
  }
  if (lines.length === 0) return `${head}, and none of its services builds one.\n`;
  return `${head}. Its services that build:\n${lines.join("\n")}\n`;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function toSlashes(p: string): string {
  return path.sep === "\\" ? p.replaceAll("\\", "/") : p;
}

/** `K=V` flags (`--label`, `--build-context`); a value may hold `=`, a missing one is a usage error. */
function keyValues(values: readonly string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    if (eq <= 0) throw new UsageError(`plan: ${flag}: expected K=V, got '${v}'`);
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Every file below `root`, relative and `/`-separated, in sorted order. Nothing is skipped (BuildKit sends
 * `.git` and `node_modules` too unless .dockerignore says otherwise; the planner applies that file itself).
 * Symbolic links are listed, never followed, as BuildKit transfers them as links. Unreadable folders are
 * left out. `complete` is false when the walk stopped at `limit` entries.
 */
export function listContextFiles(root: string, limit: number): { files: string[]; complete: boolean } {
  const files: string[] = [];
  const pending: string[] = [""];
  let seen = 0;
  while (pending.length) {
    const rel = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(rel ? path.join(root, rel) : root, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++seen > limit) return { files, complete: false };
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(child);
      else files.push(child);
    }
  }
  files.sort();
  return { files, complete: true };
}
