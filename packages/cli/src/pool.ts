import { existsSync } from "node:fs";
import os from "node:os";
import type { LintUnit, RunResult, RunnerSettings } from "./lint-runner.js";
import type { WorkerTask } from "./lint-worker.js";
import { importExternal } from "./import-external.js";

/** Below this many units, starting workers costs more than it saves. */
export const POOL_THRESHOLD = 32;

/**
 * How many worker threads lint `units` units: 0 (lint on the main thread) for a handful of units, else
 * `maxWorkers` when the user set it (SHIPSHAPE_WORKERS), else one less than the cores, and never more than
 * one per 8 units. One core is left to V8's own threads: a cold lint keeps its optimising compiler and
 * garbage collector busy beside the thread that lints (a single-threaded corpus run uses about 1.5 cores),
 * and each worker warms its own copy of the code. On a 2-core machine the corpus took 4.5-4.9 s on two
 * workers and 3.9-4.1 s on the main thread alone; there the default is the main thread.
 */
export function poolSize(units: number, maxWorkers?: number, cores = os.availableParallelism?.() ?? os.cpus().length): number {
  if (units <= POOL_THRESHOLD) return 0;
  const cap = maxWorkers ?? cores - 1;
  const threads = Math.min(cap, Math.ceil(units / 8));
  return threads >= 2 ? threads : 0;
}

/** The worker module beside this one: `.mjs` in the esbuild bundle, `.js` in the tsc build. */
function workerUrl(): URL {
  const bundled = new URL("./lint-worker.mjs", import.meta.url);
  return existsSync(bundled) ? bundled : new URL("./lint-worker.js", import.meta.url);
}

/**
 * Lints many units on a tinypool worker pool of `threads` threads (see `poolSize`). Units go out in
 * contiguous batches and come back in the same order, so the output does not depend on scheduling.
 */
export async function runUnitsInPool(units: readonly LintUnit[], texts: ReadonlyMap<string, string>, settings: RunnerSettings, threads: number): Promise<RunResult> {
  const { Tinypool } = await importExternal<typeof import("tinypool")>("tinypool");
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
