/**
 * When each vertex could start: its wave is one more than the latest of its inputs (the previous state,
 * and for COPY --from / RUN --mount=from= the source stage's last vertex). Image pulls and other sources (the context) are wave 0. The
 * solver really starts a vertex as soon as its inputs are ready, so waves approximate the order.
 */
import type { Simulation } from "./simulate.js";

export function assignWaves(sim: Simulation): void {
  const stageEnd = new Map<number, number>();
  for (const stage of sim.stages) {
    const info = stage.info;
    if (!info.reachable || info.replacedBy !== undefined) {
      stageEnd.set(info.index, -1);
      continue;
    }
    let chain = -1;
    stage.steps.forEach((d, i) => {
      if (i === 0) {
        if (info.base.kind === "stage") chain = stageEnd.get(info.base.index) ?? -1;
        else if (d.vertex) {
          chain = 0;
          d.step.wave = 0;
        }
        return;
      }
      const v = d.vertex;
      if (!v) return;
      let inputs = -1;
      for (const inp of v.inputs) {
        if (inp.kind === "stage") inputs = Math.max(inputs, stageEnd.get(inp.index) ?? -1);
        // Images, the local context, downloads and inline files are sources: wave 0.
        else inputs = Math.max(inputs, 0);
      }
      if (v.chain) {
        d.step.wave = Math.max(chain, inputs) + 1;
        chain = d.step.wave;
      } else {
        // COPY --link: the copy needs only its sources; the merge waits for the previous state too.
        d.step.wave = inputs + 1;
        chain = Math.max(chain, d.step.wave) + 1;
      }
    });
    stageEnd.set(info.index, chain);
  }
}
