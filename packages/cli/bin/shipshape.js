#!/usr/bin/env node
// The npm bin: the esbuild bundle when it has been built (fast start, code cache kept between runs), else
// the tsc output. CommonJS (bin/package.json): an ES module entry would cost each run Node 20's ES module
// loader, and nothing here needs it (the bundle is CommonJS too).
"use strict";
const { existsSync } = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");
const { setFlagsFromString } = require("node:v8");

// Never a stack trace: a reader that goes away (`shipshape lint | head`) ends the run quietly, and
// anything else unexpected is one line on stderr with exit status 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    fail(error);
  });
}

// Node's own modules come with V8 code caches made under the default flags, and V8 refuses a cache made
// under other flags: each built-in module first loaded after the flag below would be compiled from source
// (the stdout stream's modules, the module loader's, parseArgs': some 6 ms of CPU of a one-file lint
// writing to a pipe). So the ones every run loads are loaded first (the streams above, these).
require("node:module");
require("node:os");
require("node:process");
require("node:vm");
void require("node:util").parseArgs; // a getter that loads its module

// The bash grammar is a 1.3 MB WebAssembly module: V8's optimising tier would recompile it on background
// threads for over a second of CPU, and the process waits for that before it exits. The baseline
// compiler alone parses RUN scripts fast enough. Set before the bundle is compiled: V8 keys its code
// cache on the flags in force.
setFlagsFromString("--liftoff-only");
// TurboFan inlines at most 100 bytes of bytecode into a function it optimises, not 920. A lint run is
// short, and it runs hundreds of rule handlers that each get hot at a different time: the default budget
// made TurboFan's background compiles (50-125 ms each for the largest functions) take as much CPU as
// the lint itself, on the same cores. The whole corpus in one process took 9% less time (3.47 s against
// 3.80 s, medians of 7 interleaved runs, 2 cores); a process that has run long enough runs as fast as
// before. Only compiler flags may be set here: V8 reads them at each compile, and others (the garbage
// collector's) are fixed once V8 has started.
setFlagsFromString("--max-inlined-bytecode-size-cumulative=100");
// And V8 asks for a function to be optimised after twice as much work in it as by default (interrupt
// budget 135168 bytes of bytecode, not 67584), so fewer functions are optimised that a short run would
// have left soon after: over the whole corpus in one process, 12% less CPU time and 3-5% less wall time
// (medians of 7 interleaved runs, 2 cores); a one-file lint is unchanged.
setFlagsFromString("--interrupt-budget=135168");
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

function fail(error) {
  try {
    process.stderr.write(`shipshape: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    process.exit(2);
  }
}

async function run(argv) {
  const bundle = path.join(__dirname, "../dist/shipshape.cjs");
  if (!existsSync(bundle)) {
    const { main } = await import(pathToFileURL(path.join(__dirname, "../dist/main.js")).href);
    return main(argv);
  }
  const { cacheKey, compileCacheDir, compilesShell, loadBundle, startShellCompile } = require("./load-bundle.js");
  const key = cacheKey(argv);
  const shell = compilesShell(key) ? startShellCompile(path.dirname(bundle)) : undefined;
  // One turn of the event loop, in which V8 hands the compiles to its threads; they then run while the
  // bundle loads and the lint starts.
  if (shell !== undefined) await new Promise(setImmediate);
  const cacheDir = compileCacheDir();
  // Node 22+ keeps compiled ES modules too (the lint pool's worker, tinypool) in the same folder.
  try {
    const nodeModule = require("node:module");
    if (cacheDir !== undefined && typeof nodeModule.enableCompileCache === "function") nodeModule.enableCompileCache(cacheDir);
  } catch {
    // only an optimisation
  }
  const loaded = loadBundle(bundle, { key, cacheDir, importExternal: (specifier) => import(specifier) });
  if (shell !== undefined) loaded.exports.useCompiledShell?.(shell);
  const status = await loaded.exports.main(argv);
  loaded.saveCache();
  return status;
}

run(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
  // Once the command is done and its output is out, end at once: a natural exit first tears down the heap
  // (and every thread) piece by piece: 6-19 ms of a one-file lint's 260-290 (medians of 30-40 interleaved runs).
  // Output still queued (a slow pipe where writes are asynchronous, as on Windows) is left to drain first.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(status);
}, fail);
