import { Language, Parser } from "web-tree-sitter";
import { bindTreeSitterModule } from "./syntax.js";

/**
 * A wasm file for `initShell`: its bytes, a function that returns them (called only when the file is
 * loaded, so a host can read it synchronously and only when shell parsing is needed), or a path/URL.
 */
export type WasmSource = Uint8Array | (() => Uint8Array) | string;

export interface InitShellOptions {
  /** The bash grammar (`tree-sitter-bash.wasm`). Defaults to the installed package's file. */
  wasm?: WasmSource;
  /** The web-tree-sitter runtime (`web-tree-sitter.wasm`), for bundles. Defaults to the installed package's file. */
  runtimeWasm?: WasmSource;
}

let parser: Parser | undefined;
let pending: Promise<void> | undefined;
let configured: InitShellOptions = {};

/**
 * Sets where a later `initShell()` without options finds the wasm files (a bundle keeps them beside
 * itself), and loads nothing: the host says where the files are, and whoever first needs shell
 * parsing pays for loading them (about 30 ms of CPU), so runs without shell scripts never do.
 */
export function configureShell(options: InitShellOptions): void {
  configured = { ...options };
}

/**
 * Loads web-tree-sitter and the bash grammar once: from `options`, else from `configureShell()`, else
 * the installed packages. Later calls return the same promise. After it resolves every other function
 * of this package is synchronous. Rejects only when the wasm files cannot be loaded (a set-up problem,
 * not bad input); a later call retries.
 */
export function initShell(options: InitShellOptions = configured): Promise<void> {
  if (parser) return Promise.resolve();
  if (!pending) {
    pending = load(options).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
  }
  return pending;
}

async function load(options: InitShellOptions): Promise<void> {
  const runtime = typeof options.runtimeWasm === "function" ? options.runtimeWasm() : options.runtimeWasm;
  const moduleOptions: Record<string, unknown> = {};
  if (runtime instanceof Uint8Array) moduleOptions.wasmBinary = runtime;
  else if (typeof runtime === "string") moduleOptions.locateFile = () => runtime;
  await Parser.init(moduleOptions);
  // Emscripten fills `moduleOptions` with the module's exports: syntax copies walk trees through them.
  bindTreeSitterModule(moduleOptions);
  const grammar = (typeof options.wasm === "function" ? options.wasm() : options.wasm) ?? (await defaultGrammarPath());
  const language = await Language.load(grammar);
  const p = new Parser();
  p.setLanguage(language);
  parser = p;
}

/** The installed tree-sitter-bash's wasm. Imported lazily so bundles that pass bytes need no `node:module`. */
async function defaultGrammarPath(): Promise<string> {
  const { createRequire } = await import("node:module");
  return createRequire(import.meta.url).resolve("tree-sitter-bash/tree-sitter-bash.wasm");
}

export function isShellReady(): boolean {
  return parser !== undefined;
}

/** The shared parser, or undefined before `initShell` has resolved. */
export function shellParser(): Parser | undefined {
  return parser;
}
