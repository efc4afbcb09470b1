import type { Diagnostic, Range } from "@shipshape/text";
import { DiagnosticSink } from "./codes.js";
import { parseDotenv } from "./dotenv.js";
import { mergeTrees } from "./merge.js";
import type { ComposeFile, Scalar, Service } from "./model.js";
import type { CEntry, CMap, CNode } from "./node.js";
import { cloneNode, getEntry, getValue, scalarText } from "./node.js";
import { buildModelOnce, emptyModel, readTree } from "./parse.js";
import { dirname, resolvePath } from "./paths.js";
import { interpolate, type Lookup } from "./template.js";
import { serviceSchema } from "./schema/spec.js";
import { validateAndBuild } from "./validate.js";
import { parseYamlTree } from "./yaml-tree.js";
import type { VariableReference } from "./interpolate-tree.js";
import type { YamlCache } from "./yaml-cache.js";

export interface LoadProjectOptions {
  /** The Compose files, as `-f a -f b`: later files override earlier ones. */
  files: string[];
  /** Reads a file; undefined when it doesn't exist or can't be read. */
  readFile: (path: string) => string | undefined;
  /** The process environment (it wins over env files). */
  env: Record<string, string>;
  /** `--env-file` paths; by default `.env` in the working directory is read when present. */
  envFiles?: string[];
  /** Active profiles; by default taken from COMPOSE_PROFILES. */
  profiles?: string[];
  /** The project directory; by default the folder of the first file. */
  workingDir?: string;
  /** An explicit project name (`-p`). */
  projectName?: string;
  /** Parsed YAML to reuse (and fill): a file whose text was parsed before is not parsed again. */
  yamlCache?: YamlCache;
}

export interface ComposeProject {
  /** The project name (explicit, COMPOSE_PROJECT_NAME, the `name` key, or the folder name), normalised. */
  name: string;
  workingDir: string;
  /** Every file read: the given files, included files, extended files and env files. */
  files: string[];
  /** The merged model with every service, enabled or not. */
  model: ComposeFile;
  /** Services enabled by the active profiles. */
  services: Record<string, Service>;
  /** Services that are off because none of their profiles is active. */
  disabledServices: Record<string, Service>;
  activeProfiles: string[];
  /** The variables interpolation used (process environment over env files). */
  environment: Record<string, string>;
  /** The directory relative paths of each file resolve against (the included project's directory for included files). */
  baseDirs: Record<string, string>;
}

export interface LoadProjectResult {
  project: ComposeProject;
  errors: Diagnostic[];
}

const RESOURCE_SECTIONS = ["services", "networks", "volumes", "secrets", "configs", "models"];

/** Loads files, env files, includes and extends into one merged, validated project. Never throws. */
export function loadProject(given: LoadProjectOptions): LoadProjectResult {
  // A caller passing the wrong types gets a project with a diagnostic, as promised, not a throw.
  const options: LoadProjectOptions = {
    ...(given ?? {}),
    files: Array.isArray(given?.files) ? given.files.filter((f): f is string => typeof f === "string") : [],
    readFile: typeof given?.readFile === "function" ? given.readFile : () => undefined,
  };
  const sink = new DiagnosticSink();
  const first = options.files[0] ?? "compose.yaml";
  const workingDir = options.workingDir ?? dirname(first);
  const loader = new Loader(options.readFile, sink, options.yamlCache);
  try {
    const environment = loader.environment(options.env, options.envFiles, workingDir);
    // Compose makes the project name available to interpolation: the explicit one, else (looked up only when
    // a file uses it) the `name:` of the files, else the folder's name.
    if (options.projectName !== undefined && environment.COMPOSE_PROJECT_NAME === undefined) environment.COMPOSE_PROJECT_NAME = options.projectName;
    const lookup = environment.COMPOSE_PROJECT_NAME === undefined ? withProjectName(environment, options, workingDir) : lookupOf(environment);
    let root: CNode | undefined;
    for (const f of options.files) {
      const tree = loader.loadFile(f, lookup, [], workingDir);
      if (tree) root = root ? mergeTrees(root, tree, sink) : tree;
    }
    const schemaSink = new DiagnosticSink();
    const model = root?.kind === "map" ? buildModelOnce(root, schemaSink, options.yamlCache) : emptyModel(first);
    for (const d of schemaSink.list) if (!loader.broken.has(d.file ?? "")) sink.add(d);
    model.variables = loader.variables;
    const active = options.profiles ?? (environment.COMPOSE_PROFILES ? environment.COMPOSE_PROFILES.split(",").map((s) => s.trim()).filter(Boolean) : []);
    const services: Record<string, Service> = {};
    const disabledServices: Record<string, Service> = {};
    for (const [name, s] of Object.entries(model.services)) {
      const profiles = s.profiles.map((p) => p.value);
      const on = profiles.length === 0 || active.includes("*") || profiles.some((p) => active.includes(p));
      (on ? services : disabledServices)[name] = s;
    }
    for (const s of Object.values(services)) {
      loader.readServiceEnvFiles(s, environment);
      loader.readServiceLabelFiles(s);
    }
    const rawName = options.projectName ?? environment.COMPOSE_PROJECT_NAME ?? model.name?.value ?? workingDir.split("/").filter(Boolean).pop() ?? "";
    const project: ComposeProject = {
      name: normalizeProjectName(String(rawName)),
      workingDir,
      files: [...loader.read],
      model,
      services,
      disabledServices,
      activeProfiles: active,
      environment,
      baseDirs: Object.fromEntries(loader.baseDirs),
    };
    return { project, errors: sink.list };
  } catch (e) {
    sink.add({ code: "internal-error", message: `Internal error while loading the project: ${(e as Error)?.message ?? e}`, severity: "error", range: { start: 0, end: 0 }, file: first });
    const model = emptyModel(first);
    return {
      project: { name: "", workingDir, files: options.files, model, services: {}, disabledServices: {}, activeProfiles: [], environment: {}, baseDirs: {} },
      errors: sink.list,
    };
  }
}

/** Lowercase, keep [a-z0-9_-], and drop leading `_`/`-`, as Compose does with a `name:` from YAML. */
export function normalizeProjectName(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9_-]/g, "").replace(/^[_-]+/, "");
}

/**
 * A lookup that answers COMPOSE_PROJECT_NAME as compose-go does when neither `-p` nor the environment set
 * it: the last file's top-level `name:` (interpolated with the environment, normalised), else the working
 * folder's name, normalised. Worked out at the first use and then kept in `env` (the project's environment
 * lists it, as compose-go's does).
 */
function withProjectName(env: Record<string, string>, options: LoadProjectOptions, workingDir: string): Lookup {
  const base = lookupOf(env);
  let busy = false;
  return (n) => {
    if (n !== "COMPOSE_PROJECT_NAME" || Object.prototype.hasOwnProperty.call(env, n) || busy) return base(n);
    busy = true;
    try {
      let fromFiles = "";
      for (const file of options.files) {
        const name = topLevelName(file, options);
        if (name !== undefined) fromFiles = normalizeProjectName(interpolate(name, base).value);
      }
      env.COMPOSE_PROJECT_NAME = fromFiles || normalizeProjectName(workingDir.split(/[\\/]/).filter(Boolean).pop() ?? "");
    } finally {
      busy = false;
    }
    return env.COMPOSE_PROJECT_NAME;
  };
}

/** The text of a file's top-level `name:` (before interpolation), from the shared parse when there is one. */
function topLevelName(file: string, options: LoadProjectOptions): string | undefined {
  let text: string | undefined;
  try {
    text = options.readFile(file);
  } catch {
    return undefined; // reported where the file is loaded
  }
  if (text === undefined) return undefined;
  const quiet = new DiagnosticSink();
  const yaml = options.yamlCache ? options.yamlCache.parse(text, file, quiet) : parseYamlTree(text, file, quiet);
  let name: string | undefined;
  for (const doc of yaml.documents) {
    const value = doc.kind === "map" ? getValue(doc, "name") : undefined;
    if (value?.kind === "scalar" && value.value !== null) name = String(value.value);
  }
  return name;
}

function lookupOf(env: Record<string, string>): Lookup {
  return (n) => (Object.prototype.hasOwnProperty.call(env, n) ? env[n] : undefined);
}

interface Where {
  range: Range;
  file: string;
}

/** The schema of a service's `extends`. */
const EXTENDS_SCHEMA = serviceSchema.fields.extends!;

class Loader {
  readonly read = new Set<string>();
  /** `extends` nodes already checked against the schema (a base service is resolved once per chain that reaches it). */
  private readonly checkedExtends = new WeakSet<CNode>();
  readonly baseDirs = new Map<string, string>();
  /** Files with YAML syntax errors: schema findings in them would be noise. */
  readonly broken = new Set<string>();
  /** Variable references of every file read. */
  readonly variables: VariableReference[] = [];
  private rawCache = new Map<string, CMap | undefined>();

  constructor(
    private readFile: (path: string) => string | undefined,
    private sink: DiagnosticSink,
    private yamlCache: YamlCache | undefined,
  ) {}

  private readText(path: string, from: Where | undefined, what: string): string | undefined {
    let text: string | undefined;
    try {
      text = this.readFile(path);
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      this.sink.report("file-not-found", `Can't read ${what} ${path}`, from?.range ?? { start: 0, end: 0 }, from?.file ?? path);
      return undefined;
    }
    this.read.add(path);
    return text;
  }

  /** Process environment over env files (explicit ones, or `.env` in the working directory when present). */
  environment(processEnv: Record<string, string>, envFiles: string[] | undefined, dir: string): Record<string, string> {
    const fromFiles = this.readEnvFiles(envFiles?.map((p) => resolvePath(dir, p)), dir, processEnv);
    return { ...fromFiles, ...processEnv };
  }

  /**
   * Variables from env files, later files over earlier ones. `envFiles` are resolved paths; without any,
   * `.env` in `dir` is read when it exists.
   */
  private readEnvFiles(envFiles: string[] | undefined, dir: string, processEnv: Record<string, string>, from?: Where): Record<string, string> {
    const out: Record<string, string> = {};
    const lookup: Lookup = (n) => (Object.prototype.hasOwnProperty.call(processEnv, n) ? processEnv[n] : out[n]);
    const list = envFiles ?? [];
    const implicit = envFiles === undefined;
    const paths = implicit ? [resolvePath(dir, ".env")] : list;
    for (const p of paths) {
      let text: string | undefined;
      if (implicit) {
        try {
          text = this.readFile(p);
        } catch {
          text = undefined;
        }
        if (text === undefined) continue;
        this.read.add(p);
      } else text = this.readText(p, from, "env file");
      if (text === undefined) continue;
      const r = parseDotenv(text, lookup);
      for (const pr of r.problems) this.sink.report("env-file-syntax", `${pr.message} (line ${pr.line})`, pr.range, p);
      Object.assign(out, r.vars);
    }
    return out;
  }

  /**
   * Reads a service's env files as Compose does when it creates the container: a missing file is an error
   * unless `required: false`; lines that don't parse are reported in the env file. The variables are kept on
   * each entry (`vars`) for rules that look at a container's environment.
   */
  readServiceEnvFiles(service: Service, environment: Record<string, string>): void {
    const lookup: Lookup = (n) => (Object.prototype.hasOwnProperty.call(environment, n) ? environment[n] : undefined);
    for (const ref of service.env_file) {
      // A model can be shared through a YamlCache: what an earlier load read is not kept.
      ref.vars = undefined;
      if (ref.path.value.includes("$") || (ref.format && ref.format !== "raw")) continue;
      const path = resolvePath(this.baseDirs.get(ref.path.file) ?? dirname(ref.path.file), ref.path.value);
      let text: string | undefined;
      try {
        text = this.readFile(path);
      } catch {
        text = undefined;
      }
      if (text === undefined) {
        if (ref.required) this.sink.report("file-not-found", `Can't read env file ${path}`, ref.path.range, ref.path.file);
        continue;
      }
      this.read.add(path);
      if (ref.format === "raw") {
        ref.vars = Object.fromEntries(text.split(/\r?\n/).filter((l) => l.includes("=")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
        continue;
      }
      const r = parseDotenv(text, lookup);
      for (const pr of r.problems) this.sink.report("env-file-syntax", `${pr.message} (line ${pr.line})`, pr.range, path);
      ref.vars = r.vars;
    }
  }

  /** Label files must exist and parse like env files. */
  readServiceLabelFiles(service: Service): void {
    const v = service.label_file as Scalar<string> | Scalar<string>[] | undefined;
    const refs = v === undefined ? [] : Array.isArray(v) ? v : [v];
    for (const ref of refs) {
      if (ref.value.includes("$")) continue;
      const path = resolvePath(this.baseDirs.get(ref.file) ?? dirname(ref.file), ref.value);
      const text = this.readText(path, { range: ref.range, file: ref.file }, "label file");
      if (text === undefined) continue;
      for (const pr of parseDotenv(text).problems) this.sink.report("env-file-syntax", `${pr.message} (line ${pr.line})`, pr.range, path);
    }
  }

  /** Parses and interpolates one file without resolving include or extends (used for extends targets). */
  private loadRaw(path: string, lookup: Lookup, from: Where | undefined): CMap | undefined {
    if (this.rawCache.has(path)) return this.rawCache.get(path);
    this.rawCache.set(path, undefined);
    const text = this.readText(path, from, "Compose file");
    const status: { broken?: boolean } = {};
    const tree = text === undefined ? undefined : readTree(text, path, this.sink, lookup, status, this.variables, this.yamlCache);
    if (status.broken) this.broken.add(path);
    this.rawCache.set(path, tree);
    return tree;
  }

  /** A file with its includes and extends resolved. `stack` holds the files including it, for cycle detection. */
  loadFile(path: string, lookup: Lookup, stack: string[], projectDir: string, from?: Where): CMap | undefined {
    if (!this.baseDirs.has(path)) this.baseDirs.set(path, projectDir);
    const raw = this.loadRaw(path, lookup, from);
    if (!raw) return undefined;
    let root = this.applyIncludes(raw, path, lookup, stack);
    root = this.applyExtends(root, path, lookup);
    return root;
  }

  private applyIncludes(root: CMap, path: string, lookup: Lookup, stack: string[]): CMap {
    const inc = getEntry(root, "include");
    if (!inc) return root;
    const rest: CMap = { ...root, entries: root.entries.filter((e) => e.key !== "include" || e === inc) };
    if (inc.value.kind !== "seq") return rest; // the schema reports the wrong type
    const dir = dirname(path);
    let included: CMap | undefined;
    for (const item of inc.value.items) {
      const spec = includeSpec(item);
      if (!spec) continue;
      const projectDir = spec.projectDirectory ? resolvePath(dir, spec.projectDirectory.value) : dirname(resolvePath(dir, spec.paths[0]?.value ?? "."));
      // The included project interpolates with its own env files (or its own .env), under the process environment.
      const envFiles = spec.envFiles.map((e) => resolvePath(dir, e.value));
      const own = this.readEnvFiles(envFiles.length ? envFiles : undefined, projectDir, {}, spec.envFiles[0] ? where(spec.envFiles[0]) : undefined);
      const incLookup: Lookup = (n) => lookup(n) ?? own[n];
      for (const p of spec.paths) {
        const target = resolvePath(dir, p.value);
        if (stack.includes(target) || target === path) {
          const chain = [...stack, path, target].join(" → ");
          this.sink.report("include-error", `Include cycle: ${chain}`, p.range, p.file);
          continue;
        }
        const tree = this.loadFile(target, incLookup, [...stack, path], projectDir, where(p));
        if (!tree) continue;
        included = included ? (mergeTrees(included, tree, this.sink) as CMap) : tree;
      }
    }
    if (!included) return rest;
    // Resources from included projects are added; a name defined on both sides keeps this file's definition.
    const entries: CEntry[] = rest.entries.map((e) => ({ ...e }));
    for (const section of RESOURCE_SECTIONS) {
      const theirs = getValue(included, section);
      if (!theirs || theirs.kind !== "map") continue;
      const idx = entries.findIndex((e) => e.key === section);
      const mine = idx >= 0 ? entries[idx]!.value : undefined;
      if (mine && mine.kind !== "map") continue;
      const merged: CEntry[] = mine ? [...mine.entries] : [];
      for (const e of theirs.entries) {
        const clash = merged.find((m) => m.key === e.key);
        if (clash) {
          this.sink.report("include-error", `${section}.${e.key} is also defined by an included file (${e.keyFile}); this definition is used`, clash.keyRange, clash.keyFile, "warning");
          continue;
        }
        merged.push(e);
      }
      const value: CMap = mine ? { ...mine, entries: merged } : { ...theirs, entries: merged };
      if (idx >= 0) entries[idx] = { ...entries[idx]!, value };
      else {
        const sectionEntry = getEntry(included, section)!;
        entries.push({ ...sectionEntry, value });
      }
    }
    return { ...rest, entries };
  }

  private applyExtends(root: CMap, path: string, lookup: Lookup): CMap {
    const services = getValue(root, "services");
    if (!services || services.kind !== "map" || !services.entries.some((e) => e.value.kind === "map" && getValue(e.value, "extends"))) return root;
    const resolved = new Map<string, CNode>();
    const entries = services.entries.map((e) => ({ ...e, value: this.resolveService(path, root, e.key, lookup, [], resolved) ?? e.value }));
    return { ...root, entries: root.entries.map((e) => (e.key === "services" ? { ...e, value: { ...services, entries } } : e)) };
  }

  /** A service with its `extends` chain merged in (base first, then the extending service). */
  private resolveService(path: string, root: CMap, name: string, lookup: Lookup, stack: string[], memo: Map<string, CNode>): CNode | undefined {
    const id = `${path}#${name}`;
    if (memo.has(id)) return memo.get(id);
    const services = getValue(root, "services");
    const svc = services?.kind === "map" ? getValue(services, name) : undefined;
    if (!svc || svc.kind !== "map") return svc;
    const extEntry = getEntry(svc, "extends");
    if (!extEntry) return svc;
    const withoutExtends: CMap = { ...svc, entries: svc.entries.filter((e) => e.key !== "extends") };
    // The merged service has no `extends` left for the schema to check, so it is checked here, once.
    if (!this.checkedExtends.has(extEntry.value)) {
      this.checkedExtends.add(extEntry.value);
      validateAndBuild(extEntry.value, EXTENDS_SCHEMA, this.sink, ["services", name, "extends"], undefined, { range: extEntry.keyRange, file: extEntry.keyFile });
    }
    const ext = extendsSpec(extEntry.value);
    if (!ext) return withoutExtends;
    let basePath = path;
    let baseRoot: CMap | undefined = root;
    if (ext.file) {
      basePath = resolvePath(dirname(path), ext.file.value);
      baseRoot = this.loadRaw(basePath, lookup, where(ext.file));
      if (!baseRoot) return withoutExtends;
      if (!this.baseDirs.has(basePath)) this.baseDirs.set(basePath, dirname(basePath));
    }
    const baseId = `${basePath}#${ext.service.value}`;
    if (baseId === id || stack.includes(baseId)) {
      const chain = [...stack, id, baseId].map((s) => s.replace("#", " in ").replace(/^(.*) in (.*)$/, "$2 in $1")).join(" → ");
      this.sink.report("extends-error", `Circular extends: ${chain}`, ext.service.range, ext.service.file);
      return withoutExtends;
    }
    const baseServices = getValue(baseRoot, "services");
    if (!baseServices || baseServices.kind !== "map") {
      this.sink.report("extends-error", `Can't extend "${ext.service.value}": ${basePath} has no services`, ext.service.range, ext.service.file);
      return withoutExtends;
    }
    if (!getValue(baseServices, ext.service.value)) {
      const inFile = ext.file ? ` in ${basePath}` : "";
      this.sink.report("extends-error", `Can't extend service "${ext.service.value}": no such service${inFile}`, ext.service.range, ext.service.file);
      return withoutExtends;
    }
    const base = this.resolveService(basePath, baseRoot, ext.service.value, lookup, [...stack, id], basePath === path ? memo : new Map());
    if (!base) return withoutExtends;
    const merged = mergeTrees(cloneNode(base), withoutExtends, this.sink, ["services", name]) ?? withoutExtends;
    memo.set(id, merged);
    return merged;
  }
}

interface RefText {
  value: string;
  range: Range;
  file: string;
}

function where(r: RefText): Where {
  return { range: r.range, file: r.file };
}

function scalarRef(n: CNode | undefined): RefText | undefined {
  if (!n || n.kind !== "scalar" || n.value === null) return undefined;
  return { value: scalarText(n), range: n.range, file: n.file };
}

function includeSpec(item: CNode): { paths: RefText[]; envFiles: RefText[]; projectDirectory?: RefText } | undefined {
  if (item.kind === "scalar") {
    const r = scalarRef(item);
    return r ? { paths: [r], envFiles: [] } : undefined;
  }
  if (item.kind !== "map") return undefined;
  const list = (n: CNode | undefined): RefText[] =>
    !n ? [] : n.kind === "seq" ? n.items.map(scalarRef).filter((x): x is RefText => !!x) : [scalarRef(n)].filter((x): x is RefText => !!x);
  const spec: { paths: RefText[]; envFiles: RefText[]; projectDirectory?: RefText } = { paths: list(getValue(item, "path")), envFiles: list(getValue(item, "env_file")) };
  const pd = scalarRef(getValue(item, "project_directory"));
  if (pd) spec.projectDirectory = pd;
  return spec;
}

function extendsSpec(n: CNode): { service: RefText; file?: RefText } | undefined {
  if (n.kind === "scalar") {
    const s = scalarRef(n);
    return s ? { service: s } : undefined;
  }
  if (n.kind !== "map") return undefined;
  const service = scalarRef(getValue(n, "service"));
  if (!service) return undefined;
  const file = scalarRef(getValue(n, "file"));
  return file ? { service, file } : { service };
}
