import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { CompiledWasm } from "@shipshape/shell";

/**
 * The shell's two wasm modules, compiled by the bin before it loaded the bundle (bin/shipshape.js), so
 * that V8 compiled them on background threads meanwhile. Each promise resolves to undefined when that
 * compile failed; the file is then read and compiled as usual. And the runtime's wasm memory, which the
 * bin makes early too (see bin/load-bundle.js), when it could.
 */
export interface CompiledShellAssets {
  runtime: Promise<CompiledWasm | undefined>;
  grammar: Promise<CompiledWasm | undefined>;
  memory?: object;
}

let compiled: CompiledShellAssets | undefined;

/** Called by the bin, before `main`, with the modules it started compiling. */
export function useCompiledShell(assets: CompiledShellAssets): void {
  compiled = assets;
}

/**
 * In the bundle, the bash grammar and web-tree-sitter's runtime are copied beside it (scripts/bundle.mjs);
 * tell the shell package where they are. Nothing is read here: the shell package calls the loaders when a
 * file first needs shell parsing. They take the bin's compiled modules when there are some, else read the
 * files synchronously, which costs less than web-tree-sitter's own asynchronous reads (a trip round the
 * event loop per file, and `fs/promises` loaded for them). Outside the bundle the shell package finds the
 * installed packages itself.
 */
export async function configureShellAssets(): Promise<void> {
  const grammar = fileURLToPath(new URL("./tree-sitter-bash.wasm", import.meta.url));
  const runtime = fileURLToPath(new URL("./web-tree-sitter.wasm", import.meta.url));
  if (!existsSync(grammar) || !existsSync(runtime)) return;
  const { configureShell } = await import("@shipshape/shell");
  const assets = compiled;
  configureShell({
    wasm: async () => (await assets?.grammar) ?? readFileSync(grammar),
    runtimeWasm: async () => (await assets?.runtime) ?? readFileSync(runtime),
    memory: assets?.memory,
  });
}
