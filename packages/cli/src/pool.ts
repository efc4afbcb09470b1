import { existsSync } from "node:fs";
import os from "node:os";
import type { LintUnit, RunResult, RunnerSettings } from "./lint-runner.js";
import type { WorkerTask } from "./lint-worker.js";
import { importExternal } from "./import-external.js";

/** Below this many units, starting workers costs more than it saves. */
export const POOL_THRESHOLD = 32;

/** The worker module beside this one: `.mjs` in the esbuild bundle, `.js` in the tsc build. */
function workerUrl(): URL {
  const bundled = new URL("./lint-worker.mjs", import.meta.url);
  return existsSync(bundled) ? bundled : new URL("./lint-worker.js", import.meta.url);
}

/**
 * Lints many units on a tinypool worker pool sized to the cores. Units go out in contiguous batches and
 * come back in the same order, so the output does not depend on scheduling.
 */
export async function runUnitsInPool(
  units: readonly LintUnit[],
  texts: ReadonlyMap<string, string>,
  settings: RunnerSettings,
  maxThreads = os.availableParallelism?.() ?? os.cpus().length,
): Promise<RunResult> {
  const { Tinypool } = await importExternal<typeof import("tinypool")>("tinypool");
  const threads = Math.max(1, Math.min(maxThreads, Math.ceil(units.length / 8)));
  const pool = new Tinypool({ filename: workerUrl().href, minThreads: threads, maxThreads: threads });
  try {
    const batchSize = Math.max(4, Math.ceil(units.length / (threads * 4)));
    const batches: Promise<RunResult>[] = [];
    for (let i = 0; i < units.length; i += batchSize) {
      const batch = units.slice(i, i + batchSize);
      const task: WorkerTask = {
        units: batch,
        texts: batch.flatMap((u) => u.files.flatMap((f) => (texts.has(f) ? [[f, texts.get(f)!] as [string, string]] : []))),
        settings,
      };
      batches.push(pool.run(task) as Promise<RunResult>);
    }
    const results = await Promise.all(batches);
    return { units: results.flatMap((r) => r.units), configDiagnostics: results.flatMap((r) => r.configDiagnostics) };
  } finally {
    await pool.destroy();
  }
}
