// Very large generated inputs through the CLI, cold, one process each: time and peak memory, beside
// dockerfile-utils' CLI on the same Dockerfiles. These are the shapes that were once quadratic (the shell in
// force, variable scopes, stage look-ups, ShellCheck batches, plan states, exposed port ranges, deep includes), so a return of
// that shows here as seconds instead of a fraction of one.
// Usage: npm run build && node bench/large.mjs      (peak memory needs GNU time at /usr/bin/time)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, "packages/cli/bin/shipshape.js");
const require = createRequire(import.meta.url);
const duBin = path.join(path.dirname(require.resolve("dockerfile-utils/package.json")), "bin/dockerfile-utils");
const gnuTime = fs.existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shipshape-bench-large-"));

const lines = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join("");
const inputs = {
  "20,000 RUN lines": ["Dockerfile", `FROM alpine:3.20\n${lines(20000, (i) => `RUN echo ${i} && apk add --no-cache pkg${i}\n`)}`],
  "10,000 ARG + 10,000 ENV": ["args.Dockerfile", `FROM alpine:3.20\n${lines(10000, (i) => `ARG A${i}=v${i}\nENV E${i}=\${A${i}}\n`)}RUN echo $E1\n`],
  "3,000 stages, each FROM the last": ["stages.Dockerfile", lines(3000, (i) => `FROM ${i ? `s${i - 1}` : "alpine:3.20"} AS s${i}\nCOPY --from=s${Math.max(i - 1, 0)} /a /a\nRUN echo ${i}\n`)],
};

function run(argv, env = {}) {
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync("/usr/bin/time", ["-f", "%M", ...argv], { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, ...env } })
    : spawnSync(argv[0], argv.slice(1), { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const kb = gnuTime ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1]) : NaN;
  return { seconds, mb: kb / 1024, status: r.status };
}
const show = (r) => `${r.seconds.toFixed(2).padStart(6)} s ${Number.isNaN(r.mb) ? "" : `${r.mb.toFixed(0).padStart(5)} MB`} (exit ${r.status})`;

console.log(`machine: ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} load`);
for (const [label, [name, text]] of Object.entries(inputs)) {
  fs.writeFileSync(path.join(dir, name), text);
  const ours = run([process.execPath, bin, "lint", "--format", "json", name], { SHIPSHAPE_SHELLCHECK: "0" });
  const du = run([process.execPath, duBin, "lint", "--json", name]);
  console.log(`${label.padEnd(36)} shipshape lint ${show(ours)}   dockerfile-utils ${show(du)}`);
}
fs.writeFileSync(path.join(dir, "plan.Dockerfile"), `FROM scratch\n${lines(4000, (i) => `ARG A${i}=v${i}\nENV E${i}=\${A${i}}\n`)}`);
console.log(`${"plan, 4,000 ARG + 4,000 ENV, text".padEnd(36)} shipshape plan ${show(run([process.execPath, bin, "plan", "plan.Dockerfile"]))}`);
fs.writeFileSync(path.join(dir, "ports.Dockerfile"), "FROM alpine:3.20\nEXPOSE 1-65535/tcp 1-65535/udp\n");
console.log(`${"plan, EXPOSE of every port, json".padEnd(36)} shipshape plan ${show(run([process.execPath, bin, "plan", "--format", "json", "ports.Dockerfile"]))}`);
fs.mkdirSync(path.join(dir, "inc"));
for (let i = 0; i < 100; i++) fs.writeFileSync(path.join(dir, "inc", `c${i}.yaml`), `${i < 99 ? `include:\n  - c${i + 1}.yaml\n` : ""}services:\n  s${i}:\n    image: x:1\n`);
console.log(`${"compose, includes 100 deep".padEnd(36)} shipshape lint ${show(run([process.execPath, bin, "lint", "--format", "json", "inc/c0.yaml"]))}`);
fs.rmSync(dir, { recursive: true, force: true });
