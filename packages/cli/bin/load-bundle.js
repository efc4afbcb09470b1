// Runs the CommonJS bundle (dist/shipshape.cjs) with V8's code cache kept between runs.
//
// Compiling the bundle's JavaScript is a large part of a cold start (about 180 ms of the CPU time of a
// one-file lint on the machine this was measured on). Node 22 can keep compiled code for ES modules
// (module.enableCompileCache); Node 20 cannot, but a vm.Script can take and produce V8's code cache on
// every version. The cache is written after the run, so it holds the functions the run compiled, and one
// is kept per command (lint, lsp, ...), as each compiles different code. The first runs of a command
// differ (one file or a thousand on worker threads, one format or another), so the cache is rewritten
// after each of the first GENERATIONS runs, each time with what the earlier ones compiled plus what the
// run added; after that it is only read.
//
// CommonJS (bin/package.json), as the bin is: an ES module entry costs Node 20 its ES module loader.
"use strict";
const { isAscii } = require("node:buffer");
const { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { setFlagsFromString } = require("node:v8");
const os = require("node:os");
const path = require("node:path");
const vm = require("node:vm");

const OFF = new Set(["0", "off", "false", "no"]);

/**
 * Memory the kernel hands out costs a page fault the first time each 4 KB page is touched: about 12 µs
 * each on the 2-core VMs this was measured on, so a few MB read into fresh buffers cost milliseconds. The
 * large files a run reads before it lints (the grammar's wasm, the bundle, its code cache: 4.4 MB in all)
 * are therefore read one after the other into one buffer, and each reader copies what it needs: V8 copies
 * wasm bytes when a compile starts, the bundle becomes a string, and the cache is read while the script
 * compiles. Pages past the largest file are never touched, so the buffer is made large enough for all.
 */
const SHARED_SIZE = 4 << 20;
/** @type {Buffer | undefined} */
let shared;

/**
 * A file's bytes in the shared buffer, valid only until the next `readShared`, and its stats. Throws as
 * readFileSync does.
 * @param {string} file
 * @returns {{ bytes: Buffer, stats: import("node:fs").Stats }}
 */
function readShared(file) {
  const fd = openSync(file, "r");
  try {
    const stats = fstatSync(fd);
    if (shared === undefined || shared.length < stats.size) shared = Buffer.allocUnsafeSlow(Math.max(stats.size, SHARED_SIZE));
    let length = 0;
    while (length < stats.size) {
      const read = readSync(fd, shared, length, stats.size - length, length);
      if (read === 0) break;
      length += read;
    }
    return { bytes: shared.subarray(0, length), stats };
  } finally {
    closeSync(fd);
  }
}

/**
 * The start of every bundle: the function a CommonJS module's code runs in, with the loader's importer as
 * one more parameter. scripts/bundle.mjs writes it into the bundle, on its first line (so positions hold),
 * and the closing `})` after it: the source V8 compiles is then the string read from the file, where
 * wrapping it here would copy its 1.3 MB once more, into fresh memory. A file without it is wrapped here.
 */
const WRAPPER_HEAD = "(function (exports, require, module, __filename, __dirname, __shipshapeImport) {";
/** How many runs (re)write a command's cache. The file's first byte counts them; V8's data follows. */
const GENERATIONS = 3;

/**
 * The folder for code caches: SHIPSHAPE_COMPILE_CACHE (a folder; 0, off, false or no turn caching off),
 * else `<tmpdir>/shipshape-compile-cache-<uid>`. undefined when turned off.
 * @param {Record<string, string | undefined>} env
 * @returns {string | undefined}
 */
function compileCacheDir(env = process.env) {
  const choice = env.SHIPSHAPE_COMPILE_CACHE?.trim();
  if (choice && OFF.has(choice.toLowerCase())) return undefined;
  if (choice) return path.resolve(choice);
  const user = typeof process.getuid === "function" ? String(process.getuid()) : "user";
  return path.join(os.tmpdir(), `shipshape-compile-cache-${user}`);
}

const COMMANDS = new Set(["lint", "parse", "rules", "explain", "plan", "lsp"]);
const YAML_NAME = /\.ya?ml$/i;

/**
 * The code cache a command line uses. A cache holds the code of every function its first runs compiled,
 * and V8 reads all of it on every run: a one-Dockerfile lint that meets a cache filled by a folder walk
 * (compose files, YAML, the compose rules) took 12-19 ms longer than with its own. So each command has
 * its own cache (the rest, --version and typos, share one), and a lint of named files only splits further
 * by what the names say: Dockerfiles, YAML (compose) files, or both. Only the speed depends on this guess.
 * @param {string[]} args the command line after `shipshape`
 * @returns {string}
 */
function cacheKey(args) {
  const command = args[0];
  if (!COMMANDS.has(command)) return "other";
  if (command !== "lint") return command;
  let yaml = 0;
  let other = 0;
  for (const arg of args.slice(1)) {
    if (arg.startsWith("-")) continue;
    let stats;
    try {
      stats = statSync(arg, { throwIfNoEntry: false });
    } catch {
      stats = undefined;
    }
    // An option's value (`--format json`) names no file; a folder is walked, which may find anything.
    if (stats === undefined) continue;
    if (!stats.isFile()) return "lint";
    if (YAML_NAME.test(arg)) yaml++;
    else other++;
  }
  if (yaml === 0 && other === 0) return "lint";
  return yaml === 0 ? "lint-dockerfiles" : other === 0 ? "lint-compose" : "lint-files";
}

/**
 * Whether `dir` is a folder only this user can write to: code read from a cache is run as is, so a
 * cache another user could replace is never read (on Windows, where there are no uids, any folder).
 * @param {string} dir
 */
function isPrivateDir(dir) {
  try {
    const st = lstatSync(dir);
    if (!st.isDirectory()) return false;
    if (typeof process.getuid !== "function") return true;
    return st.uid === process.getuid() && (st.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * The cache file's name: the command, then what makes a cache invalid (the bundle's size and time,
 * the Node version and architecture). V8 also checks its own version and flags, but it compares only the
 * length of the source, so a rebuilt bundle must never meet the cache of the previous one.
 * @param {string} key
 * @param {import("node:fs").Stats} bundle
 */
function cacheFileName(key, bundle) {
  return `${cachePrefix(key)}${process.version}-${process.arch}-${bundle.size}-${Math.trunc(bundle.mtimeMs)}.v8cache`;
}

/** @param {string} key */
const cachePrefix = (key) => `${key.replace(/[^a-z0-9]/gi, "_")}-`;

/**
 * @typedef {object} LoadedBundle
 * @property {any} exports the bundle's `module.exports`
 * @property {"used" | "rejected" | "none"} cache what became of the cache: V8 took it, refused it, or there was none
 * @property {() => boolean} saveCache writes the cache when there was none or V8 refused it, or during a command's
 *   first runs; true when one was written. Never throws.
 */

/**
 * Runs a CommonJS bundle in this context (as `require` would) from a vm.Script, with the code cache for
 * `key` when there is a valid one.
 * @param {string} file absolute path of the bundle
 * @param {{ key: string, cacheDir?: string, importExternal?: (specifier: string) => Promise<unknown> }} options
 *   `importExternal` is passed to the bundle as `__shipshapeImport`: a vm.Script cannot use `import()`.
 * @returns {LoadedBundle}
 */
function loadBundle(file, { key, cacheDir, importExternal }) {
  const { bytes, stats } = readShared(file);
  // An ASCII file (scripts/bundle.mjs makes the bundle one) decodes several times faster as latin1, and
  // V8 keeps it as a one-byte string.
  const source = bytes.toString(typeof isAscii === "function" && isAscii(bytes) ? "latin1" : "utf8");
  const cacheFile = cacheDir === undefined ? undefined : path.join(cacheDir, cacheFileName(key, stats));
  let cachedData;
  let generation = 0;
  if (cacheFile !== undefined && isPrivateDir(cacheDir)) {
    try {
      const { bytes } = readShared(cacheFile);
      if (bytes.length > 1) [generation, cachedData] = [bytes[0], bytes.subarray(1)];
    } catch {
      cachedData = undefined; // none yet
    }
  }
  const wrapped = source.startsWith(WRAPPER_HEAD) ? source : `${WRAPPER_HEAD}${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  // V8 has read the cache: the shared buffer is no longer needed.
  shared = undefined;
  const module = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), importExternal);
  module.loaded = true;
  const cache = cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "used";
  const nextGeneration = cache === "used" ? generation + 1 : 1;
  let saved = false;
  return {
    exports: module.exports,
    cache,
    saveCache() {
      if (cacheFile === undefined || nextGeneration > GENERATIONS || saved) return false;
      saved = true;
      // Written under a name unique to this writer (worker threads of one process may write the same cache
      // at once) and renamed, so a run starting meanwhile never reads half a file.
      const temp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        if (!isPrivateDir(cacheDir)) return false;
        writeFileSync(temp, Buffer.concat([Buffer.of(nextGeneration), script.createCachedData()]), { mode: 0o600 });
        renameSync(temp, cacheFile);
        removeStale(cacheDir, cachePrefix(key), path.basename(cacheFile));
        return true;
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {
          // the folder itself is unusable
        }
        return false; // a cache is only ever an optimisation
      }
    },
  };
}

/**
 * Earlier caches of the same command (another bundle or Node version) would pile up.
 * @param {string} dir
 * @param {string} prefix
 * @param {string} current
 */
function removeStale(dir, prefix, current) {
  for (const name of readdirSync(dir)) {
    if (name !== current && name.startsWith(prefix) && name.endsWith(".v8cache")) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Whether a run under `key` (cacheKey) starts compiling the shell's wasm modules before the bundle loads:
 * a lint that may meet a Dockerfile (not one of compose files only).
 * @param {string} key
 */
const compilesShell = (key) => key.startsWith("lint") && key !== "lint-compose";

/**
 * web-tree-sitter's wasm memory as its runtime makes it (emscripten's INITIAL_MEMORY of 32 MB, and a maximum
 * of 2 GB), in 64 KB pages: the runtime's memory import takes no other limits.
 */
const SHELL_MEMORY = { initial: 512, maximum: 32768 };

/**
 * Starts compiling the shell's two wasm modules (web-tree-sitter's runtime and the bash grammar, copied
 * beside the bundle) on V8's background threads, each whole: the first RUN script parsed would otherwise
 * wait while V8 compiles the grammar's functions one by one as they are first called (about 15 ms, the
 * lexer being one very large function). The caller lets the event loop turn once soon after, which is
 * when V8 hands the work to its threads. undefined when a file cannot be read; a promise resolves to
 * undefined when its compile fails (the shell package then reads the file itself).
 *
 * Also makes the runtime's wasm memory now, not when the first RUN is parsed. V8 counts its 32 MB as
 * external memory; made after the bundle had loaded, it set off collections for "external memory
 * pressure" (two scavenges and a full collection, about 8 ms of a one-file lint). Made first, it sets off
 * none, in a one-file lint or over the whole corpus. undefined when it cannot be made.
 * @param {string} dir the folder of the bundle
 * @returns {{ runtime: Promise<object | undefined>, grammar: Promise<object | undefined>, memory: object | undefined } | undefined}
 */
function startShellCompile(dir) {
  let runtime;
  let grammar;
  try {
    runtime = readFileSync(path.join(dir, "web-tree-sitter.wasm"));
    // The large one into the shared buffer, which loadBundle reuses: V8 copies the bytes before
    // WebAssembly.compile returns.
    grammar = readShared(path.join(dir, "tree-sitter-bash.wasm")).bytes;
  } catch {
    return undefined;
  }
  // Whole modules, not each function when first called. V8 reads the flag when a compile starts, and keys
  // code caches on flags: a run under a given cache key always sets it or never does.
  setFlagsFromString("--no-wasm-lazy-compilation");
  const compile = (bytes) => WebAssembly.compile(bytes).catch(() => undefined);
  let memory;
  try {
    memory = new WebAssembly.Memory(SHELL_MEMORY);
  } catch {
    memory = undefined; // the runtime makes its own
  }
  return { runtime: compile(runtime), grammar: compile(grammar), memory };
}

module.exports = { WRAPPER_HEAD, GENERATIONS, cacheKey, compileCacheDir, cacheFileName, compilesShell, loadBundle, startShellCompile };
