/**
 * Walks a stage's instructions the way BuildKit's `dispatch` does and records, for every step, the state after
 * it, whether it is a vertex (and so a layer), and the parts of its cache key (the op definition and its
 * content inputs) that the cache model compares between builds.
 */
import type {
  AddInstruction, CommandForm, CopyInstruction, HealthcheckInstruction, Instruction, RunInstruction,
} from "@shipshape/dockerfile";
import type { Range } from "@shipshape/text";
import type { ContextView } from "./context.js";
import type { DiagnosticSink } from "./diagnostics.js";
import type { StageGraph, StageInfo } from "./graph.js";
import { formatPlatform } from "./platform.js";
import { cleanPath, compileSource, isRemoteSource, sourceMatchesAny } from "./sources.js";
import { DEFAULT_SHELL, sharedBuildEnv, sharedSnapshot, type BuildState } from "./state.js";
import type { ArgValue, HealthcheckConfig, StepPlan } from "./types.js";
import { expand, expandForDisplay, expandSplit, type Escape } from "./vars.js";

/** A content-addressed input of a vertex. */
export type ContentInput =
  | { kind: "context"; sources: string[]; excludes: string[]; namedContext?: string }
  | { kind: "stage"; index: number; paths: string[] }
  | { kind: "image"; ref: string; paths: string[] }
  | { kind: "remote"; url: string; pinned: boolean }
  | { kind: "inline"; text: string };

export interface VertexSpec {
  /** The parts of the op definition (argv, env, cwd, user, mounts, copy actions...). */
  opParts: unknown[];
  /** `opParts` serialised, computed on first use (only the cache model needs it). */
  op?: string;
  /** False for a `--link` copy: it does not build on the previous state (a merge follows). */
  chain: boolean;
  inputs: ContentInput[];
}

export interface DispatchedStep {
  step: StepPlan;
  vertex?: VertexSpec;
}

export interface DispatchContext {
  graph: StageGraph;
  context: ContextView;
  buildArgs: Record<string, string | undefined>;
  sink: DiagnosticSink;
  /** Report dispatch-time errors (the stage is built). */
  report: boolean;
}

interface StepDraft {
  instr: Instruction;
  keyword: string;
  expanded?: string;
  vertex?: VertexSpec;
  layer?: boolean;
  history?: string;
  shadowed?: string[];
}

/** Dispatches one instruction onto `state`; returns the step record. */
export function dispatchInstruction(
  instr: Instruction,
  state: BuildState,
  stage: StageInfo,
  ctx: DispatchContext,
  trigger?: { parentLine: number },
): DispatchedStep {
  const d: StepDraft = { instr, keyword: instr.keyword };
  const escape = ctx.graph.escape;
  const x = (text: string, range: Range, env: ReadonlyMap<string, string> = state.buildEnv): string => {
    // Every Linux image has a PATH (BuildKit adds a default when the image lacks one), but an external
    // image's value is unknown offline: keep the reference as written rather than expanding it to "".
    if (state.image.inheritsUnknownBase && !env.has("PATH") && text.includes("PATH")) env = new Map(env).set("PATH", "$PATH");
    const r = expand(text, env, escape);
    if (r.error && ctx.report) ctx.sink.report("ExpansionError", r.error, range);
    return r.value;
  };

  switch (instr.kind) {
    case "Run":
      dispatchRun(instr, state, stage, ctx, d, x);
      break;
    case "Copy":
    case "Add":
      dispatchCopy(instr, state, stage, ctx, d, x);
      break;
    case "Workdir": {
      const raw = instr.path?.value ?? "";
      const p = x(raw, instr.path?.range ?? instr.args.range);
      const resolved = resolvePath(state.workdir ?? "/", p);
      state.workdir = resolved;
      d.expanded = `WORKDIR ${resolved}`;
      if (resolved !== "/") {
        // The mkdir's timestamp (and so its key) follows SOURCE_DATE_EPOCH when it is set.
        const epoch = ctx.buildArgs["SOURCE_DATE_EPOCH"] ?? "";
        d.vertex = { opParts: ["mkdir", resolved, state.user ?? "", epoch, opContext(stage, ctx)], chain: true, inputs: [] };
      }
      d.layer = resolved !== "/";
      d.history = `WORKDIR ${resolved}`;
      break;
    }
    case "Env": {
      // All pairs expand against the env from before the instruction.
      const before = instr.pairs.length > 1 ? new Map(state.buildEnv) : state.buildEnv;
      const parts: string[] = [];
      for (const pair of instr.pairs) {
        const key = x(pair.key.value, pair.key.range, before);
        const value = pair.value ? x(pair.value.value, pair.value.range, before) : "";
        if (key === "") continue;
        state.buildEnv.set(key, value);
        state.configEnv.set(key, value);
        parts.push(`${key}=${value}`);
      }
      d.expanded = `ENV ${parts.join(" ")}`;
      d.history = d.expanded;
      break;
    }
    case "Arg": {
      const parts: string[] = [];
      for (const decl of instr.declarations) {
        const a = resolveStageArg(decl.name.value, decl.defaultValue?.value, decl.defaultValue?.range, state, ctx, x);
        parts.push(a.value !== undefined ? `${a.name}=${a.value}` : a.name);
        const existing = state.args.find((e) => e.name === a.name);
        if (existing) {
          existing.value = a.value ?? existing.value;
          existing.source = a.value !== undefined ? a.source : existing.source;
        } else state.args.push(a);
        if (a.value !== undefined) state.buildEnv.set(a.name, a.value);
      }
      d.expanded = `ARG ${parts.join(" ")}`;
      d.history = d.expanded;
      break;
    }
    case "Label": {
      const before = state.buildEnv;
      const parts: string[] = [];
      for (const pair of instr.pairs) {
        const key = x(pair.key.value, pair.key.range, before);
        const value = pair.value ? x(pair.value.value, pair.value.range, before) : "";
        state.image.labels[key] = value;
        parts.push(`${key}=${value}`);
      }
      d.expanded = `LABEL ${parts.join(" ")}`;
      d.history = d.expanded;
      break;
    }
    case "Expose": {
      const ports: string[] = [];
      for (const w of instr.ports) {
        const r = expandSplit(w.value, state.buildEnv, escape);
        if (r.error && ctx.report) ctx.sink.report("ExpansionError", r.error, w.range);
        for (const token of r.words) {
          const normalized = normalizePorts(token);
          if (normalized.length === 0 && ctx.report) ctx.sink.report("InvalidPort", `invalid port "${token}": a port is 1-65535, optionally with /tcp, /udp or /sctp`, w.range);
          ports.push(...normalized);
        }
      }
      ports.sort();
      for (const p of ports) if (!state.image.exposedPorts.includes(p)) state.image.exposedPorts.push(p);
      d.expanded = `EXPOSE ${ports.join(" ")}`;
      d.history = `EXPOSE [${ports.join(" ")}]`;
      break;
    }
    case "User": {
      const u = x(instr.args.value, instr.args.range);
      state.user = u;
      d.expanded = `USER ${u}`;
      d.history = d.expanded;
      break;
    }
    case "Volume": {
      const vols = instr.paths.map((p) => x(p.value, p.range)).filter((v) => v !== "");
      for (const v of vols) if (!state.image.volumes.includes(v)) state.image.volumes.push(v);
      d.expanded = `VOLUME ${instr.json ? JSON.stringify(vols) : vols.join(" ")}`;
      d.history = `VOLUME [${vols.join(" ")}]`;
      break;
    }
    case "Stopsignal": {
      const sig = x(instr.signal?.value ?? instr.args.value, instr.signal?.range ?? instr.args.range);
      state.image.stopSignal = sig;
      d.expanded = `STOPSIGNAL ${sig}`;
      d.history = d.expanded;
      break;
    }
    case "Shell": {
      if (instr.command?.kind === "JsonForm") {
        state.shell = instr.command.elements.map((e) => e.value);
        state.image.shell = state.shell;
      }
      d.history = `SHELL [${state.shell.join(" ")}]`;
      break;
    }
    case "Cmd": {
      const argv = commandArgv(instr.command, state.shell);
      state.image.cmd = argv;
      state.cmdSet = true;
      d.history = `CMD ${goList(argv)}`;
      break;
    }
    case "Entrypoint": {
      const argv = commandArgv(instr.command, state.shell);
      state.image.entrypoint = argv.length === 0 && instr.command?.kind === "JsonForm" ? null : argv;
      // An ENTRYPOINT drops the CMD it inherited (from the base image or a base stage), not one set here.
      if (!state.cmdSet) state.image.cmd = null;
      d.history = `ENTRYPOINT ${goList(argv)}`;
      break;
    }
    case "Healthcheck": {
      state.image.healthcheck = healthcheckOf(instr, state.shell);
      d.history = `HEALTHCHECK ${JSON.stringify(state.image.healthcheck)}`;
      break;
    }
    case "Maintainer": {
      state.image.author = instr.maintainer?.value ?? instr.args.value;
      d.history = `MAINTAINER ${state.image.author}`;
      break;
    }
    case "Onbuild": {
      state.image.onBuild.push(instr.args.value);
      if (instr.trigger) state.triggers.push(instr.trigger);
      break;
    }
    default:
      break;
  }

  if (STATE_CHANGING.has(instr.kind)) state.shared = undefined;
  const shared = sharedSnapshot(state);
  const expanded = d.expanded ?? ownText(instr);
  const step: StepPlan = {
    line: trigger ? trigger.parentLine : instr.startLine,
    endLine: trigger ? trigger.parentLine : instr.endLine,
    instruction: trigger ? `ONBUILD ${instr.keyword}` : instr.keyword,
    text: trigger ? `ONBUILD ${ownText(instr)}` : instr.original,
    expanded: trigger ? `ONBUILD ${expanded}` : expanded,
    layer: d.layer ?? d.vertex !== undefined,
    vertex: d.vertex !== undefined,
    cache: "hit",
    state: shared.state,
    argDetails: shared.args,
  };
  if (d.history !== undefined) step.history = d.history;
  if (d.shadowed && d.shadowed.length > 0) step.shadowedEnv = d.shadowed;
  if (trigger) step.triggerOf = `line ${trigger.parentLine}`;
  return { step, vertex: d.vertex };
}

/** The instruction's text from its keyword on (a trigger's `original` still starts with `ONBUILD`). */
function ownText(instr: Instruction): string {
  return instr.parentOnbuild ? instr.original.replace(/^\s*onbuild\s+/i, "") : instr.original;
}

/** Instructions that change what a step's `state` shows. */
const STATE_CHANGING = new Set(["Env", "Arg", "Workdir", "User", "Shell"]);

type Expander = (text: string, range: Range, env?: ReadonlyMap<string, string>) => string;

/** BuildKit's `dispatchArg` order: build-arg, then the expanded default, then the global value, else unset. */
function resolveStageArg(
  name: string,
  defaultText: string | undefined,
  defaultRange: Range | undefined,
  state: BuildState,
  ctx: DispatchContext,
  x: Expander,
): ArgValue {
  const cli = ctx.buildArgs[name];
  if (cli !== undefined) return { name, value: cli, source: "build-arg" };
  if (defaultText !== undefined) return { name, value: x(defaultText, defaultRange!), source: "default" };
  const g = ctx.graph.globals.get(name);
  if (g !== undefined) return { name, value: g, source: ctx.graph.builtinNames.has(name) && !isMetaArg(ctx, name) ? "builtin" : "global" };
  return { name, source: "unset" };
}

function isMetaArg(ctx: DispatchContext, name: string): boolean {
  return ctx.graph.metaArgs.some((m) => m.name === name && m.value !== undefined && m.source !== "builtin");
}

/** What every op of a stage shares: its platform and the frontend that converts the Dockerfile. */
function opContext(stage: StageInfo, ctx: DispatchContext): string {
  return `${formatPlatform(stage.platform)}\0${ctx.graph.syntax}`;
}

/** A path inside another stage or image, cleaned and absolute (`app/dist/` -> `/app/dist`). */
function absolute(p: string): string {
  const c = cleanPath(p);
  return c === "." ? "/" : `/${c}`;
}

/** `a` against `/x` -> `/x/a`; `..` and `.` cleaned. */
export function resolvePath(cwd: string, p: string): string {
  const joined = p.startsWith("/") ? p : `${cwd}/${p}`;
  const c = cleanPath(joined);
  return c === "." ? "/" : `/${c}`;
}

function commandArgv(command: CommandForm | undefined, shell: string[]): string[] {
  if (!command) return [];
  if (command.kind === "JsonForm") return command.elements.map((e) => e.value);
  return [...shell, command.value];
}

function goList(argv: string[] | null): string {
  return `[${(argv ?? []).map((a) => JSON.stringify(a)).join(" ")}]`;
}

function healthcheckOf(instr: HealthcheckInstruction, shell: string[]): HealthcheckConfig {
  const type = instr.type?.value.toUpperCase();
  if (type === "NONE") return { test: ["NONE"] };
  const hc: HealthcheckConfig = { test: [] };
  if (instr.command?.kind === "JsonForm") hc.test = ["CMD", ...instr.command.elements.map((e) => e.value)];
  else if (instr.command) hc.test = ["CMD-SHELL", instr.command.value];
  void shell;
  for (const f of instr.flags) {
    const v = f.value?.value;
    if (v === undefined) continue;
    switch (f.name.value.toLowerCase()) {
      case "interval": hc.interval = v; break;
      case "timeout": hc.timeout = v; break;
      case "start-period": hc.startPeriod = v; break;
      case "start-interval": hc.startInterval = v; break;
      case "retries": hc.retries = Number(v); break;
    }
  }
  return hc;
}

/** `80` -> `80/tcp`; `8000-8002/udp` -> three entries; `ip:host:ctr` keeps the container part; [] when invalid. */
export function normalizePorts(token: string): string[] {
  let t = token;
  const colon = t.lastIndexOf(":");
  if (colon >= 0) t = t.slice(colon + 1);
  const slash = t.indexOf("/");
  const proto = slash >= 0 ? t.slice(slash + 1).toLowerCase() : "tcp";
  const ports = slash >= 0 ? t.slice(0, slash) : t;
  if (!["tcp", "udp", "sctp"].includes(proto)) return [];
  const m = /^(\d+)(?:-(\d+))?$/.exec(ports);
  if (!m) return [];
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo < 1 || hi > 65535 || hi < lo) return [];
  return Array.from({ length: hi - lo + 1 }, (_, i) => `${lo + i}/${proto}`);
}

function flagValue(instr: Instruction, name: string): string | undefined {
  const f = instr.flags.find((fl) => fl.name.value.toLowerCase() === name);
  return f ? (f.value?.value ?? "") : undefined;
}

function dispatchRun(instr: RunInstruction, state: BuildState, stage: StageInfo, ctx: DispatchContext, d: StepDraft, x: Expander): void {
  const escape: Escape = ctx.graph.escape;
  const mounts = instr.mounts.map((m) => {
    const expanded: Record<string, string> = {};
    for (const field of m.fields) {
      const key = field.key.value.toLowerCase();
      const raw = field.value?.value ?? "";
      expanded[key] = key === "from" ? raw : x(raw, field.value?.range ?? field.range);
    }
    const sourceField = m.fields.find((f) => ["source", "src"].includes(f.key.value.toLowerCase()));
    if (ctx.report) checkMount(m.type, expanded, state.workdir ?? "/", m.range, ctx);
    return { type: m.type, values: expanded, sourceRange: sourceField?.value?.range ?? m.range };
  });
  const inputs: ContentInput[] = [];
  const mountKeys: unknown[] = [];
  for (const m of mounts) {
    const v = m.values;
    const target = resolvePath(state.workdir ?? "/", v["target"] ?? v["dst"] ?? v["destination"] ?? "");
    if (m.type === "bind") {
      const source = v["source"] ?? v["src"] ?? "/";
      const from = v["from"];
      if (from === undefined || from === "") {
        inputs.push({ kind: "context", sources: [source], excludes: [] });
        if (ctx.report) checkLocalSource(source, m.sourceRange, ctx);
      }
      else {
        const dep = stage.deps.find((dp) => dp.kind === "mount-from" && dp.instruction === instr);
        if (dep?.target.kind === "stage") inputs.push({ kind: "stage", index: dep.target.index, paths: [absolute(source)] });
        else if (dep?.target.kind === "context") inputs.push({ kind: "context", sources: [source], excludes: [], namedContext: dep.target.value });
        else if (dep?.target.kind === "image") inputs.push({ kind: "image", ref: dep.target.ref, paths: [absolute(source)] });
      }
      mountKeys.push(["bind", target, source, v["rw"] !== undefined || v["readwrite"] !== undefined]);
    } else if (m.type === "cache") {
      // Only the target (and the namespace) is part of the key, never the contents.
      mountKeys.push(["cache", target]);
    } else if (m.type === "secret") {
      mountKeys.push(["secret", v["id"] ?? "", v["target"] ?? v["dst"] ?? "", v["env"] ?? ""]);
    } else if (m.type === "ssh") {
      mountKeys.push(["ssh", v["id"] ?? "default", target]);
    } else {
      mountKeys.push([m.type, target, v["size"] ?? ""]);
    }
  }
  const argv = instr.command ? commandArgv(instr.command, state.shell) : [];
  const heredocs = instr.heredocs.map((h) => h.content);
  // The env is the same object for every RUN until an ENV or ARG changes it.
  const env = sharedBuildEnv(state);
  const net = flagValue(instr, "network");
  const sec = flagValue(instr, "security");
  d.vertex = {
    opParts: ["exec", argv, heredocs, env, state.workdir ?? "/", state.user ?? "root", net ?? "", sec ?? "", mountKeys, ctx.buildArgs["BUILDKIT_SANDBOX_HOSTNAME"] ?? "", opContext(stage, ctx)],
    chain: true,
    inputs,
  };
  d.layer = true;
  const shadowed = state.args.filter((a) => a.value !== undefined && state.configEnv.has(a.name) && state.configEnv.get(a.name) !== a.value);
  d.shadowed = shadowed.map((a) => a.name);
  const rest = ownText(instr).slice(instr.keywordWord.value.length);
  // BuildKit names a heredoc RUN after its first line too.
  const firstLine = instr.heredocs[0]?.content.split(/\r?\n/).find((l) => l.trim() !== "");
  d.expanded = "RUN" + expandForDisplay(rest, state.buildEnv, escape) + (firstLine !== undefined ? ` (${firstLine.trim()}...)` : "");
  const declared = state.args.filter((a) => a.value !== undefined || state.buildEnv.has(a.name));
  const prefix = declared.length > 0 ? `|${declared.length} ${declared.map((a) => `${a.name}=${state.buildEnv.get(a.name) ?? a.value ?? ""}`).join(" ")} ` : "";
  d.history = `RUN ${prefix}${argv.join(" ")} # buildkit`;
}

function dispatchCopy(
  instr: CopyInstruction | AddInstruction,
  state: BuildState,
  stage: StageInfo,
  ctx: DispatchContext,
  d: StepDraft,
  x: Expander,
): void {
  const sources = instr.sources.map((w) => ({ raw: w.value, value: x(w.value, w.range), range: w.range }));
  const destRaw = instr.destination?.value ?? "";
  const dest = x(destRaw, instr.destination?.range ?? instr.args.range);
  const destAbs = dest.endsWith("/") || dest === "." ? `${resolvePath(state.workdir ?? "/", dest)}/`.replace(/\/\/$/, "/") : resolvePath(state.workdir ?? "/", dest);
  const chown = instr.chown ? x(instr.chown.value?.value ?? "", instr.chown.range) : "";
  const chmod = instr.chmod ? x(instr.chmod.value?.value ?? "", instr.chmod.range) : "";
  const excludes = instr.exclude.map((f) => f.value?.value ?? "");
  const linkValue = instr.link ? (instr.link.value?.value ?? "true").toLowerCase() : "false";
  const link = linkValue !== "false" && chmod === "";
  const heredocNames = new Set(instr.heredocs.map((h) => h.name));
  const inputs: ContentInput[] = [];
  const local: string[] = [];
  const fromDep = instr.kind === "Copy" && instr.from ? stage.deps.find((dp) => dp.kind === "copy-from" && dp.instruction === instr) : undefined;
  const isFromFlag = instr.kind === "Copy" && instr.from !== undefined;

  for (const s of sources) {
    const heredocName = /^<<-?["']?([^"']+)["']?$/.exec(s.raw)?.[1];
    if (heredocName && heredocNames.has(heredocName)) {
      const h = instr.heredocs.find((hd) => hd.name === heredocName)!;
      const body = h.expand ? expand(h.content, state.buildEnv, ctx.graph.escape).value : h.content;
      inputs.push({ kind: "inline", text: body });
      continue;
    }
    if (instr.kind === "Add" && isRemoteSource(s.value)) {
      inputs.push({ kind: "remote", url: s.value, pinned: instr.checksum !== undefined });
      continue;
    }
    local.push(s.value);
    if (!isFromFlag && ctx.report) checkLocalSource(s.value, s.range, ctx);
  }
  if (local.length > 0) {
    if (!isFromFlag) inputs.push({ kind: "context", sources: local, excludes });
    else if (fromDep?.target.kind === "stage") inputs.push({ kind: "stage", index: fromDep.target.index, paths: local.map(absolute) });
    else if (fromDep?.target.kind === "image") inputs.push({ kind: "image", ref: fromDep.target.ref, paths: local.map(absolute) });
    else if (fromDep?.target.kind === "context") inputs.push({ kind: "context", sources: local, excludes, namedContext: fromDep.target.value });
  }
  d.vertex = {
    opParts: [instr.keyword, sources.map((s) => s.value), destAbs, chown, chmod, excludes, link, flagValue(instr, "parents") ?? "", opContext(stage, ctx)],
    chain: !link,
    inputs,
  };
  d.layer = true;
  const flags = [instr.chown ? `--chown=${chown}` : "", instr.chmod ? `--chmod=${chmod}` : ""].filter(Boolean);
  const displayFlags = [...(instr.link ? [instr.link.text] : []), ...instr.exclude.map((f) => f.text), ...flags];
  const fromText = isFromFlag ? `--from=${(instr as CopyInstruction).from!.value?.value ?? ""} ` : "";
  d.expanded = `${instr.keyword} ${fromText}${displayFlags.map((f) => f + " ").join("")}${sources.map((s) => s.value).join(" ")} ${dest}`.replace(/\s+$/, "");
  d.history = `${instr.keyword} ${flags.map((f) => f + " ").join("")}${sources.map((s) => (s.raw.startsWith("<<") ? s.raw.replace(/["']/g, "") : s.value)).join(" ")} ${dest} # buildkit`;
}

const MOUNT_TYPES = new Set(["bind", "cache", "tmpfs", "secret", "ssh"]);

/**
 * What BuildKit refuses when it dispatches a RUN --mount (the parser accepts any type): an unknown type, and
 * a target that resolves to `/` (a relative or missing target is joined to the WORKDIR).
 */
function checkMount(type: string, values: Record<string, string>, workdir: string, range: Range, ctx: DispatchContext): void {
  if (!MOUNT_TYPES.has(type)) {
    ctx.sink.report("InvalidMount", `unsupported mount type "${type}"`, range);
    return;
  }
  if (type === "secret" || type === "ssh") return; // they default their target
  const target = values["target"] ?? values["dst"] ?? values["destination"] ?? "";
  if (resolvePath(workdir, target) === "/") ctx.sink.report("InvalidMount", `invalid mount target "${target === "" ? "/" : target}"`, range);
}

/** COPY/ADD sources that .dockerignore excludes, or that match nothing in the known context. */
function checkLocalSource(source: string, range: Range, ctx: DispatchContext): void {
  const view = ctx.context;
  if (!view.files && !view.hasIgnoreFile) return;
  const src = compileSource(source);
  if (view.files && view.included) {
    if (src.whole) return;
    const inContext = sourceMatchesAny(src, view.files);
    const included = sourceMatchesAny(src, view.included);
    if (src.wildcard) {
      if (!included) {
        const why = inContext ? "every file it matches is excluded by .dockerignore" : "it matches no file in the context";
        ctx.sink.report("CopyWildcardNoMatch", `"${source}" copies nothing: ${why} (BuildKit allows an empty wildcard)`, range);
      }
      return;
    }
    if (!inContext) ctx.sink.report("CopySourceNotFound", `"${src.text}" is not in the build context: the build fails with "not found"`, range);
    else if (!included) ctx.sink.report("CopyIgnoredFile", `"${src.text}" is excluded by .dockerignore: the build fails with "not found"`, range);
    return;
  }
  if (!src.whole && !src.wildcard && view.hasIgnoreFile && !view.hasExceptions && view.matchesOrParent(src.text)) {
    ctx.sink.report("CopyIgnoredFile", `"${src.text}" is excluded by .dockerignore: the build fails with "not found"`, range);
  }
}

export { DEFAULT_SHELL };
