// Plans per second over every Dockerfile of the shared corpus, and the time to plan a generated 200-stage
// Dockerfile. Usage (from the repo root): npx tsc -b && node packages/buildplan/bench/plan.mjs
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const { plan } = await import(path.join(repoRoot, "packages/buildplan/dist/index.js"));

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** 200 stages: a base, 198 workers that each build on an earlier one and copy from two others, a final stage. */
export function generateManyStages(count = 200) {
  const lines = ["# syntax=docker/dockerfile:1", "ARG BASE=alpine:3.20", "FROM ${BASE} AS s0", "WORKDIR /w", "RUN echo base > /w/base"];
  for (let i = 1; i < count - 1; i++) {
    const parent = `s${Math.floor(i / 2)}`;
    lines.push(`FROM ${parent} AS s${i}`);
    lines.push(`ARG V${i}=${i}`);
    lines.push(`ENV STAGE=s${i} PATH=/opt/s${i}/bin:$PATH`);
    lines.push(`COPY src/s${i}/ /src/s${i}/`);
    if (i > 2) lines.push(`COPY --from=s${i - 2} /w/out /w/from-${i - 2}`);
    lines.push(`RUN --mount=type=cache,target=/root/.cache make -C /src/s${i} V=$V${i} > /w/out`);
    lines.push(`LABEL stage.s${i}="$V${i}"`);
  }
  lines.push("FROM scratch AS final");
  for (let i = 1; i < count - 1; i += 7) lines.push(`COPY --from=s${i} /w/out /out/s${i}`);
  lines.push('ENTRYPOINT ["/out/s1"]');
  return lines.join("\n") + "\n";
}

const big = generateManyStages(200);
// The first plan in a fresh process pays for JIT compilation and the parser's grammar set-up (a CLI run).
let t0 = performance.now();
plan(big, {});
const cold = performance.now() - t0;

const corpusDir = path.resolve(repoRoot, "../shared/corpus/dockerfiles");
const files = walk(corpusDir).map((f) => readFileSync(f, "utf8"));
const options = { changedPaths: ["package.json", "go.mod", "src/main.c"], dockerignore: "*.md\n.git\n" };

for (const t of files) plan(t, options); // warm-up
const rounds = 3;
t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const t of files) plan(t, options);
let ms = performance.now() - t0;
const total = files.reduce((n, t) => n + t.length, 0);
console.log(`corpus: ${files.length} Dockerfiles (${(total / 1024).toFixed(0)} KiB), ${((files.length * rounds) / (ms / 1000)).toFixed(0)} plans/s, ${(ms / rounds / files.length).toFixed(3)} ms/file`);

for (let i = 0; i < 30; i++) plan(big, { changedPaths: ["src/s40/x.c"] });
// Wall time, and this process's CPU time (steadier on a busy machine).
const times = [];
const cpu = [];
for (let i = 0; i < 20; i++) {
  t0 = performance.now();
  const c0 = process.cpuUsage();
  const p = plan(big, { changedPaths: ["src/s40/x.c"] });
  const c = process.cpuUsage(c0);
  times.push(performance.now() - t0);
  cpu.push((c.user + c.system) / 1000);
  if (p.stages.length !== 200) throw new Error(`expected 200 stages, got ${p.stages.length}`);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(
  `200-stage Dockerfile (${big.split("\n").length} lines): median ${times[10].toFixed(1)} ms wall (${cpu[10].toFixed(1)} ms CPU), ` +
    `best ${times[0].toFixed(1)} ms, ${(1000 / times[10]).toFixed(0)} plans/s; first plan in a fresh process ${cold.toFixed(0)} ms`,
);
