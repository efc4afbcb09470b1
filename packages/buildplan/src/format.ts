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
      return JSON.stringify(planToJson(plan, options), null, 2) + "\n";
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
