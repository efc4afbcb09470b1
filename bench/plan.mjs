// Build planning: plans/s over the corpus Dockerfiles and the generated 200-stage Dockerfile (the buildplan
// package's own benchmark, run here), then `shipshape plan` cold through the CLI. There is no peer: nothing
// else predicts BuildKit's plan offline. Usage: npm run build && node bench/plan.mjs
import { execSync, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const load = () => {
  try {
    return execSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return "(uptime unavailable)";
  }
};
console.log(`machine: ${load()}`);

// The package benchmark runs on import.
await import(path.join(root, "packages/buildplan/bench/plan.mjs"));

const runs = Number(process.env.BENCH_RUNS ?? 11);
const bin = path.join(root, "packages/cli/bin/shipshape.js");
const args = [bin, "plan", "fixtures/go-service/Dockerfile", "--format", "json", "--changed", "go.mod"];
const times = [];
let status;
for (let i = 0; i <= runs; i++) {
  const t0 = process.hrtime.bigint();
  status = spawnSync(process.execPath, args, { cwd: root, stdio: "ignore" }).status;
  if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6); // the first run fills the OS file cache
}
times.sort((a, b) => a - b);
console.log(`shipshape plan fixtures/go-service/Dockerfile --format json, cold: median of ${runs} runs ${times[runs >> 1].toFixed(0)} ms (best ${times[0].toFixed(0)} ms; exit ${status}${status === 1 ? ": the fixture folder holds no go.mod, a missing source" : ""})`);
console.log(`machine after: ${load()}`);
