/** A tinypool worker: lints a batch of units with the same code the main thread uses. */
import { type LintUnit, type RunResult, type RunnerSettings, runUnits } from "./lint-runner.js";

export interface WorkerTask {
  units: LintUnit[];
  texts: [string, string][];
  settings: RunnerSettings;
}

export default async function lintBatch(task: WorkerTask): Promise<RunResult> {
  return runUnits(task.units, new Map(task.texts), task.settings);
}
