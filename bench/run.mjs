// Runs every benchmark in this folder (each prints shipshape's figures beside a peer's, in one run).
// Usage: npm run bench [-- name-filter]
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const filter = process.argv[2];

if (!existsSync(join(root, "packages/dockerfile/dist/index.js"))) {
  console.log("building first (npx tsc -b)...");
  const b = spawnSync("npx", ["tsc", "-b"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const benches = readdirSync(here)
  .filter((f) => f.endsWith(".mjs") && f !== "run.mjs" && !f.startsWith("_"))
  .filter((f) => !filter || f.includes(filter))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file.replace(/\.mjs$/, "")}`);
  const r = spawnSync(process.execPath, ["--expose-gc", join(here, file)], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
    console.log(`(${file} exited with ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
