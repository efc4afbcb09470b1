/** The mutable build state the dispatcher threads through a stage, and its plain-data snapshots. */
import type { Instruction } from "@shipshape/dockerfile";
import { hash } from "./hash.js";
import type { ArgValue, ImageConfig, StepState } from "./types.js";

export const DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
export const DEFAULT_SHELL = ["/bin/sh", "-c"];
/** BuildKit's default SHELL for a Windows stage. */
export const WINDOWS_SHELL = ["cmd", "/S", "/C"];

function defaultShell(os: string): string[] {
  return os === "windows" ? WINDOWS_SHELL : DEFAULT_SHELL;
}

export interface BuildState {
  /** What RUN sees and what expansions use: base env, ENV and valued ARGs, last writer wins. */
  buildEnv: Map<string, string>;
  /** The image config's Env as far as this Dockerfile determines it. */
  configEnv: Map<string, string>;
  /** ARGs declared in the stage (and inherited through FROM <stage>), first position kept. */
  args: ArgValue[];
  /**
   * `configEnv` and `args` as they were when the stage started, and every change since, in order. A step's
   * snapshot is a length into these logs and builds its records when read: with a copy per step, a stage
   * of n ENV lines held n² entries (20,000 ENV and ARG lines ran out of memory).
   */
  history: StateHistory;
  workdir?: string;
  user?: string;
  shell: string[];
  /** The image config but its env (`configEnv`) and labels (`labels`), which are kept as maps. */
  image: ImageConfig;
  /** LABELs so far: a map, as stages copy their parent's and only the final image needs a record. */
  labels: Map<string, string>;
  /** A CMD was dispatched in this stage (an ENTRYPOINT then keeps it). */
  cmdSet: boolean;
  /** ONBUILD triggers written in this stage, for the stages built FROM it. */
  triggers: Instruction[];
  /** The last snapshot, shared by the steps that do not change the state (cleared on every change). */
  shared?: SharedSnapshot;
  /** `args` by name, made on the first ARG of the stage. */
  argIndex?: Map<string, ArgValue>;
}

interface StateHistory {
  envStart: ReadonlyMap<string, string>;
  /** ENV keys and values set, in order. */
  envLog: [string, string][];
  argsStart: readonly ArgValue[];
  /** Each ARG declaration, in order, as dispatched (merged into `args` by `mergeArg`). */
  argLog: ArgValue[];
}

function startHistory(configEnv: ReadonlyMap<string, string>, args: readonly ArgValue[]): StateHistory {
  return { envStart: copyMap(configEnv), envLog: [], argsStart: args.map((a) => ({ ...a })), argLog: [] };
}

/** Sets an ENV value in the state (and its history). */
export function setEnv(state: BuildState, key: string, value: string): void {
  state.buildEnv.set(key, value);
  state.configEnv.set(key, value);
  state.history.envLog.push([key, value]);
}

/**
 * Declares an ARG in the state (and its history): a name declared before keeps its position and its
 * value unless this declaration gives one.
 */
export function declareArg(state: BuildState, arg: ArgValue): void {
  mergeArg(state.args, (state.argIndex ??= new Map(state.args.map((a) => [a.name, a]))), arg);
  state.history.argLog.push({ ...arg });
}

function mergeArg(args: ArgValue[], index: Map<string, ArgValue>, arg: ArgValue): void {
  const existing = index.get(arg.name);
  if (existing) {
    existing.value = arg.value ?? existing.value;
    existing.source = arg.value !== undefined ? arg.source : existing.source;
  } else {
    const added = { ...arg };
    args.push(added);
    index.set(arg.name, added);
  }
}

/** The env as it was after the first `length` changes of a history. */
function envAt(history: StateHistory, length: number): Map<string, string> {
  const env = copyMap(history.envStart);
  for (let i = 0; i < length; i++) env.set(history.envLog[i]![0], history.envLog[i]![1]);
  return env;
}

/** The ARGs as they were after the first `length` declarations of a history (fresh copies). */
function argsAt(history: StateHistory, length: number): ArgValue[] {
  const args = history.argsStart.map((a) => ({ ...a }));
  const index = new Map(args.map((a) => [a.name, a]));
  for (let i = 0; i < length; i++) mergeArg(args, index, history.argLog[i]!);
  return args;
}

/** Defines `key` on `target` as an enumerable property computed by `read` each time it is read. */
function lazy<T extends object>(target: T, key: keyof T & string, read: () => unknown): void {
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get: read });
}

export interface SharedSnapshot {
  state: StepState;
  /** Fresh copies each time it is read. */
  args: ArgValue[];
  /** The build env as RUN's key sees it, computed on first use. */
  buildEnv?: BuildEnvKey;
}

/**
 * The snapshot for a step: steps that leave the state alone share one object (plans of big files would
 * otherwise spend their time copying environments). Treat step states as read-only.
 */
export function sharedSnapshot(state: BuildState): SharedSnapshot {
  if (!state.shared) {
    const { history } = state;
    const length = history.argLog.length;
    const shared = { state: snapshot(state) } as SharedSnapshot;
    lazy(shared, "args", () => argsAt(history, length));
    state.shared = shared;
  }
  return state.shared;
}

/** Gives a step its state's ARG details, read from the snapshot's history when asked for. */
export function attachArgDetails(step: { argDetails: ArgValue[] }, shared: SharedSnapshot): void {
  lazy(step, "argDetails", () => shared.args);
}

/**
 * The ordered `K=V` build env in a RUN's op definition. It is listed when the RUN is dispatched (the env
 * changes later) but hashed only when the cache model serialises the op (through `toJSON`), and once for
 * all the RUNs that share it.
 */
export class BuildEnvKey {
  private key?: string;
  constructor(private readonly list: readonly string[]) {}
  toJSON(): string {
    return (this.key ??= hash(JSON.stringify(this.list)));
  }
}

/** The build env for a RUN's op; the same object until an ENV or ARG changes the env. */
export function sharedBuildEnv(state: BuildState): BuildEnvKey {
  const shared = sharedSnapshot(state);
  if (shared.buildEnv === undefined) {
    const list: string[] = [];
    state.buildEnv.forEach((v, k) => list.push(`${k}=${v}`));
    shared.buildEnv = new BuildEnvKey(list);
  }
  return shared.buildEnv;
}

export function emptyImage(inheritsUnknownBase: boolean): ImageConfig {
  return { env: {}, exposedPorts: [], volumes: [], labels: {}, healthcheck: null, onBuild: [], inheritsUnknownBase };
}

export function scratchState(os = "linux"): BuildState {
  const image = emptyImage(false);
  image.workdir = "/";
  // BuildKit adds the default PATH on Linux only.
  const env: [string, string][] = os === "windows" ? [] : [["PATH", DEFAULT_PATH]];
  return {
    buildEnv: new Map(env),
    configEnv: new Map(env),
    args: [],
    history: startHistory(new Map(env), []),
    workdir: "/",
    shell: defaultShell(os),
    image,
    labels: new Map(),
    cmdSet: false,
    triggers: [],
  };
}

/** A stage on an external image: its env, workdir, user and command are unknown offline. */
export function unknownBaseState(os = "linux"): BuildState {
  return {
    buildEnv: new Map(),
    configEnv: new Map(),
    args: [],
    history: startHistory(new Map(), []),
    shell: defaultShell(os),
    image: emptyImage(true),
    labels: new Map(),
    cmdSet: false,
    triggers: [],
  };
}

function cloneImage(img: ImageConfig): ImageConfig {
  // A for-in copy (same key order as a spread) is several times faster than `{ ...img }` here: images
  // take many shapes, depending on which fields a Dockerfile set and in which order.
  const out = {} as Record<string, unknown>;
  for (const k in img) out[k] = img[k as keyof ImageConfig];
  const copy = out as unknown as ImageConfig;
  copy.env = { ...img.env };
  copy.exposedPorts = img.exposedPorts.slice();
  copy.volumes = img.volumes.slice();
  copy.labels = { ...img.labels };
  copy.healthcheck = img.healthcheck ? { ...img.healthcheck, test: [...img.healthcheck.test] } : null;
  copy.entrypoint = img.entrypoint ? [...img.entrypoint] : img.entrypoint;
  copy.cmd = img.cmd ? [...img.cmd] : img.cmd;
  copy.onBuild = img.onBuild.slice();
  return copy;
}

/** FROM <stage>: everything is copied except the ONBUILD list, which the child runs instead. */
export function inheritState(parent: BuildState): BuildState {
  const image = cloneImage(parent.image);
  image.onBuild = [];
  return {
    buildEnv: copyMap(parent.buildEnv),
    configEnv: copyMap(parent.configEnv),
    args: parent.args.map((a) => ({ ...a })),
    history: startHistory(parent.configEnv, parent.args),
    workdir: parent.workdir,
    user: parent.user,
    shell: parent.shell,
    image,
    labels: copyMap(parent.labels),
    cmdSet: false,
    triggers: [],
  };
}

/** `new Map(m)` without an entry array per key (a stage copies its parent's environments). */
function copyMap(m: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  m.forEach((v, k) => out.set(k, v));
  return out;
}

/** `Object.fromEntries(m)`, the same way. */
function toRecord(m: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  m.forEach((v, k) => {
    // `ENV __proto__=x` must stay an own property, as Object.fromEntries makes it.
    if (k === "__proto__") Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  });
  return out;
}

/**
 * A step's state. `env` and `args` are built from the state's history each time they are read (every
 * read gets a new record), so a plan holds no copy of the environment per step; reading them all costs
 * what building them did.
 */
export function snapshot(state: BuildState): StepState {
  // Keys in INTERFACE.md's order; unknown workdir/user stay out.
  const s = {} as StepState;
  if (state.workdir !== undefined) s.workdir = state.workdir;
  if (state.user !== undefined) s.user = state.user;
  s.shell = state.shell;
  const { history } = state;
  const envLength = history.envLog.length;
  const argLength = history.argLog.length;
  lazy(s, "env", () => toRecord(envAt(history, envLength)));
  lazy(s, "args", () => {
    const args: Record<string, string> = {};
    for (const a of argsAt(history, argLength)) if (a.value !== undefined) args[a.name] = a.value;
    return args;
  });
  return s;
}

/** The final image config of a stage, with the env as the Dockerfile set it. */
export function finalImage(state: BuildState): ImageConfig {
  const img = cloneImage(state.image);
  img.env = toRecord(state.configEnv);
  img.labels = toRecord(state.labels);
  if (state.workdir !== undefined) img.workdir = state.workdir;
  if (state.user !== undefined) img.user = state.user;
  return img;
}
