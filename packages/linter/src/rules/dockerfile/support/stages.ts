/** Stage helpers shared by rules that look through `FROM <earlier stage>` chains. */
import type { StageSpan } from "../../../rule.js";
import { stageNamedBefore } from "../../../engine/stages.js";

export { stageNamedBefore, stagesNamed } from "../../../engine/stages.js";

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
