import type { Range } from "@shipshape/text";
import type { DiagnosticSink } from "./codes.js";
import type { CEntry, CNode, CScalar } from "./node.js";
import { subRange } from "./node.js";
import { interpolate, type Lookup } from "./template.js";

/**
 * Interpolates every string value of a tree (never keys), returning a new tree. Each changed scalar keeps its
 * range and remembers what was written. Problems are reported at the `${...}` that caused them. Without a
 * lookup, references are only checked for syntax and left as written.
 */
export function interpolateTree(node: CNode, lookup: Lookup | undefined, sink: DiagnosticSink, uses?: VariableReference[]): CNode {
  // Parts without a changed value are returned as they are (trees are never modified), so a file without
  // variables comes back whole and later stages can recognise it.
  if (node.kind === "scalar") return hasDollar(node) ? interpolateScalar(node, lookup, sink, uses) : node;
  // A subtree known to hold no `$` (trees are shared between loads) needs no walk at all.
  if (withoutVariables.has(node)) return node;
  let plain = true;
  let out: CNode = node;
  if (node.kind === "map") {
    let entries: CEntry[] | undefined;
    node.entries.forEach((e, i) => {
      const value = interpolateTree(e.value, lookup, sink, uses);
      plain &&= isPlain(e.value);
      if (value === e.value) return;
      entries ??= node.entries.slice();
      entries[i] = { ...e, value };
    });
    if (entries) out = { ...node, entries };
  } else {
    let items: CNode[] | undefined;
    node.items.forEach((item, i) => {
      const value = interpolateTree(item, lookup, sink, uses);
      plain &&= isPlain(item);
      if (value === item) return;
      items ??= node.items.slice();
      items[i] = value;
    });
    if (items) out = { ...node, items };
  }
  if (plain) withoutVariables.add(node);
  return out;
}

/** Maps and sequences in which no string holds a `$`, found by earlier walks. */
const withoutVariables = new WeakSet<CNode>();

const hasDollar = (n: CScalar) => typeof n.value === "string" && n.value.includes("$");

/** For a copy of `from` with the same values (moved by an edit before it): known free of `$` when `from` is. */
export function carryKnownPlain(from: CNode, copy: CNode): void {
  if (withoutVariables.has(from)) withoutVariables.add(copy);
}

/** After its walk: whether a node holds no `$` anywhere. */
const isPlain = (n: CNode) => (n.kind === "scalar" ? !hasDollar(n) : withoutVariables.has(n));

/** A `$VAR` / `${VAR...}` written in a file. */
export interface VariableReference {
  name: string;
  /** The whole reference (`${VAR:-x}`), or the whole scalar when offsets can't be mapped. */
  range: Range;
  file: string;
  /** `:-`, `-`, `:?`, `?`, `:+` or `+` when used. */
  operator?: string;
}

function interpolateScalar(node: CScalar, lookup: Lookup | undefined, sink: DiagnosticSink, uses: VariableReference[] | undefined): CScalar {
  const text = node.value as string;
  const r = interpolate(text, lookup);
  if (uses) {
    for (const v of r.variables) {
      const ref: VariableReference = { name: v.name, range: subRange(node, v.start, v.end), file: node.file };
      if (v.operator) ref.operator = v.operator;
      uses.push(ref);
    }
  }
  for (const p of r.problems) {
    const range = subRange(node, p.start, p.end);
    if (p.kind === "invalid") sink.report("invalid-interpolation", `${p.message}: ${JSON.stringify(text.slice(p.start, p.end))}`, range, node.file);
    else if (p.kind === "required") sink.report("required-variable-missing", p.message, range, node.file);
    else sink.report("unset-variable", p.message, range, node.file);
  }
  if (!lookup || r.value === text) return node;
  // The offsets no longer line up with the new text, so sub-ranges fall back to the whole node. The copy
  // is made without them (deleting keys from an object would turn it into a slow dictionary in V8).
  const { valueStart: _offsets, source: _source, ...rest } = node;
  const out: CScalar = { ...rest, value: r.value, original: text };
  if (r.problems.length) out.incomplete = true;
  return out;
}
