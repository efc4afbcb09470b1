#!/usr/bin/env node
// The npm bin: the esbuild bundle when it has been built (fast start), else the tsc output.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/shipshape.mjs", import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : new URL("../dist/main.js", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
