// The bin's bundle loader: a CommonJS file run from a vm.Script, with V8's code cache kept per command.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-ignore: plain JavaScript beside the bin, without type declarations
import { WRAPPER_HEAD, cacheFileName, cacheKey, compileCacheDir, compilesShell, loadBundle, startShellCompile } from "../bin/load-bundle.js";

interface Loaded {
  exports: Record<string, unknown>;
  cache: "used" | "rejected" | "none";
  saveCache(): boolean;
}
const load = loadBundle as (file: string, options: { key: string; cacheDir?: string; importExternal?: (s: string) => Promise<unknown> }) => Loaded;

let root: string;
let bundle: string;
let cacheDir: string;

// Enough code that V8 has something to cache, using what a bundle uses: require, __filename, exports.
const SOURCE = `"use strict";
const path = require("node:path");
function area(w, h) { return w * h; }
function table(n) { const rows = []; for (let i = 0; i < n; i++) rows.push({ i, square: i * i, text: "row " + i, even: i % 2 === 0 }); return rows.filter((r) => r.even).map((r) => r.text + ":" + r.square).join(","); }
module.exports = { name: path.basename(__filename), area, table, external: (s) => __shipshapeImport(s) };
`;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "shipshape-load-bundle-"));
  bundle = path.join(root, "bundle.cjs");
  cacheDir = path.join(root, "cache");
  writeFileSync(bundle, SOURCE);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("compileCacheDir", () => {
  it("is a per-user folder under the temp folder unless SHIPSHAPE_COMPILE_CACHE says otherwise", () => {
    expect(compileCacheDir({})).toBe(path.join(tmpdir(), `shipshape-compile-cache-${process.getuid?.() ?? "user"}`));
    expect(compileCacheDir({ SHIPSHAPE_COMPILE_CACHE: "rel/dir" })).toBe(path.resolve("rel/dir"));
    for (const off of ["0", "off", "FALSE", " no "]) expect(compileCacheDir({ SHIPSHAPE_COMPILE_CACHE: off })).toBeUndefined();
  });
});

describe("cacheKey", () => {
  it("gives each command its own cache, and a lint of named files one by the kind its names say", () => {
    mkdirSync(path.join(root, "svc"));
    for (const f of ["Dockerfile", "svc/Dockerfile", "compose.yaml", "extra.yml"]) writeFileSync(path.join(root, f), "");
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const key = (...args: string[]) => (cacheKey as (a: string[]) => string)(args);
      expect(key("parse", "Dockerfile")).toBe("parse");
      expect(key("--version")).toBe("other");
      expect(key("lnit")).toBe("other");
      expect(key("lint", "Dockerfile", "svc/Dockerfile")).toBe("lint-dockerfiles");
      // Option values and missing paths name no file.
      expect(key("lint", "--format", "json", "Dockerfile", "missing")).toBe("lint-dockerfiles");
      expect(key("lint", "compose.yaml", "extra.yml")).toBe("lint-compose");
      expect(key("lint", "Dockerfile", "compose.yaml")).toBe("lint-files");
      // A folder is walked, and a run without names reads stdin or the working folder.
      expect(key("lint", "svc")).toBe("lint");
      expect(key("lint", "Dockerfile", ".")).toBe("lint");
      expect(key("lint")).toBe("lint");
      expect(key("lint", "-")).toBe("lint");
    } finally {
      process.chdir(cwd);
    }
  });
});

describe("startShellCompile", () => {
  const require = createRequire(import.meta.url);
  const start = startShellCompile as (dir: string) => { runtime: Promise<unknown>; grammar: Promise<unknown>; memory: unknown } | undefined;

  it("is started for lints that may meet a Dockerfile", () => {
    for (const key of ["lint", "lint-dockerfiles", "lint-files"]) expect(compilesShell(key)).toBe(true);
    for (const key of ["lint-compose", "lsp", "parse", "plan", "rules", "other"]) expect(compilesShell(key)).toBe(false);
  });

  it("compiles both wasm files beside the bundle", async () => {
    copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), path.join(root, "web-tree-sitter.wasm"));
    copyFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"), path.join(root, "tree-sitter-bash.wasm"));
    const started = start(root)!;
    const [runtime, grammar] = await Promise.all([started.runtime, started.grammar]);
    expect(runtime).toBeInstanceOf(WebAssembly.Module);
    expect(grammar).toBeInstanceOf(WebAssembly.Module);
    // the grammar's module exports its language function
    expect(WebAssembly.Module.exports(grammar as WebAssembly.Module).some((e) => e.name === "tree_sitter_bash")).toBe(true);
  });

  it("makes the runtime's wasm memory (packages/shell's wasm-memory test runs the runtime in one like it)", () => {
    copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), path.join(root, "web-tree-sitter.wasm"));
    copyFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"), path.join(root, "tree-sitter-bash.wasm"));
    const { memory } = start(root)!;
    expect(memory).toBeInstanceOf(WebAssembly.Memory);
    expect((memory as WebAssembly.Memory).buffer.byteLength).toBe(32 << 20);
  });

  it("compiles the grammar from bytes that the bundle's load then overwrites (V8 copies them first)", async () => {
    copyFileSync(require.resolve("web-tree-sitter/web-tree-sitter.wasm"), path.join(root, "web-tree-sitter.wasm"));
    copyFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"), path.join(root, "tree-sitter-bash.wasm"));
    const started = start(root)!;
    // Reads the bundle, then its cache, into the buffer the grammar was read into.
    const first = load(bundle, { key: "lint", cacheDir });
    first.saveCache();
    expect(load(bundle, { key: "lint", cacheDir }).cache).toBe("used");
    const grammar = (await started.grammar) as WebAssembly.Module;
    expect(grammar).toBeInstanceOf(WebAssembly.Module);
    expect(WebAssembly.Module.exports(grammar).some((e) => e.name === "tree_sitter_bash")).toBe(true);
  });

  it("gives nothing when a file is missing, and undefined for a file that does not compile", async () => {
    expect(start(root)).toBeUndefined();
    writeFileSync(path.join(root, "web-tree-sitter.wasm"), "not wasm");
    copyFileSync(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"), path.join(root, "tree-sitter-bash.wasm"));
    const started = start(root)!;
    expect(await started.runtime).toBeUndefined();
    expect(await started.grammar).toBeInstanceOf(WebAssembly.Module);
  });
});

describe("loadBundle", () => {
  it("runs the bundle as CommonJS and passes the external importer in", async () => {
    const seen: string[] = [];
    const loaded = load(bundle, { key: "lint", importExternal: async (s) => (seen.push(s), { ok: s }) });
    expect(loaded.exports.name).toBe("bundle.cjs");
    expect((loaded.exports.area as (w: number, h: number) => number)(3, 4)).toBe(12);
    expect(await (loaded.exports.external as (s: string) => Promise<unknown>)("tinypool")).toEqual({ ok: "tinypool" });
    expect(seen).toEqual(["tinypool"]);
    expect(loaded.cache).toBe("none");
    expect(loaded.saveCache()).toBe(false); // no cache folder given
  });

  it("runs a bundle that carries the wrapper itself (as scripts/bundle.mjs writes it) as read, with its cache", () => {
    const wrapped = path.join(root, "wrapped.cjs");
    writeFileSync(wrapped, `${WRAPPER_HEAD}${SOURCE}\n})\n//# sourceMappingURL=wrapped.cjs.map\n`);
    const first = load(wrapped, { key: "lint", cacheDir, importExternal: async (s) => ({ ok: s }) });
    expect(first.exports.name).toBe("wrapped.cjs");
    expect((first.exports.area as (w: number, h: number) => number)(3, 4)).toBe(12);
    expect(first.saveCache()).toBe(true);
    const second = load(wrapped, { key: "lint", cacheDir });
    expect(second.cache).toBe("used");
    expect((second.exports.table as (n: number) => string)(3)).toBe("row 0:0,row 2:4");
  });

  it("writes the cache after the run and uses it next time", () => {
    const first = load(bundle, { key: "lint", cacheDir });
    expect(first.cache).toBe("none");
    expect(first.saveCache()).toBe(true);
    expect(first.saveCache()).toBe(false); // once
    const file = path.join(cacheDir, cacheFileName("lint", statSync(bundle)));
    expect(existsSync(file)).toBe(true);
    if (process.platform !== "win32") expect(statSync(cacheDir).mode & 0o777).toBe(0o700);

    const second = load(bundle, { key: "lint", cacheDir });
    expect(second.cache).toBe("used");
    expect((second.exports.area as (w: number, h: number) => number)(2, 5)).toBe(10);
  });

  it("rewrites the cache after the first three runs, each adding what the run compiled, then only reads it", () => {
    const file = () => path.join(cacheDir, cacheFileName("lint", statSync(bundle)));
    expect(load(bundle, { key: "lint", cacheDir }).saveCache()).toBe(true);
    const first = statSync(file()).size;
    // The second run calls a function the first did not compile.
    const second = load(bundle, { key: "lint", cacheDir });
    expect((second.exports.table as (n: number) => string)(4)).toBe("row 0:0,row 2:4");
    expect(second.saveCache()).toBe(true);
    expect(statSync(file()).size).toBeGreaterThan(first);
    expect(load(bundle, { key: "lint", cacheDir }).saveCache()).toBe(true);
    const fourth = load(bundle, { key: "lint", cacheDir });
    expect(fourth.cache).toBe("used");
    expect(fourth.saveCache()).toBe(false);
  });

  it("keeps one cache per key", () => {
    load(bundle, { key: "lint", cacheDir }).saveCache();
    expect(load(bundle, { key: "lsp", cacheDir }).cache).toBe("none");
    expect(load(bundle, { key: "lint", cacheDir }).cache).toBe("used");
  });

  it("never meets the cache of an earlier bundle, and removes it once a new one is written", () => {
    load(bundle, { key: "lint", cacheDir }).saveCache();
    const old = readdirSync(cacheDir);
    // Same length, other code: V8 alone would accept the old cache (it compares lengths only).
    writeFileSync(bundle, SOURCE.replace("w * h", "w + h"));
    utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));
    const rebuilt = load(bundle, { key: "lint", cacheDir });
    expect(rebuilt.cache).toBe("none");
    expect((rebuilt.exports.area as (w: number, h: number) => number)(3, 4)).toBe(7);
    expect(rebuilt.saveCache()).toBe(true);
    const now = readdirSync(cacheDir);
    expect(now).toHaveLength(1);
    expect(now).not.toEqual(old);
  });

  it("replaces a cache V8 rejects", () => {
    mkdirSync(cacheDir, { mode: 0o700 });
    const file = path.join(cacheDir, cacheFileName("lint", statSync(bundle)));
    writeFileSync(file, Buffer.from("not a code cache, but long enough to be looked at by V8 at all"));
    const loaded = load(bundle, { key: "lint", cacheDir });
    expect(loaded.cache).toBe("rejected");
    expect(loaded.exports.name).toBe("bundle.cjs");
    expect(loaded.saveCache()).toBe(true);
    expect(load(bundle, { key: "lint", cacheDir }).cache).toBe("used");
  });

  it.skipIf(process.platform === "win32")("neither reads nor writes a cache folder others can write to", () => {
    load(bundle, { key: "lint", cacheDir }).saveCache();
    chmodSync(cacheDir, 0o777);
    expect(load(bundle, { key: "lint", cacheDir }).cache).toBe("none");
    const other = path.join(root, "shared");
    mkdirSync(other, { mode: 0o777 });
    chmodSync(other, 0o777);
    expect(load(bundle, { key: "lint", cacheDir: other }).saveCache()).toBe(false);
    expect(readdirSync(other)).toEqual([]);
  });

  it("still runs when the cache folder cannot be created", () => {
    const blocked = path.join(root, "file-not-folder");
    writeFileSync(blocked, "");
    const loaded = load(bundle, { key: "lint", cacheDir: path.join(blocked, "cache") });
    expect(loaded.exports.name).toBe("bundle.cjs");
    expect(loaded.saveCache()).toBe(false);
  });
});
