// The command line, cold, as a user runs it (each figure includes Node's start-up):
//  - the whole shared corpus in one `shipshape lint --format json ../shared/corpus` process (its default worker
//    pool included), beside dclint's CLI over compose files and dockerfile-utils' CLI over Dockerfiles;
//  - one small file: the median of N runs of `shipshape lint fixtures/web/Dockerfile` (target < 200 ms), with
//    the bin's code cache in place (every run after the first) and without it (SHIPSHAPE_COMPILE_CACHE=0,
//    as the very first run after an install or upgrade);
//  - ShellCheck (when shellcheck is installed): on a Dockerfile with many RUN instructions, and over the
//    corpus's Dockerfiles (scripts of many Dockerfiles share processes).
// The peers are slow enough that they get a sample of files spread evenly over the corpus (BENCH_FULL=1: all;
// dclint's rate rises with the count, as its start-up is shared by more files: 6-7 files/s on the sample,
// about 9.4 over all 349 files). Speed-ups against the peers are printed with the issue's targets.
// Wall and CPU times are the command's own, from bash's `time` (where bash exists): its real time, not the
// time to start bash around it (about 8 ms here), and the children's user+system time. ShellCheck is off
// (SHIPSHAPE_SHELLCHECK=0) for every shipshape run but the ShellCheck figures.
// The corpus figures are medians of BENCH_ROUNDS rounds (default 3), each round running every corpus
// command once: a single run of either side moves by about 10% with the machine's load.
// Before any timed run, each command runs untimed: the OS then holds every file read, and the bin's code
// cache is complete. The bin rewrites a command's cache after each of its first runs (GENERATIONS in
// bin/load-bundle.js), which costs a run of the whole corpus about 20 ms (18-29 ms here). Without the
// warm-up, the figures of a fresh build included those writes and the very first run (no cache at all),
// and those of a machine that had run the CLI before did not. The corpus without a code cache is printed
// on a line of its own.
// Usage: npm run build && node bench/cli.mjs      (BENCH_RUNS=N: single-file runs, default 11;
//        BENCH_ROUNDS=N: corpus rounds, default 3; BENCH_ONLY=single: the one-file figures only)
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpus = path.resolve(root, "../shared/corpus");
const bin = path.join(root, "packages/cli/bin/shipshape.js");
const require = createRequire(import.meta.url);
const dclintBin = path.join(path.dirname(require.resolve("dclint/package.json")), "bin/dclint.cjs");
const dockerfileUtilsBin = path.join(path.dirname(require.resolve("dockerfile-utils/package.json")), "bin/dockerfile-utils");
// How many runs of a command rewrite its code cache: after that many untimed runs, timed runs only read it.
const { GENERATIONS } = require(path.join(root, "packages/cli/bin/load-bundle.js"));
const full = process.env.BENCH_FULL === "1";
const runs = Number(process.env.BENCH_RUNS ?? 11);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const SAMPLE = 24;

if (!fs.existsSync(path.join(root, "packages/cli/dist/main.js"))) {
  console.log("building first (npm run build)...");
  const b = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const hasBash = spawnSync("bash", ["-c", "true"]).status === 0;

/** Runs a command; its wall and CPU time from bash's `time` when bash is there, else the wall time from here. */
function timed(argv, options = {}) {
  const quoted = argv.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const env = { ...process.env, NO_COLOR: "1", ...options.env };
  for (const name of options.unset ?? []) delete env[name];
  const t0 = process.hrtime.bigint();
  const r = hasBash
    ? spawnSync("bash", ["-c", `TIMEFORMAT='%3R %U %S'; time ${quoted} >"$OUT" 2>/dev/null`], {
        cwd: root,
        encoding: "utf8",
        maxBuffer: 1 << 30,
        env: { ...env, OUT: options.out ?? "/dev/null" },
      })
    : spawnSync(argv[0], argv.slice(1), { cwd: root, encoding: "utf8", maxBuffer: 1 << 30, env });
  let wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let cpu;
  if (hasBash) {
    const m = /([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    if (m) {
      wall = Number(m[1]);
      cpu = Number(m[2]) + Number(m[3]);
    }
  }
  return { status: r.status, wall, cpu };
}

function walk(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => path.join(dir, String(f)))
    .filter((f) => fs.statSync(f).isFile())
    .sort();
}

/** `count` files spread evenly over a sorted list (a stride coprime with its length). */
function spread(list, count) {
  if (full || count >= list.length) return list;
  const stride = [97, 89, 83, 79].find((s) => list.length % s !== 0);
  return list.map((_, i) => list[(i * stride) % list.length]).slice(0, count);
}

const fmt = (n) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
function row(name, files, r) {
  const cpu = r.cpu === undefined ? "" : `, ${fmt(files / r.cpu)} files per CPU-s`;
  return `${name.padEnd(48)} ${String(files).padStart(5)} files ${r.wall.toFixed(2).padStart(7)} s  ${fmt(files / r.wall).padStart(7)} files/s${cpu}`;
}
const load = () => {
  try {
    return execSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return "(uptime unavailable)";
  }
};

console.log(`machine: ${load()}`);

/** The findings of a JSON report written to `file`, or undefined when it holds no JSON array. */
function readReport(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    return Array.isArray(report) ? report : undefined;
  } catch {
    return undefined;
  }
}

/** The corpus's Dockerfiles folder through our CLI, set by the corpus part: its count and its run. */
let dockerfilesFolder;

// ShellCheck off (it runs when a shellcheck binary is on PATH, one process per RUN), as the peers have none.
const noShellcheck = { SHIPSHAPE_SHELLCHECK: "0" };

// BENCH_ONLY=single: only the one-file figures below.
if (process.env.BENCH_ONLY !== "single") {
  // ---- The whole corpus through our CLI: count what its walk lints, with the CLI's own discovery.
  const { discoverFiles } = await import(path.join(root, "packages/cli/dist/discover.js"));
  const found = await discoverFiles(["../shared/corpus"], { cwd: root });
  const kinds = { dockerfile: 0, compose: 0 };
  for (const f of found.files) kinds[f.kind]++;
  const composeFiles = spread(walk(path.join(corpus, "compose")), SAMPLE);
  const dockerfiles = spread(walk(path.join(corpus, "dockerfiles")), SAMPLE);
  // Each kind on its own through our CLI, all of the corpus's files of that kind named on the command line
  // (the walk lints only files named as Dockerfiles and compose files), beside the same peers.
  const allCompose = walk(path.join(corpus, "compose"));
  const dfCount = found.files.filter((f) => f.kind === "dockerfile" && path.resolve(root, f.path).startsWith(path.join(corpus, "dockerfiles"))).length;
  const out = path.join(fs.mkdtempSync(path.join((await import("node:os")).tmpdir(), "shipshape-bench-")), "report.json");

  // Every figure below is the median of `rounds` rounds, each round running every command once, in turn:
  // a change of load during the bench then weighs on all of them alike.
  const figures = { ours: [], dclint: [], du: [], oursCompose: [], oursDf: [] };
  const commands = {
    ours: (env = noShellcheck) => timed([process.execPath, bin, "lint", "--format", "json", "../shared/corpus"], { out, env }),
    dclint: () => timed([process.execPath, dclintBin, "--formatter", "json", ...composeFiles]),
    // dockerfile-utils' CLI lints one file per process.
    du: () => {
      const du = { wall: 0, cpu: hasBash ? 0 : undefined };
      for (const f of dockerfiles) {
        const r = timed([process.execPath, dockerfileUtilsBin, "lint", "--json", f]);
        du.wall += r.wall;
        if (du.cpu !== undefined) du.cpu = r.cpu === undefined ? undefined : du.cpu + r.cpu;
      }
      return du;
    },
    oursCompose: () => timed([process.execPath, bin, "lint", "--format", "json", ...allCompose], { env: noShellcheck }),
    oursDf: (env = noShellcheck, report = undefined) => timed([process.execPath, bin, "lint", "--format", "json", "../shared/corpus/dockerfiles"], { out: report, env }),
  };
  dockerfilesFolder = { count: dfCount, run: commands.oursDf };
  // Warm-up, untimed (see the top of this file). The Dockerfiles folder is linted under the same cache key
  // as the whole corpus (both walk a folder), so the corpus runs complete its cache too.
  for (let i = 0; i < GENERATIONS; i++) {
    commands.ours();
    commands.oursCompose();
  }
  commands.oursDf();
  commands.dclint();
  commands.du();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(commands)) figures[name].push(run());
  }
  // The first run after an install or upgrade: no code cache to read (and none written, as the bin writes
  // none with SHIPSHAPE_COMPILE_CACHE=0; a real first run also spends about 20 ms writing one).
  const noCache = commands.ours({ ...noShellcheck, SHIPSHAPE_COMPILE_CACHE: "0" });
  const findings = readReport(out)?.length ?? "(invalid JSON!)";
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  const mid = (rs) => {
    const byWall = [...rs].sort((a, b) => a.wall - b.wall);
    const m = byWall[Math.floor(byWall.length / 2)];
    return { ...m, spread: rs.length > 1 ? `${byWall[0].wall.toFixed(2)}-${byWall.at(-1).wall.toFixed(2)} s` : undefined };
  };
  const ours = mid(figures.ours);
  const dclint = mid(figures.dclint);
  const du = mid(figures.du);
  const oursCompose = mid(figures.oursCompose);
  const oursDf = mid(figures.oursDf);
  const line = (name, files, r) => row(name, files, r) + (r.spread ? `  (${r.spread})` : "");
  console.log(`\nshipshape lint --format json ../shared/corpus: exit ${ours.status}, ${findings} findings, ${kinds.dockerfile} Dockerfiles + ${kinds.compose} compose files`);
  console.log(`medians of ${rounds} rounds (BENCH_ROUNDS), each running every command below once; fastest-slowest in brackets`);
  console.log(line("shipshape (one process, all files)", found.files.length, ours));
  console.log(line("  the same without the bin's code cache (one run)", found.files.length, noCache));
  console.log(line(`dclint (one process${full ? "" : `, ${SAMPLE} of the compose files`})`, composeFiles.length, dclint));
  console.log(line(`dockerfile-utils (one process per file${full ? "" : `, ${SAMPLE} files`})`, dockerfiles.length, du));
  console.log(line("shipshape (one process, every compose file)", allCompose.length, oursCompose));
  console.log(line("shipshape (one process, the Dockerfiles folder)", dfCount, oursDf));

  // The issue's targets, files per second against files per second (wall).
  const fps = (files, r) => files / r.wall;
  const ratio = (label, ours, theirs, target) => {
    const x = ours / theirs;
    console.log(`  ${label}: ${x.toFixed(1)}x; target >= ${target}x: ${x >= target ? "met" : "NOT met"}`);
  };
  console.log("speed-ups (files/s, wall):");
  ratio("whole corpus against dockerfile-utils", fps(found.files.length, ours), fps(dockerfiles.length, du), 3);
  ratio("whole corpus against dclint", fps(found.files.length, ours), fps(composeFiles.length, dclint), 50);
  ratio("Dockerfiles against dockerfile-utils", fps(dfCount, oursDf), fps(dockerfiles.length, du), 3);
  ratio("compose files against dclint", fps(allCompose.length, oursCompose), fps(composeFiles.length, dclint), 50);
}

// ---- One file, cold (a new process each time).
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median wall and CPU times (ms) of some runs. */
function medians(xs) {
  const wallMs = median(xs.map((r) => r.wall)) * 1000;
  const cpuMs = hasBash ? median(xs.map((r) => r.cpu ?? NaN)) * 1000 : undefined;
  return { wallMs, cpuMs, bestMs: Math.min(...xs.map((r) => r.wall)) * 1000, status: xs[0].status, count: xs.length };
}
/**
 * The median wall and CPU time of `runs` runs of `shipshape lint <file>` after untimed runs that fill the caches.
 * With `withNode`, each run follows one of `node -e 0`, so that both see the same machine load (`node`).
 */
function singleFile(file, env, count = runs, withNode = false, unset = []) {
  // Untimed runs that fill the OS file cache and complete the bin's code cache (one without a cache).
  const warmups = env.SHIPSHAPE_COMPILE_CACHE === "0" ? 1 : GENERATIONS;
  for (let i = 0; i < warmups; i++) timed([process.execPath, bin, "lint", file], { env, unset });
  const xs = [];
  const nodeXs = [];
  for (let i = 0; i < count; i++) {
    if (withNode) nodeXs.push(timed([process.execPath, "-e", "0"], { unset }));
    xs.push(timed([process.execPath, bin, "lint", file], { env, unset }));
  }
  // Each run's wall time less that of the `node -e 0` just before it: a load that changes during the
  // runs shifts both, so the median of these differences is steadier than a difference of medians.
  const ownWallMs = withNode ? median(xs.map((r, i) => r.wall - nodeXs[i].wall)) * 1000 : undefined;
  return { ...medians(xs), node: withNode ? medians(nodeXs) : undefined, ownWallMs };
}
const describe = (r) =>
  `median of ${r.count} runs ${r.wallMs.toFixed(0)} ms wall` + (r.cpuMs === undefined ? "" : `, ${r.cpuMs.toFixed(0)} ms CPU`) + ` (best ${r.bestMs.toFixed(0)} ms, exit ${r.status})`;
// What Node itself costs to start on this machine, for scale: interleaved with the runs below.
const warm = singleFile("fixtures/web/Dockerfile", noShellcheck, runs, true);
const nodeAlone = warm.node;
const verdict = warm.wallMs < 200 ? "met" : warm.cpuMs !== undefined && warm.cpuMs < 200 ? "met on CPU time only (loaded machine)" : "NOT met";
console.log(`\nshipshape lint fixtures/web/Dockerfile, cold process: ${describe(warm)}; target < 200 ms: ${verdict}`);
const noCache = singleFile("fixtures/web/Dockerfile", { ...noShellcheck, SHIPSHAPE_COMPILE_CACHE: "0" }, Math.min(runs, 5));
console.log(`  without the bin's code cache (first run after an install): ${describe(noCache)}`);
console.log(
  `  node -e 0 alone (median of ${nodeAlone.count}, run between the runs above): ${nodeAlone.wallMs.toFixed(0)} ms wall` +
    (nodeAlone.cpuMs === undefined ? "" : `, ${nodeAlone.cpuMs.toFixed(0)} ms CPU`) +
    `; shipshape's own part ${warm.ownWallMs.toFixed(0)} ms wall (median of the paired differences)` +
    (nodeAlone.cpuMs === undefined ? "" : `, ${(warm.cpuMs - nodeAlone.cpuMs).toFixed(0)} ms CPU`),
);

// NODE_EXTRA_CA_CERTS makes Node 20 load its bundled root certificates and the named file into an X.509
// store at start-up, before any script runs (nodejs/node#40524): on the machine this was written on, with
// a 144-certificate file, `node -e 0` took 125 ms with it and 40 ms without. Nothing in the bin can avoid
// that, so where it is set the one-file figures are repeated without it.
if (process.env.NODE_EXTRA_CA_CERTS) {
  const clean = singleFile("fixtures/web/Dockerfile", noShellcheck, runs, true, ["NODE_EXTRA_CA_CERTS"]);
  const cleanVerdict = clean.wallMs < 200 ? "met" : "NOT met";
  console.log(`\nNODE_EXTRA_CA_CERTS is set here; Node reads those certificates before any script starts. The same without it:`);
  console.log(`shipshape lint fixtures/web/Dockerfile, cold process: ${describe(clean)}; target < 200 ms: ${cleanVerdict}`);
  console.log(
    `  node -e 0 alone: ${clean.node.wallMs.toFixed(0)} ms wall (${(nodeAlone.wallMs - clean.node.wallMs).toFixed(0)} ms less than with it); shipshape's own part ${clean.ownWallMs.toFixed(0)} ms wall`,
  );
}

// ---- ShellCheck (when installed): the small file, and a Dockerfile with many RUN scripts (one process for all).
if (spawnSync("shellcheck", ["--version"]).status === 0) {
  const withSc = singleFile("fixtures/web/Dockerfile", {}, Math.min(runs, 5));
  console.log(`  with ShellCheck on PATH: ${describe(withSc)}`);
  const tmp = fs.mkdtempSync(path.join((await import("node:os")).tmpdir(), "shipshape-bench-runs-"));
  const manyRuns = path.join(tmp, "Dockerfile");
  const RUNS = 30;
  const lines = ["FROM debian:12", "ARG VERSION=1"];
  for (let i = 0; i < RUNS; i++) lines.push(`RUN cd /opt/app${i} && echo $VERSION $HOME${i} && cp $1 /tmp/x${i}`);
  fs.writeFileSync(manyRuns, lines.join("\n") + "\n");
  const off = singleFile(manyRuns, noShellcheck, Math.min(runs, 5));
  const on = singleFile(manyRuns, {}, Math.min(runs, 5));
  fs.rmSync(tmp, { recursive: true, force: true });
  const cost = (a, b) => (a === undefined || b === undefined ? "" : `, ${(a - b).toFixed(0)} ms CPU`);
  console.log(`\nShellCheck on a Dockerfile with ${RUNS} RUN scripts: ${(on.wallMs - off.wallMs).toFixed(0)} ms wall${cost(on.cpuMs, off.cpuMs)} over the run without it`);
  console.log(`  without ShellCheck: ${describe(off)}\n  with ShellCheck:    ${describe(on)}`);
  // The corpus's Dockerfiles with ShellCheck: one run (it takes seconds), after the runs above.
  if (dockerfilesFolder !== undefined) {
    const scOut = path.join(fs.mkdtempSync(path.join((await import("node:os")).tmpdir(), "shipshape-bench-sc-")), "report.json");
    const withScCorpus = dockerfilesFolder.run({}, scOut);
    const sc = readReport(scOut)?.filter((d) => d.code.startsWith("SC")).length ?? "(invalid JSON!)";
    fs.rmSync(path.dirname(scOut), { recursive: true, force: true });
    console.log(`\n${row("the Dockerfiles folder with ShellCheck (one run)", dockerfilesFolder.count, withScCorpus)}: ${sc} ShellCheck findings`);
  }
}
console.log(`\nmachine after: ${load()}`);
