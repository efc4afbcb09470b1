/** Helpers for front ends (the CLI, the editor): one call per output format, and `--build-arg` parsing. */
import { renderDot, renderMermaid } from "./render-graph.js";
import { planToJson } from "./render-json.js";
import { renderPlanText } from "./render-text.js";
import type { BuildPlan } from "./types.js";

export type PlanFormat = "text" | "json" | "mermaid" | "dot";

export const PLAN_FORMATS: readonly PlanFormat[] = ["text", "json", "mermaid", "dot"];

/** The plan in one of the `shipshape plan --format` formats, ending with a newline. */
export function renderPlan(plan: BuildPlan, format: PlanFormat, options: { file?: string } = {}): string {
  switch (format) {
    case "json":
      return [...planJsonChunks(plan, options)].join("");
    case "mermaid":
      return renderMermaid(plan);
    case "dot":
      return renderDot(plan);
    default:
      return renderPlanText(plan);
  }
}

/**
 * `--build-arg` values as docker takes them: `K=V` (V may be empty or hold `=`), or `K` alone, which takes
 * the value from the client's environment (`lookupEnv`) and is dropped when that is unset.
 */
export function parseBuildArgs(values: readonly string[], lookupEnv: (name: string) => string | undefined = () => undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    if (eq > 0) out[v.slice(0, eq)] = v.slice(eq + 1);
    else if (eq < 0 && v !== "") {
      const fromEnv = lookupEnv(v);
      if (fromEnv !== undefined) out[v] = fromEnv;
    }
  }
  return out;
}

/** Values nested this deep or deeper are one chunk each (a step's `state`, a diagnostic). */
const CHUNK_DEPTH = 5;

/**
 * The JSON text of `renderPlan(plan, "json")` in pieces, for a writer that must not hold all of it: a plan
 * prints every step's whole environment, so a stage of thousands of ENV lines prints more than the
 * longest string V8 can make. The pieces join to exactly `JSON.stringify(planToJson(plan), null, 2)`
 * and a line break.
 */
export function* planJsonChunks(plan: BuildPlan, options: { file?: string } = {}): Generator<string> {
  yield* jsonChunks(planToJson(plan, options), "", 0);
  yield "\n";
}

function* jsonChunks(value: unknown, indent: string, depth: number): Generator<string> {
  const plain = value === null || typeof value !== "object" || typeof (value as { toJSON?: unknown }).toJSON === "function";
  if (plain || depth >= CHUNK_DEPTH) {
    // What JSON.stringify prints for it nested at this indentation.
    yield JSON.stringify(value, null, 2).replaceAll("\n", `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    for (let i = 0; i < value.length; i++) {
      yield `${i > 0 ? "," : ""}\n${inner}`;
      const item = value[i];
      // As JSON.stringify: an array item that has no JSON form prints as null.
      if (item === undefined || typeof item === "function" || typeof item === "symbol") yield "null";
      else yield* jsonChunks(item, inner, depth + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // As JSON.stringify: properties that have no JSON form are left out.
    if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
    yield `${first ? "{" : ","}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonChunks(item, inner, depth + 1);
  }
  yield first ? "{}" : `\n${indent}}`;
}
