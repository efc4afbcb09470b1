// Inlay hints for `extends`: beside each value a service overrides, the value it inherits otherwise.
import { type CMap, type CNode, type ComposeFile, parseCompose, scalarText } from "@shipshape/compose";
import type { Range as OffsetRange } from "@shipshape/text";
import type { InlayHint, Range } from "vscode-languageserver-types";
import { toOffset, toPosition } from "../convert.js";
import type { ParsedDocument } from "../document.js";
import type { FileAccess } from "./editor.js";
import { extendsFile } from "./model-refs.js";
import { dockerfilePathOf } from "./paths.js";

/** One service of the `extends` chain above the hinted service, nearest first. */
interface Ancestor {
  service: string;
  file: string;
  node: CMap;
}

/** Values merged by replacing the inherited list rather than appending to it (as compose-go merges). */
const REPLACED_LISTS = new Set(["command", "entrypoint", "healthcheck.test"]);
/** Lists of `KEY=VALUE` (or mappings) merged key by key; the path below the service. */
const KEYED_LISTS = new Set(["environment", "labels", "annotations", "build.args", "build.labels", "build.additional_contexts", "deploy.labels", "sysctls", "extra_hosts"]);
const MAX_CHAIN = 16;
const MAX_LABEL = 60;

export function composeInlayHints(doc: ParsedDocument, files: FileAccess = {}, range?: Range): InlayHint[] {
  const model = doc.compose?.model;
  if (!model) return [];
  const window = range ? { start: toOffset(doc, range.start), end: toOffset(doc, range.end) } : undefined;
  const models = new Map<string, ComposeFile | undefined>([[doc.path, model]]);
  const modelOf = (path: string) => {
    if (!models.has(path)) {
      const text = files.readFile?.(path);
      models.set(path, text === undefined ? undefined : parseCompose(text, { fileName: path }).model);
    }
    return models.get(path);
  };
  const out: InlayHint[] = [];
  for (const service of Object.values(model.services)) {
    if (service.nameFile !== doc.path || !service.node || service.extends?.service.file !== doc.path) continue;
    if (window && (service.range.end < window.start || service.range.start > window.end)) continue;
    const chain = ancestorsOf(doc.path, service.name, modelOf);
    if (!chain.length) continue;
    compareMaps(doc, service.node, [], chain.map((a) => ({ node: a.node, from: a })), out, window);
  }
  return out;
}

/** The services `name` extends, directly and through their own `extends`, stopping at a cycle or a missing one. */
function ancestorsOf(file: string, name: string, modelOf: (path: string) => ComposeFile | undefined): Ancestor[] {
  const chain: Ancestor[] = [];
  const seen = new Set([`${file}\0${name}`]);
  let ext = modelOf(file)?.services[name]?.extends;
  let from = file;
  while (ext && chain.length < MAX_CHAIN) {
    const sourceFile = extendsFile(ext);
    const target = sourceFile ? dockerfilePathOf(from, ".", sourceFile) : from;
    const key = `${target}\0${ext.service.value}`;
    if (seen.has(key)) break;
    seen.add(key);
    const parent = modelOf(target)?.services[ext.service.value];
    if (!parent?.node) break;
    chain.push({ service: parent.name, file: target, node: parent.node });
    ext = parent.extends;
    from = target;
  }
  return chain;
}

/** A keyed child of a mapping or of a `KEY=VALUE` list, with where its hint goes. */
interface Keyed {
  key: string;
  value: CNode | string | undefined;
  /** The key and the value as written, for placing the hint. */
  written: OffsetRange;
}

/** The keyed children written inside `node` (entries merged in from an anchor elsewhere are not this place's). */
function keyedChildren(node: CNode, keyedList: boolean, splitter: RegExp): Keyed[] {
  if (node.kind === "map") {
    return node.entries
      .filter((e) => e.keyFile === node.file && e.keyRange.start >= node.range.start && e.keyRange.end <= node.range.end)
      .map((e) => ({ key: e.key, value: e.value, written: { start: e.keyRange.start, end: e.value.range.start >= e.keyRange.start ? e.value.range.end : e.keyRange.end } }));
  }
  if (node.kind !== "seq" || !keyedList) return [];
  const out: Keyed[] = [];
  for (const item of node.items) {
    if (item.kind !== "scalar" || typeof item.value !== "string") continue;
    const m = splitter.exec(item.value);
    out.push(m ? { key: item.value.slice(0, m.index), value: item.value.slice(m.index + 1), written: item.range } : { key: item.value, value: undefined, written: item.range });
  }
  return out;
}

function splitterFor(path: string): RegExp {
  return path === "extra_hosts" ? /[=:]/ : /=/;
}

function childAt(node: CNode, key: string, keyedList: boolean, splitter: RegExp): Keyed | undefined {
  const all = keyedChildren(node.kind === "map" ? { ...node, range: { start: 0, end: Number.MAX_SAFE_INTEGER } } : node, keyedList, splitter);
  for (let i = all.length - 1; i >= 0; i--) if (all[i]!.key === key) return all[i];
  return undefined;
}

/** The same place in each ancestor: the node there (or a `KEY=VALUE` item's text), and whose it is. */
interface Layer {
  node: CNode | string | null | undefined;
  from: Ancestor;
}

/** Walks what `child` writes at `path` below the service, hinting each value an ancestor also sets. */
function compareMaps(doc: ParsedDocument, child: CNode, path: string[], layers: readonly Layer[], out: InlayHint[], window?: OffsetRange): void {
  const pathText = path.join(".");
  const keyedList = KEYED_LISTS.has(pathText);
  const splitter = splitterFor(pathText);
  for (const c of keyedChildren(child, keyedList, splitter)) {
    if (path.length === 0 && c.key === "extends") continue;
    const below: Layer[] = layers.map((l) => ({ node: typeof l.node === "object" && l.node ? inner(l.node, c.key, keyedList, splitter) : undefined, from: l.from }));
    const inherited = below.find((l) => l.node !== undefined);
    if (!inherited) continue;
    const childPath = [...path, c.key].join(".");
    const cv = c.value;
    const pv = inherited.node as CNode | string | null;
    const recurse = typeof cv === "object" && pv !== null && typeof pv === "object" && !cv.tag && ((cv.kind === "map" && pv.kind === "map") || KEYED_LISTS.has(childPath));
    if (recurse) {
      compareMaps(doc, cv, [...path, c.key], below, out, window);
      continue;
    }
    const scalarOverride = (cv === undefined || typeof cv === "string" || cv.kind === "scalar") && (typeof pv === "string" || pv === null || pv.kind === "scalar");
    if (!scalarOverride && !REPLACED_LISTS.has(childPath) && !(typeof cv === "object" && cv.tag)) continue;
    if (window && (c.written.end < window.start || c.written.start > window.end)) continue;
    out.push(hintFor(doc, c, pv, inherited.from));
  }
}

/** The value under `key` in one ancestor's node, as a node or (in a `KEY=VALUE` list) a string; null for a bare key. */
function inner(node: CNode, key: string, keyedList: boolean, splitter: RegExp): CNode | string | null | undefined {
  const found = childAt(node, key, keyedList, splitter);
  if (!found) return undefined;
  return found.value === undefined ? null : found.value;
}

function hintFor(doc: ParsedDocument, c: Keyed, inherited: CNode | string | null, from: Ancestor): InlayHint {
  // After the value when it ends on the key's line; else at the end of that line (a block list or mapping).
  const keyLine = doc.lines.lineAt(c.written.start);
  const at = doc.lines.lineAt(c.written.end) === keyLine ? c.written.end : doc.lines.lineContentEnd(keyLine);
  const value = render(inherited);
  const where = from.file === doc.path ? `service \`${from.service}\`` : `service \`${from.service}\` of ${from.file}`;
  return {
    position: toPosition(doc, at),
    label: `${from.service}: ${value.length > MAX_LABEL ? `${value.slice(0, MAX_LABEL - 1)}…` : value}`,
    paddingLeft: true,
    tooltip: `Overrides \`${value}\` inherited from ${where}`,
  };
}

/** A short one-line rendering of an inherited value. */
function render(n: CNode | string | null, depth = 0): string {
  // A bare `KEY` or an empty `key:`: no value of its own (for environment, the shell's is passed through).
  if (n === null || (typeof n === "object" && n.kind === "scalar" && n.value === null)) return "(no value)";
  if (typeof n === "string") return n === "" ? '""' : n;
  if (depth > 3) return "…";
  if (n.kind === "scalar") {
    const text = scalarText(n);
    return text === "" ? '""' : text;
  }
  if (n.kind === "seq") return `[${n.items.map((i) => render(i, depth + 1)).join(", ")}]`;
  return `{${n.entries.map((e) => `${e.key}: ${render(e.value, depth + 1)}`).join(", ")}}`;
}
