// Lint throughput, one process, one thread, files already in memory unless said otherwise:
//  - every Dockerfile of ../shared/corpus/dockerfiles through `lint()` (@shipshape/linter, the full default rule
//    set, no ShellCheck, no config search) beside dockerfile-utils' `validate` on the same texts;
//  - every compose file of ../shared/corpus/compose through `lint()` beside dclint's `DCLinter.lintFiles`.
//    dclint reads each file itself, so for this pair our loop reads each file from disk too.
// Rates are given per wall second and per second of this process's CPU time (steadier on a busy machine),
// after warm-up passes as long as the timed ones (V8 optimises 126 rules' code and tiers the bash grammar's
// wasm up over the first passes; every tool gets the same warm-up). The Dockerfile pair takes turns pass by
// pass, so both see the same machine and the same heap: measured one after the other, whichever went second
// ran beside the first one's leftovers, and a load that came or went between them moved the ratio (2.4x one
// way against 2.05x alternating, on the same build).
// Usage: npx tsc -b && node bench/lint.mjs      (BENCH_SECONDS=N: time per measurement, default 8; with less,
//        V8 has not finished tiering up the grammar's wasm when timing starts)
// The library runs with V8's default WebAssembly tiering (the CLI's own cold-start choices are in cli.mjs).
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpus = path.resolve(root, "../shared/corpus");
const seconds = Number(process.env.BENCH_SECONDS ?? 8);

const { lint } = await import(path.join(root, "packages/linter/dist/index.js"));
// The shell package keeps parsed scripts by text (an editor re-lints the same RUN lines on every edit).
// Each pass starts with that cache empty, so no pass profits from the one before it; repeats inside
// one pass (the corpus has many variants of the same images) are real savings and stay.
const { clearShellParseCache } = await import(path.join(root, "packages/shell/dist/index.js"));
const { validate } = await import("dockerfile-utils");
const { DCLinter } = await import("dclint");

function walk(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => fs.statSync(f).isFile())
    .sort();
}

/**
 * Runs `round` (one pass over `count` files) until `seconds` of wall time have passed, after warm-up passes
 * for `seconds` too (at least one): steady-state throughput, the same for every tool. A long CI run is in
 * that state; what a short run pays to get there is the cold figure of bench/cli.mjs.
 */
async function measure(round, count, bytes) {
  const w0 = process.hrtime.bigint();
  do await round();
  while (Number(process.hrtime.bigint() - w0) / 1e9 < seconds);
  let rounds = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let wall = 0;
  do {
    await round();
    rounds++;
    wall = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (wall < seconds);
  const c = process.cpuUsage(cpu0);
  const cpu = (c.user + c.system) / 1e6;
  return rate(count * rounds, bytes * rounds, wall, cpu);
}

/**
 * Like `measure`, for two tools at once: after a warm-up of `seconds` (both tools), one pass of each in turn
 * until each has run for `seconds`; each pass is timed on its own (wall and this process's CPU).
 */
async function measurePair(a, b, count, bytes) {
  const w0 = process.hrtime.bigint();
  do {
    await a();
    await b();
  } while (Number(process.hrtime.bigint() - w0) / 1e9 < seconds);
  const totals = [
    { run: a, rounds: 0, wall: 0, cpu: 0 },
    { run: b, rounds: 0, wall: 0, cpu: 0 },
  ];
  while (totals.some((t) => t.wall < seconds)) {
    for (const t of totals) {
      const cpu0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      await t.run();
      t.wall += Number(process.hrtime.bigint() - t0) / 1e9;
      const c = process.cpuUsage(cpu0);
      t.cpu += (c.user + c.system) / 1e6;
      t.rounds++;
    }
  }
  return totals.map((t) => rate(count * t.rounds, bytes * t.rounds, t.wall, t.cpu));
}

function rate(files, bytes, wall, cpu) {
  return { files, wall, cpu, fps: files / wall, fpsCpu: files / cpu, mbps: bytes / wall / 1e6, mbpsCpu: bytes / cpu / 1e6 };
}

const fmt = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
function row(name, r) {
  return (
    `${name.padEnd(34)} ${fmt(r.fps).padStart(8)} files/s ${fmt(r.mbps).padStart(7)} MB/s  |  per CPU-s: ` +
    `${fmt(r.fpsCpu).padStart(8)} files/s ${fmt(r.mbpsCpu).padStart(7)} MB/s   (${r.files} files in ${r.wall.toFixed(1)} s)`
  );
}
function verdict(label, ours, theirs, target) {
  const wall = ours.fps / theirs.fps;
  const cpu = ours.fpsCpu / theirs.fpsCpu;
  const met = Math.min(wall, cpu) >= target ? "met" : Math.max(wall, cpu) >= target ? "met on one measure only" : "NOT met";
  console.log(`${label}: ${wall.toFixed(2)}x (wall), ${cpu.toFixed(2)}x (CPU); target >= ${target}x: ${met}`);
}
const load = () => {
  try {
    return execSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return "(uptime unavailable)";
  }
};

console.log(`machine: ${load()}`);

// ---- Dockerfiles
const dockerfiles = walk(path.join(corpus, "dockerfiles")).map((p) => ({ path: p, text: fs.readFileSync(p, "utf8"), kind: "dockerfile" }));
const dfBytes = dockerfiles.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
console.log(`\nDockerfiles: ${dockerfiles.length} files, ${(dfBytes / 1e6).toFixed(2)} MB (texts in memory)`);
let ourFindings = 0;
let theirFindings = 0;
const [oursDf, theirsDf] = await measurePair(
  async () => {
    clearShellParseCache();
    ourFindings = (await lint(dockerfiles, { noConfigSearch: true })).length;
  },
  () => {
    theirFindings = 0;
    for (const f of dockerfiles) theirFindings += validate(f.text).length;
  },
  dockerfiles.length,
  dfBytes,
);
console.log(row("@shipshape/linter lint()", oursDf) + `  ${ourFindings} findings`);
console.log(row("dockerfile-utils validate()", theirsDf) + `  ${theirFindings} findings`);
verdict("Dockerfile lint speed-up", oursDf, theirsDf, 3);

// ---- Compose files
const composePaths = walk(path.join(corpus, "compose"));
const composeBytes = composePaths.reduce((n, p) => n + fs.statSync(p).size, 0);
console.log(`\nCompose files: ${composePaths.length} files, ${(composeBytes / 1e6).toFixed(2)} MB (read from disk in each pass, as dclint does)`);
const oursCompose = await measure(async () => {
  const inputs = composePaths.map((p) => ({ path: p, text: fs.readFileSync(p, "utf8"), kind: "compose" }));
  ourFindings = (await lint(inputs, { noConfigSearch: true })).length;
}, composePaths.length, composeBytes);

// dclint validates every file against the compose JSON schema, compiling the schema again for each file:
// hundreds of milliseconds per file. A full pass would take minutes, so it gets a time box over files taken
// evenly across the corpus (a stride coprime with the count visits every folder early). Its default rule set,
// as `dclint FILES` without a config file.
const dclint = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] });
const stride = [97, 89, 83, 79].find((s) => composePaths.length % s !== 0);
const sample = composePaths.map((_, i) => composePaths[(i * stride) % composePaths.length]);
dclint.lintFiles([sample[0]], false); // warm-up
const dclintBudget = Number(process.env.BENCH_DCLINT_SECONDS ?? Math.max(seconds * 3, 10));
let done = 0;
let doneBytes = 0;
theirFindings = 0;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
let wall = 0;
while (done < sample.length && wall < dclintBudget) {
  for (const r of dclint.lintFiles([sample[done]], false)) theirFindings += r.messages.length;
  doneBytes += fs.statSync(sample[done]).size;
  done++;
  wall = Number(process.hrtime.bigint() - t0) / 1e9;
}
const c = process.cpuUsage(cpu0);
const theirsCompose = rate(done, doneBytes, wall, (c.user + c.system) / 1e6);
console.log(row("@shipshape/linter lint() (compose)", oursCompose) + `  ${ourFindings} findings`);
console.log(
  row("dclint DCLinter.lintFiles()", theirsCompose) +
    `  ${theirFindings} findings` +
    (done < sample.length ? ` (time box: ${done} of ${sample.length} files)` : ""),
);
verdict("Compose lint speed-up (files/s)", oursCompose, theirsCompose, 50);
console.log(`\nmachine after: ${load()}`);
