import { plan, type BuildPlan, type PlanOptions, type StagePlan, type StepPlan } from "@shipshape/buildplan";

/** Strips the common indentation of a template literal Dockerfile. */
export function df(text: string): string {
  const lines = text.replace(/^\n/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join("\n");
}

export function planOf(text: string, options: PlanOptions = {}): BuildPlan {
  return plan(df(text), options);
}

export function stage(p: BuildPlan, id: string): StagePlan {
  const s = p.stages.find((x) => x.id === id);
  if (!s) throw new Error(`no stage ${id} in ${p.stages.map((x) => x.id).join(", ")}`);
  return s;
}

/** The step on a 1-based line (the first one when a line holds several, e.g. ONBUILD triggers). */
export function stepAt(p: BuildPlan, line: number, stageId?: string): StepPlan {
  for (const s of p.stages) {
    if (stageId && s.id !== stageId) continue;
    const st = s.steps.find((x) => x.line === line);
    if (st) return st;
  }
  throw new Error(`no step on line ${line}`);
}

export function codes(p: BuildPlan): string[] {
  return p.diagnostics.map((d) => d.code);
}

/** Cache outcome per line for the built steps that are vertices (the layers and image pulls). */
export function vertexCache(p: BuildPlan): Record<number, string> {
  const out: Record<number, string> = {};
  for (const s of p.stages) for (const st of s.steps) if (st.vertex) out[st.line] = st.cache;
  return out;
}
