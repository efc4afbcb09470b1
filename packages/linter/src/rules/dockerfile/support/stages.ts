/** Stage helpers shared by rules that look through `FROM <earlier stage>` chains. */
import type { StageSpan } from "../../../rule.js";

const NONE: readonly StageSpan[] = [];
const byName = new WeakMap<readonly StageSpan[], Map<string, StageSpan[]>>();

/**
 * The stages named `name` (compared without regard to case, as BuildKit does), in file order. The index
 * is made once per file (a rule's context hands out the same list of stages for the whole file), so a
 * look-up costs no scan of the stages.
 */
export function stagesNamed(stages: readonly StageSpan[], name: string): readonly StageSpan[] {
  let map = byName.get(stages);
  if (!map) {
    map = new Map();
    for (const s of stages) {
      if (s.name === undefined) continue;
      const key = s.name.toLowerCase();
      const list = map.get(key);
      if (list) list.push(s);
      else map.set(key, [s]);
    }
    byName.set(stages, map);
  }
  return map.get(name.toLowerCase()) ?? NONE;
}

/** The last stage named `name` before the stage at `index` (any stage when `index` is undefined). */
export function stageNamedBefore(stages: readonly StageSpan[], name: string, index: number | undefined): StageSpan | undefined {
  const named = stagesNamed(stages, name);
  for (let i = named.length - 1; i >= 0; i--) if (index === undefined || named[i]!.index < index) return named[i];
  return undefined;
}

/**
 * The stage and the stages it builds on, nearest first: `FROM base` continues from the last earlier
 * stage named `base` (names compared without regard to case, as BuildKit does).
 */
export function stageChain(stages: readonly StageSpan[], stage: StageSpan): StageSpan[] {
  const chain: StageSpan[] = [];
  const seen = new Set<number>();
  let current: StageSpan | undefined = stage;
  while (current && !seen.has(current.index)) {
    seen.add(current.index);
    chain.push(current);
    const base: string | undefined = current.from.image?.value;
    current = base ? stageNamedBefore(stages, base, current.index) : undefined;
  }
  return chain;
}
