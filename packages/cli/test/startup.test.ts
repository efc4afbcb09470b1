// What a one-file lint loads from Node: start-up time is part of the CLI's contract (issue 4: a cold
// one-file run under 200 ms), and `fs/promises` or `child_process` alone cost it 7 to 15 ms of CPU.
// Runs the esbuild bundle (npm run build:bundle) through the bin's loader in a child process; skipped
// when the bundle has not been built.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { makeTree } from "./tree.js";

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = path.join(pkg, "dist/shipshape.cjs");
const loader = path.join(pkg, "bin/load-bundle.js");

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

describe.skipIf(!existsSync(bundle))("a one-file lint from the bundle", () => {
  it("loads neither fs/promises nor child_process when no shellcheck is on PATH (and still lints the RUN)", () => {
    const t = makeTree({ Dockerfile: "FROM debian:12\nRUN apt-get install curl\n", "bin/.keep": "" });
    remove = t.remove;
    const { status, loaded } = builtinsLoadedByLint(t.root, { PATH: path.join(t.root, "bin"), HOME: t.root });
    expect(status).toBe(1); // DL3014 and others: the shell parser ran
    expect(loaded.filter((m) => /(^|\/)(fs\/promises|child_process)$/.test(m))).toEqual([]);
  });
});
