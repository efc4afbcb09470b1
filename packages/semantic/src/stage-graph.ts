/** The stage dependency graph as BuildKit builds it: edges, cycle detection and pruning to a target. */
import type { Stage } from "./model.js";

/** Stages a stage needs: its base stage, its COPY/mount sources, and its base stage's ONBUILD sources. */
export function stageDependencies(stage: Stage): Stage[] {
  const deps: Stage[] = [];
  if (stage.base.kind === "stage") deps.push(stage.base.stage);
  for (const r of stage.references) if (r.kind !== "from" && !r.onbuild && r.target.kind === "stage") deps.push(r.target.stage);
  if (stage.base.kind === "stage") {
    for (const r of stage.base.stage.references) if (r.onbuild && r.target.kind === "stage") deps.push(r.target.stage);
  }
  return deps;
}

/** The stage where a dependency cycle closes (BuildKit names it in its error), if any. */
export function findCycle(stages: readonly Stage[]): Stage | undefined {
  const done = new Set<Stage>();
  const onPath = new Set<Stage>();
  const visit = (s: Stage): Stage | undefined => {
    if (onPath.has(s)) return s;
    if (done.has(s)) return undefined;
    onPath.add(s);
    for (const d of stageDependencies(s)) {
      const hit = visit(d);
      if (hit) return hit;
    }
    onPath.delete(s);
    done.add(s);
    return undefined;
  };
  for (const s of stages) {
    const hit = visit(s);
    if (hit) return hit;
  }
  return undefined;
}

/** Marks the target and everything it transitively depends on as reachable (the stages a build runs). */
export function markReachable(target: Stage): void {
  target.isTarget = true;
  const stack = [target];
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (s.reachable) continue;
    s.reachable = true;
    stack.push(...stageDependencies(s));
  }
}
