import type { Range } from "@shipshape/text";
import type { DiagnosticSink } from "./codes.js";
import type { CNode, CScalar } from "./node.js";
import { subRange } from "./node.js";
import { interpolate, type Lookup } from "./template.js";

/**
 * Interpolates every string value of a tree (never keys), returning a new tree. Each changed scalar keeps its
 * range and remembers what was written. Problems are reported at the `${...}` that caused them. Without a
 * lookup, references are only checked for syntax and left as written.
 */
export function interpolateTree(node: CNode, lookup: Lookup | undefined, sink: DiagnosticSink, uses?: VariableReference[]): CNode {
  if (node.kind === "map") return { ...node, entries: node.entries.map((e) => ({ ...e, value: interpolateTree(e.value, lookup, sink, uses) })) };
  if (node.kind === "seq") return { ...node, items: node.items.map((n) => interpolateTree(n, lookup, sink, uses)) };
  if (typeof node.value !== "string" || !node.value.includes("$")) return node;
  return interpolateScalar(node, lookup, sink, uses);
}

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
  // The offsets no longer line up with the new text, so sub-ranges fall back to the whole node.
  const out: CScalar = { ...node, value: r.value, original: text };
  if (r.problems.length) out.incomplete = true;
  delete out.valueStart;
  delete out.source;
  return out;
}
