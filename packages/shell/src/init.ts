import { Language, Parser } from "web-tree-sitter";
import { bindTreeSitterModule } from "./syntax.js";

/**
 * A compiled `WebAssembly.Module`, typed loosely: @types/node 20 does not declare the WebAssembly global,
 * so this file declares the little of it that it uses.
 */
export type CompiledWasm = object;
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => CompiledWasm;
  Instance: new (module: CompiledWasm, imports: unknown) => unknown;
};

/** A wasm file's bytes, or the module already compiled from them. */
export type WasmModuleSource = Uint8Array | CompiledWasm;

/**
 * A wasm file for `initShell`: its bytes or compiled module, a function that returns them or a promise
 * of them (called only when the file is loaded, so a host reads the file only when shell parsing is
 * needed), or a path/URL. A host that starts `WebAssembly.compile` early passes the compiled module:
 * V8 compiles it on background threads while the host does other work.
 */
export type WasmSource = WasmModuleSource | string | (() => WasmModuleSource | Promise<WasmModuleSource>);

export interface InitShellOptions {
  /** The bash grammar (`tree-sitter-bash.wasm`). Defaults to the installed package's file. */
  wasm?: WasmSource;
  /** The web-tree-sitter runtime (`web-tree-sitter.wasm`), for bundles. Defaults to the installed package's file. */
  runtimeWasm?: WasmSource;
  /**
   * The runtime's wasm memory, for a host that makes it early (a `WebAssembly.Memory` with the limits the
   * runtime makes its own with: 512 pages initially, 32768 at most). Defaults to one the runtime makes.
   */
  memory?: object;
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
  try {
    await loadParser(options);
  } catch (error) {
    throw loadError(error);
  }
}

/**
 * The reason a load failed, in one plain line: emscripten wraps the cause of a failed start as
 * `Aborted(Error: ENOENT: ...). Build with -sASSERTIONS for more info.`
 */
function loadError(error: unknown): Error {
  const text = error instanceof Error ? error.message : String(error);
  const inner = /^Aborted\(([\s\S]*)\)(?:\. Build with -sASSERTIONS for more info\.)?$/.exec(text)?.[1] ?? text;
  return new Error(inner.replace(/^[A-Za-z]*Error: /, ""), { cause: error });
}

async function loadParser(options: InitShellOptions): Promise<void> {
  const runtime = await resolveSource(options.runtimeWasm);
  // emscripten's own messages about a failed start go nowhere: the rejection carries the reason, and
  // whoever called says it (a lint makes it a finding), rather than two extra lines on stderr.
  const moduleOptions: Record<string, unknown> = { printErr: () => undefined };
  if (options.memory) moduleOptions.wasmMemory = options.memory;
  if (runtime instanceof Uint8Array) moduleOptions.wasmBinary = runtime;
  else if (runtime instanceof WebAssembly.Module) moduleOptions.instantiateWasm = instantiateCompiled(runtime);
  else if (typeof runtime === "string") moduleOptions.locateFile = () => runtime;
  await Parser.init(moduleOptions);
  // Emscripten fills `moduleOptions` with the module's exports: syntax copies walk trees through them.
  bindTreeSitterModule(moduleOptions);
  const grammar = (await resolveSource(options.wasm)) ?? (await defaultGrammarPath());
  const language =
    grammar instanceof WebAssembly.Module ? Language.loadSync(grammar) : await Language.load(grammar as Uint8Array | string);
  const p = new Parser();
  p.setLanguage(language);
  parser = p;
}

async function resolveSource(source: WasmSource | undefined): Promise<WasmModuleSource | string | undefined> {
  return typeof source === "function" ? await source() : source;
}

/**
 * Emscripten's hook for a host that instantiates the runtime itself. It instantiates synchronously: a
 * failure then rejects `Parser.init` (emscripten gives the hook's callback no way to report one, so an
 * asynchronous failure would leave it waiting for ever).
 */
function instantiateCompiled(module: CompiledWasm) {
  return (imports: unknown, receive: (instance: unknown, module: CompiledWasm) => void) => {
    receive(new WebAssembly.Instance(module, imports), module);
    return {};
  };
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
