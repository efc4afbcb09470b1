// Plans per second over every Dockerfile of the shared corpus, and the time to plan a generated 200-stage
// Dockerfile, with the parser's share of it. Wall and CPU time both: on a shared machine the CPU time of this
// process is the steadier figure. Usage (from the repo root): npx tsc -b && node packages/buildplan/bench/plan.mjs
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const { plan } = await import(path.join(repoRoot, "packages/buildplan/dist/index.js"));
const { parseDockerfile } = await import(path.join(repoRoot, "packages/dockerfile/dist/index.js"));

/** Runs `f` `runs` times; wall and CPU milliseconds per run, sorted. */
function measure(f, runs) {
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}
const median = (xs) => xs[xs.length >> 1];

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
const t0 = performance.now();
plan(big, {});
const cold = performance.now() - t0;

const corpusDir = path.resolve(repoRoot, "../shared/corpus/dockerfiles");
const files = walk(corpusDir).map((f) => readFileSync(f, "utf8"));
const options = { changedPaths: ["package.json", "go.mod", "src/main.c"], dockerignore: "*.md\n.git\n" };

for (const t of files) plan(t, options); // warm-up
const rounds = 3;
const c = measure(() => {
  for (const t of files) plan(t, options);
}, rounds);
const wallMs = c.wall.reduce((a, b) => a + b, 0);
const cpuMs = c.cpu.reduce((a, b) => a + b, 0);
const total = files.reduce((n, t) => n + t.length, 0);
console.log(
  `corpus: ${files.length} Dockerfiles (${(total / 1024).toFixed(0)} KiB), ${((files.length * rounds) / (wallMs / 1000)).toFixed(0)} plans/s, ` +
    `${(wallMs / rounds / files.length).toFixed(3)} ms/file wall (${(cpuMs / rounds / files.length).toFixed(3)} ms CPU)`,
);

const runs = 31;
const bigOptions = { changedPaths: ["src/s40/x.c"] };
for (let i = 0; i < 30; i++) plan(big, bigOptions);
let stages = 0;
const m = measure(() => {
  stages = plan(big, bigOptions).stages.length;
}, runs);
if (stages !== 200) throw new Error(`expected 200 stages, got ${stages}`);
for (let i = 0; i < 10; i++) parseDockerfile(big);
const p = measure(() => parseDockerfile(big), runs);
console.log(
  `200-stage Dockerfile (${big.split("\n").length} lines): median ${median(m.wall).toFixed(1)} ms wall (${median(m.cpu).toFixed(1)} ms CPU), ` +
    `best ${m.wall[0].toFixed(1)} ms, ${(1000 / median(m.wall)).toFixed(0)} plans/s; of which parsing: median ${median(p.wall).toFixed(1)} ms wall ` +
    `(${median(p.cpu).toFixed(1)} ms CPU); first plan in a fresh process ${cold.toFixed(0)} ms`,
);
