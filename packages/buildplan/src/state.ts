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
}

export interface SharedSnapshot {
  state: StepState;
  args: ArgValue[];
  /** The build env as RUN's key sees it, computed on first use. */
  buildEnv?: BuildEnvKey;
}

/**
 * The snapshot for a step: steps that leave the state alone share one object (plans of big files would
 * otherwise spend their time copying environments). Treat step states as read-only.
 */
export function sharedSnapshot(state: BuildState): SharedSnapshot {
  state.shared ??= {
    state: snapshot(state),
    args: state.args.map((a) => ({ ...a })),
  };
  return state.shared;
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
  return { buildEnv: new Map(), configEnv: new Map(), args: [], shell: defaultShell(os), image: emptyImage(true), labels: new Map(), cmdSet: false, triggers: [] };
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
function copyMap(m: Map<string, string>): Map<string, string> {
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

export function snapshot(state: BuildState): StepState {
  // Keys in INTERFACE.md's order; unknown workdir/user stay out.
  const s = {} as StepState;
  if (state.workdir !== undefined) s.workdir = state.workdir;
  if (state.user !== undefined) s.user = state.user;
  s.shell = state.shell;
  s.env = toRecord(state.configEnv);
  s.args = {};
  for (const a of state.args) if (a.value !== undefined) s.args[a.name] = a.value;
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
