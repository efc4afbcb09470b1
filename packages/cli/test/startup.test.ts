// What a one-file lint loads from Node: start-up time is part of the CLI's contract (issue 4: a cold
// one-file run under 200 ms), and `fs/promises` or `child_process` alone cost it 7 to 15 ms of CPU.
// Runs the esbuild bundle (npm run build:bundle) through the bin's loader in a child process; skipped
// when the bundle has not been built.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { makeTree } from "./tree.js";

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(pkg, "dist/shipshape.cjs");
const loader = path.join(pkg, "bin/load-bundle.js");
const bin = path.join(pkg, "bin/shipshape.js");

let remove = () => {};
afterEach(() => remove());

/** Lints `Dockerfile` in `cwd` in a fresh process; the Node modules the run loaded, and its exit status. */
function builtinsLoadedByLint(cwd: string, env: Record<string, string>): { status: number; loaded: string[] } {
  const script = `
    const before = new Set(process.moduleLoadList);
    const { loadBundle } = require(${JSON.stringify(loader)});
    const { exports } = loadBundle(${JSON.stringify(bundle)}, { key: "lint" });
    const sink = { write() {}, isTTY: false };
    const io = { env: ${JSON.stringify(env)}, cwd: ${JSON.stringify(cwd)}, stdout: sink, stderr: sink, readStdin: async () => new Uint8Array() };
    exports.main(["lint", "Dockerfile"], io).then((status) => {
      const loaded = process.moduleLoadList.filter((m) => !before.has(m)).map((m) => m.replace(/^NativeModule /, ""));
      process.stdout.write(JSON.stringify({ status, loaded }));
    });
  `;
  return JSON.parse(execFileSync(process.execPath, ["--liftoff-only", "-e", script], { cwd, encoding: "utf8" }));
}

/**
 * Lints a one-RUN Dockerfile through the bin in a fresh process with `hook` preloaded, which writes what it
 * recorded as JSON to the file named by $HOOK_OUT; the run and that JSON. stdout is a pipe here, as in
 * CI; no code cache is written (writing one loads more modules).
 */
function lintWithHook(hook: string): { run: ReturnType<typeof spawnSync>; recorded: unknown } {
  const t = makeTree({ Dockerfile: "FROM debian:12\nRUN apt-get install curl\n", "hook.cjs": hook, "bin/.keep": "" });
  remove = t.remove;
  const out = path.join(t.root, "hook.json");
  const env = { PATH: path.join(t.root, "bin"), HOME: t.root, SHIPSHAPE_COMPILE_CACHE: "0", HOOK_OUT: out };
  const run = spawnSync(process.execPath, ["-r", path.join(t.root, "hook.cjs"), bin, "lint", "Dockerfile"], { cwd: t.root, env, encoding: "utf8" });
  return { run, recorded: JSON.parse(readFileSync(out, "utf8")) };
}

describe.skipIf(!existsSync(bundle))("a one-file lint from the bundle", () => {
  it("runs a bundle that carries the loader's wrapper, so that the loader compiles the file as read", async () => {
    const { WRAPPER_HEAD } = createRequire(import.meta.url)(loader) as { WRAPPER_HEAD: string };
    for (const file of [bundle, path.join(pkg, "dist/lint-worker.cjs")]) {
      const text = readFileSync(file, "latin1");
      expect(text.startsWith(WRAPPER_HEAD)).toBe(true);
      // the closing brace, then the source map comment, which stays the last line
      expect(text.trimEnd().split("\n").slice(-2)).toEqual(["})", `//# sourceMappingURL=${path.basename(file)}.map`]);
    }
    // The ES module face of the bundle runs it through the loader too.
    const { main } = (await import(pathToFileURL(path.join(pkg, "dist/shipshape.mjs")).href)) as { main: (argv: string[], io: unknown) => Promise<number> };
    let out = "";
    const io = { env: {}, cwd: pkg, stdout: { write: (s: string) => (out += s), isTTY: false }, stderr: { write() {}, isTTY: false }, readStdin: async () => new Uint8Array() };
    expect(await main(["--version"], io)).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("loads neither fs/promises nor child_process when no shellcheck is on PATH (and still lints the RUN)", () => {
    const t = makeTree({ Dockerfile: "FROM debian:12\nRUN apt-get install curl\n", "bin/.keep": "" });
    remove = t.remove;
    const { status, loaded } = builtinsLoadedByLint(t.root, { PATH: path.join(t.root, "bin"), HOME: t.root });
    expect(status).toBe(1); // DL3014 and others: the shell parser ran
    expect(loaded.filter((m) => /(^|\/)(fs\/promises|child_process)$/.test(m))).toEqual([]);
  });

  it("has the bin set its V8 flag only after loading the Node modules the run needs (V8 refuses their code caches under changed flags)", () => {
    // A preload records which of Node's modules are first loaded after the bin's first setFlagsFromString.
    const hook = `
      const v8 = require("node:v8");
      const set = v8.setFlagsFromString;
      let at;
      v8.setFlagsFromString = (flags) => { at ??= process.moduleLoadList.length; return set(flags); };
      process.on("exit", () => {
        const late = at === undefined ? ["(no flag set)"] : process.moduleLoadList.slice(at).filter((m) => m.startsWith("NativeModule "));
        require("node:fs").writeFileSync(process.env.HOOK_OUT, JSON.stringify(late));
      });
    `;
    const { run, recorded } = lintWithHook(hook);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("DL3014");
    expect(recorded).toEqual([]);
  });

  it("has the bin set every V8 flag before it compiles the bundle (V8 keys the bundle's code cache on them)", () => {
    // A preload records each flag the bin sets, and whether the bundle's vm.Script had been made by then.
    const hook = `
      const v8 = require("node:v8");
      const vm = require("node:vm");
      const set = v8.setFlagsFromString;
      const log = [];
      let scripts = 0;
      v8.setFlagsFromString = (flags) => { log.push({ flags, scriptsBefore: scripts }); return set(flags); };
      const Script = vm.Script;
      vm.Script = class extends Script { constructor(...args) { scripts++; super(...args); } };
      process.on("exit", () => require("node:fs").writeFileSync(process.env.HOOK_OUT, JSON.stringify({ log, scripts })));
    `;
    const { run, recorded } = lintWithHook(hook);
    expect(run.status).toBe(1);
    const { log, scripts } = recorded as { log: { flags: string; scriptsBefore: number }[]; scripts: number };
    expect(scripts).toBe(1); // the bundle
    expect(log.map((l) => l.flags)).toEqual(
      expect.arrayContaining(["--liftoff-only", "--max-inlined-bytecode-size-cumulative=100", "--interrupt-budget=135168", "--no-wasm-lazy-compilation"]),
    );
    expect(log.filter((l) => l.scriptsBefore > 0)).toEqual([]);
  });
});
