/**
 * The cache model. BuildKit keys every vertex by its op definition, its chain input's key and the content
 * of its content-addressed inputs; a vertex is a hit when the previous build produced the same key. We
 * compute those keys for the previous build (default: this one with nothing changed) and for this one with
 * the changed paths and images bumped, and compare. Where a key depends on the output of a stage that
 * re-runs, we cannot know whether the bytes really changed: the key is computed optimistically (as if they
 * did not) and the step is `content-dependent` when that optimistic key is a hit.
 */
import type { ContextView } from "./context.js";
import { excludeMatcher } from "./context.js";
import type { ContentInput, VertexSpec } from "./dispatch.js";
import { familiarName, normalizeImageRef } from "./image-ref.js";
import { hash, hashParts } from "./hash.js";
import type { Simulation, SimulatedStage } from "./simulate.js";
import { changeTouches, compileSource, type CompiledSource } from "./sources.js";
import type { CacheOutcome } from "./types.js";

/** The hash of the vertex's op definition, computed once per vertex: both walks of the cache model use it. */
function opKey(v: VertexSpec): string {
  return (v.opKey ??= hashParts(v.opParts));
}

interface Keyed {
  key: string;
  uncertain: boolean;
}

export interface Changes {
  changedPaths: Set<string>;
  changedImages: Set<string>;
}

/** The keys a previous build left in the cache, and each stage's output key by id. */
export interface Baseline {
  keys: Set<string>;
  stageOutput: Map<string, string>;
}

export interface StepCache {
  cache: CacheOutcome;
  reason?: string;
}

interface KeyWorld {
  sim: Simulation;
  changes: Changes;
  baseline?: Baseline;
  forced: (stage: SimulatedStage) => boolean;
  /** Stage index -> its output key. */
  outputs: Map<number, Keyed>;
  /** The changed paths each context input selects (for its key, and again to explain a miss). */
  changedByInput: Map<ContextInput, string[]>;
}

/** Computes the keys of a previous build: every vertex of the stages it built. */
export function baselineOf(sim: Simulation): Baseline {
  const world: KeyWorld = { sim, changes: { changedPaths: new Set(), changedImages: new Set() }, forced: () => false, outputs: new Map(), changedByInput: new Map() };
  const keys = new Set<string>();
  const stageOutput = new Map<string, string>();
  for (const stage of sim.stages) {
    // A stage the target does not need is not built; only other such stages depend on it.
    if (!stage.info.reachable) continue;
    const r = walkStage(world, stage);
    for (const k of r.keys) keys.add(k);
    stageOutput.set(stage.info.id, r.output.key);
  }
  return { keys, stageOutput };
}

/** Sets `cache` and `cacheReason` on every step of every stage of `sim`, and returns the first miss per stage. */
export function assignCache(sim: Simulation, changes: Changes, baseline: Baseline, noCache: string[] | true | undefined): Map<number, number | null> {
  const filter = noCache === true ? true : new Set((noCache ?? []).map((n) => n.toLowerCase()));
  const forced = (s: SimulatedStage): boolean => filter === true || (s.info.name !== null && filter.has(s.info.name));
  const world: KeyWorld = { sim, changes, baseline, forced, outputs: new Map(), changedByInput: new Map() };
  const firstMiss = new Map<number, number | null>();
  for (const stage of sim.stages) {
    if (!stage.info.reachable) {
      // Not needed by the target: no keys to compute (only other unneeded stages build on it).
      for (const d of stage.steps) d.step.cache = "not-built";
      firstMiss.set(stage.info.index, null);
      continue;
    }
    const r = walkStage(world, stage);
    const built = stage.info.replacedBy === undefined;
    let first: number | null = null;
    stage.steps.forEach((d, i) => {
      const c = r.outcomes[i]!;
      d.step.cache = built ? c.cache : "not-built";
      if (built && c.reason) d.step.cacheReason = c.reason;
      if (built && first === null && d.vertex && (c.cache === "miss" || c.cache === "forced")) first = i;
    });
    firstMiss.set(stage.info.index, first);
  }
  return firstMiss;
}

function walkStage(world: KeyWorld, stage: SimulatedStage): { keys: string[]; output: Keyed; outcomes: StepCache[] } {
  const keys: string[] = [];
  const outcomes: StepCache[] = [];
  const forced = world.forced(stage);
  const info = stage.info;
  let chain: Keyed;
  let chainReason: string | undefined;

  if (info.replacedBy !== undefined) {
    const out = { key: hash(`named-context\0${info.replacedBy}`), uncertain: false };
    world.outputs.set(info.index, out);
    return { keys: [out.key], output: out, outcomes: stage.steps.map(() => ({ cache: "hit" })) };
  }

  for (let i = 0; i < stage.steps.length; i++) {
    const d = stage.steps[i]!;
    if (i === 0) {
      chain = baseKey(world, stage);
      keys.push(chain.key);
      const o = outcomeOf(world, chain, forced && d.vertex !== undefined);
      if (o.cache === "miss") o.reason = info.base.kind === "stage" ? `base stage "${stageId(world, info.base.index)}" re-runs` : "the base image changed";
      if (o.cache === "content-dependent") o.reason = `depends on whether stage "${info.base.kind === "stage" ? stageId(world, info.base.index) : ""}" really changed`;
      chainReason = o.reason;
      outcomes.push(o);
      continue;
    }
    const v = d.vertex;
    if (!v) {
      // Metadata only: nothing runs; it shares the state of the step before.
      const o = outcomeOf(world, chain!, false);
      if (o.cache !== "hit") o.reason = "no vertex (metadata only); follows the step before";
      outcomes.push(forced ? { cache: "forced", reason: "--no-cache-filter" } : o);
      continue;
    }
    const inputs = v.inputs.map((inp) => inputKey(world, inp));
    const inputPart = inputs.map((k) => k.key).join("\0");
    const inputUncertain = inputs.some((k) => k.uncertain);
    if (v.chain) {
      const key = hash(`${opKey(v)}\0${chain!.key}\0${inputPart}`);
      const next = { key, uncertain: chain!.uncertain || inputUncertain };
      keys.push(key);
      const o = forced ? { cache: "forced" as const, reason: "--no-cache-filter" } : outcomeOf(world, next, false);
      let root = chainReason;
      if (!forced) {
        const e = explain(world, o.cache, chain!, chainReason, v);
        o.reason = e?.text;
        if (e && !e.inherited) root = e.text;
      }
      outcomes.push(o);
      chain = next;
      chainReason = o.cache === "hit" ? undefined : root;
    } else {
      // COPY --link: the copy is keyed without the previous state; a merge puts it on top.
      const copyKey = hash(`${opKey(v)}\0${inputPart}`);
      const copy = { key: copyKey, uncertain: inputUncertain };
      const mergeKey = hash(`merge\0${chain!.key}\0${copyKey}`);
      const merged = { key: mergeKey, uncertain: chain!.uncertain || inputUncertain };
      keys.push(copyKey, mergeKey);
      const o = forced ? { cache: "forced" as const, reason: "--no-cache-filter" } : outcomeOf(world, copy, false);
      if (!forced) {
        o.reason = explain(world, o.cache, { key: "", uncertain: false }, undefined, v)?.text;
        const m = outcomeOf(world, merged, false);
        if (o.cache === "hit" && m.cache !== "hit") o.reason = "the linked copy is reused; only its merge onto the changed layers below re-runs";
        chain = merged;
        chainReason = m.cache === "hit" ? undefined : (o.reason ?? "the layers below changed");
      } else chain = merged;
      outcomes.push(o);
    }
  }
  const output: Keyed = forced ? { key: chain!.key, uncertain: true } : chain!;
  world.outputs.set(info.index, output);
  return { keys, output, outcomes };
}

function stageId(world: KeyWorld, index: number): string {
  return world.sim.stages[index]?.info.id ?? String(index);
}

function outcomeOf(world: KeyWorld, k: Keyed, forced: boolean): StepCache {
  if (forced) return { cache: "forced", reason: "--no-cache-filter" };
  if (!world.baseline) return { cache: "hit" };
  if (!world.baseline.keys.has(k.key)) return { cache: "miss" };
  return { cache: k.uncertain ? "content-dependent" : "hit" };
}

/** Why a vertex re-runs; `inherited` when the cause is the step before (whose root cause is passed on). */
function explain(world: KeyWorld, cache: CacheOutcome, chain: Keyed, chainRoot: string | undefined, v: VertexSpec): { text: string; inherited: boolean } | undefined {
  if (cache === "hit") return undefined;
  if (cache === "content-dependent") {
    const stages = v.inputs.filter((i): i is Extract<ContentInput, { kind: "stage" }> => i.kind === "stage").filter((i) => world.outputs.get(i.index)?.uncertain || !world.baseline?.keys.has(world.outputs.get(i.index)?.key ?? ""));
    if (stages.length > 0) return { text: `likely miss: depends on whether ${stages.map((s) => `${stageId(world, s.index)}:${s.paths.join(",")}`).join(" and ")} really changed`, inherited: false };
    return { text: chainRoot ? `follows the step before (${chainRoot})` : "depends on whether an earlier stage's output really changed", inherited: true };
  }
  if (world.baseline && chain.key !== "" && !world.baseline.keys.has(chain.key)) {
    return { text: chainRoot ? `the step before re-runs (${chainRoot})` : "the step before re-runs", inherited: true };
  }
  const changed = changedFilesOf(world, v);
  if (changed.length > 0) return { text: `changed: ${changed.slice(0, 5).join(", ")}${changed.length > 5 ? ", ..." : ""}`, inherited: false };
  const moved = v.inputs.filter((i) => i.kind === "image" && imageMoved(world, i.ref));
  if (moved.length > 0) return { text: "the source image changed", inherited: false };
  return { text: "the instruction or its environment (ARG/ENV, WORKDIR, USER, SHELL) changed", inherited: false };
}

function changedFilesOf(world: KeyWorld, v: VertexSpec): string[] {
  const out: string[] = [];
  for (const inp of v.inputs) if (inp.kind === "context") out.push(...selectedChanged(world, inp));
  return out;
}

function imageMoved(world: KeyWorld, ref: string): boolean {
  const set = world.changes.changedImages;
  return set.has(ref) || set.has(normalizeImageRef(ref)) || set.has(familiarName(ref));
}

function baseKey(world: KeyWorld, stage: SimulatedStage): Keyed {
  const b = stage.info.base;
  switch (b.kind) {
    case "scratch":
      return { key: hash("scratch"), uncertain: false };
    case "stage": {
      const parent = world.outputs.get(b.index);
      return parent ?? { key: hash(`missing-stage\0${b.index}`), uncertain: false };
    }
    case "context":
      return { key: hash(`named-context\0${b.value}`), uncertain: false };
    case "image":
      return { key: hash(`image\0${opKey(stage.steps[0]!.vertex!)}\0${imageMoved(world, b.ref) ? "moved" : ""}`), uncertain: false };
  }
}

type ContextInput = Extract<ContentInput, { kind: "context" }>;

/** What a context input selects, independent of the change set: computed once per input, shared by both walks. */
interface ContextSelection {
  sources: CompiledSource[];
  excluded: ((path: string) => boolean) | undefined;
  /** The hash of the selected context files (after .dockerignore), "" when the file list is unknown. */
  files: string;
}

const selections = new WeakMap<ContextInput, ContextSelection>();

/** An input belongs to one simulation, and so to one context view. */
function selectionOf(inp: ContextInput, view: ContextView): ContextSelection {
  let sel = selections.get(inp);
  if (sel) return sel;
  const sources = inp.sources.map(compileSource);
  let files = "";
  const index = inp.namedContext === undefined ? view.includedIndex() : undefined;
  if (index) {
    // The selected files in the order of the list, each once, as a scan of the list would give them.
    const picked = new Set<number>();
    for (const s of sources) for (const i of index.selected(s)) picked.add(i);
    files = hash([...picked].sort((a, b) => a - b).map((i) => index.paths[i]).join("\n"));
  }
  sel = { sources, excluded: excludeMatcher(inp.excludes), files };
  selections.set(inp, sel);
  return sel;
}

/** The changed context paths a context input selects (after .dockerignore and `--exclude`), once per walk's change set. */
function selectedChanged(world: KeyWorld, inp: ContextInput): string[] {
  const changed = world.changes.changedPaths;
  if (changed.size === 0) return [];
  let out = world.changedByInput.get(inp);
  if (!out) {
    out = changedSelection(inp, changed, world.sim.context);
    world.changedByInput.set(inp, out);
  }
  return out;
}

function changedSelection(inp: ContextInput, changed: Set<string>, view: ContextView): string[] {
  const { sources, excluded } = selectionOf(inp, view);
  const out: string[] = [];
  for (const p of changed) {
    if (inp.namedContext === undefined && view.isExcluded(p)) continue;
    const src = sources.find((s) => changeTouches(s, p));
    if (!src) continue;
    if (excluded) {
      // Relative to the copied root: below a directory source, or the file's own name.
      const parts = p.split("/");
      const rel = src.whole ? p : parts.length > src.parts.length ? parts.slice(src.parts.length).join("/") : parts[parts.length - 1]!;
      if (excluded(rel)) continue;
    }
    out.push(p);
  }
  return out.sort();
}

function inputKey(world: KeyWorld, inp: ContentInput): Keyed {
  switch (inp.kind) {
    case "context": {
      const changed = selectedChanged(world, inp);
      const files = selectionOf(inp, world.sim.context).files;
      return { key: hash(`ctx\0${inp.namedContext ?? ""}\0${inp.sources.join("\0")}\0${inp.excludes.join("\0")}\0${files}\0${changed.join("\0")}`), uncertain: false };
    }
    case "stage": {
      const out = world.outputs.get(inp.index);
      if (!out) return { key: hash(`missing-stage\0${inp.index}`), uncertain: false };
      const paths = inp.paths.join("\0");
      const certainSame = !out.uncertain && (!world.baseline || world.baseline.keys.has(out.key));
      if (certainSame || !world.baseline) return { key: hash(`stage\0${out.key}\0${paths}`), uncertain: false };
      // The stage re-runs: its bytes may or may not differ. Assume they do not, and say so.
      const before = world.baseline.stageOutput.get(stageId(world, inp.index));
      if (before === undefined) return { key: hash(`stage\0${out.key}\0${paths}`), uncertain: false };
      return { key: hash(`stage\0${before}\0${paths}`), uncertain: true };
    }
    case "image":
      return { key: hash(`image-content\0${normalizeImageRef(inp.ref)}\0${imageMoved(world, inp.ref) ? "moved" : ""}\0${inp.paths.join("\0")}`), uncertain: false };
    case "remote":
      return { key: hash(`remote\0${inp.url}`), uncertain: false };
    case "inline":
      return { key: hash(`inline\0${inp.text}`), uncertain: false };
  }
}
