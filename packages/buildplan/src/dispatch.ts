/**
 * Walks a stage's instructions the way BuildKit's `dispatch` does and records, for every step, the state after
 * it, whether it is a vertex (and so a layer), and the parts of its cache key (the op definition and its
 * content inputs) that the cache model compares between builds. RUN and COPY/ADD have their own modules.
 */
import type { HealthcheckInstruction, Instruction } from "@shipshape/dockerfile";
import type { Range } from "@shipshape/text";
import { dispatchCopy } from "./dispatch-copy.js";
import {
  commandArgv, opContext, ownText, resolvePath, type DispatchContext, type DispatchedStep, type Expander, type StepDraft,
} from "./dispatch-common.js";
import { dispatchRun } from "./dispatch-run.js";
import type { StageInfo } from "./graph.js";
import { attachArgDetails, declareArg, setEnv, sharedSnapshot, type BuildState } from "./state.js";
import type { ArgValue, HealthcheckConfig, StepPlan } from "./types.js";
import { expand, expandSplit } from "./vars.js";

export type { ContentInput, DispatchContext, DispatchedStep, VertexSpec } from "./dispatch-common.js";
export { resolvePath } from "./dispatch-common.js";

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
      // All pairs expand against the env from before the instruction: expand them all, then set them.
      const pairs = instr.pairs.map((pair) => [x(pair.key.value, pair.key.range), pair.value ? x(pair.value.value, pair.value.range) : ""] as const);
      const parts: string[] = [];
      for (const [key, value] of pairs) {
        if (key === "") continue;
        setEnv(state, key, value);
        parts.push(`${key}=${value}`);
      }
      d.expanded = `ENV ${parts.join(" ")}`;
      d.history = d.expanded;
      break;
    }
    case "Arg": {
      const parts: string[] = [];
      for (const decl of instr.declarations) {
        const a = resolveStageArg(decl.name.value, decl.defaultValue?.value, decl.defaultValue?.range, ctx, x);
        parts.push(a.value !== undefined ? `${a.name}=${a.value}` : a.name);
        declareArg(state, a);
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
        state.labels.set(key, value);
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
          for (const p of normalized) ports.push(p); // a range (1-65535) is too many arguments to spread
        }
      }
      ports.sort();
      addNew(state.image.exposedPorts, ports);
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
      addNew(state.image.volumes, vols);
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
    argDetails: [],
  };
  attachArgDetails(step, shared);
  if (d.history !== undefined) step.history = d.history;
  if (d.shadowed && d.shadowed.length > 0) step.shadowedEnv = d.shadowed;
  if (trigger) step.triggerOf = `line ${trigger.parentLine}`;
  return { step, vertex: d.vertex };
}

/** Instructions that change what a step's `state` shows. */
const STATE_CHANGING = new Set(["Env", "Arg", "Workdir", "User", "Shell"]);

/** BuildKit's `dispatchArg` order: build-arg, then the expanded default, then the global value, else unset. */
function resolveStageArg(
  name: string,
  defaultText: string | undefined,
  defaultRange: Range | undefined,
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

/** Appends the items `list` does not hold yet, in order, each once (a port range adds tens of thousands). */
function addNew(list: string[], items: readonly string[]): void {
  const have = new Set(list);
  for (const item of items) {
    if (have.has(item)) continue;
    have.add(item);
    list.push(item);
  }
}
