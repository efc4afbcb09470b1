#!/usr/bin/env node
// The npm bin: the esbuild bundle when it has been built (fast start), else the tsc output.
import { existsSync } from "node:fs";
import { setFlagsFromString } from "node:v8";

// The bash grammar is a 1.3 MB WebAssembly module: V8's optimising tier would recompile it on background
// threads for over a second of CPU, and the process waits for that before it exits. The baseline
// compiler alone parses RUN scripts fast enough.
setFlagsFromString("--liftoff-only");

// Never a stack trace: a reader that goes away (`shipshape lint | head`) ends the run quietly, and
// anything else unexpected is one line on stderr with exit status 2.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    fail(error);
  });
}
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

function fail(error) {
  try {
    process.stderr.write(`shipshape: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    process.exit(2);
  }
}

const bundle = new URL("../dist/shipshape.mjs", import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : new URL("../dist/main.js", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
