import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * In the bundle, the bash grammar and web-tree-sitter's runtime are copied beside it (scripts/bundle.mjs);
 * tell the shell package where they are. Nothing is loaded here: the shell package loads them when a file
 * first needs shell parsing. Outside the bundle it finds the installed packages itself.
 */
export async function configureShellAssets(): Promise<void> {
  const grammar = new URL("./tree-sitter-bash.wasm", import.meta.url);
  const runtime = new URL("./web-tree-sitter.wasm", import.meta.url);
  if (!existsSync(grammar) || !existsSync(runtime)) return;
  const { configureShell } = await import("@shipshape/shell");
  configureShell({ wasm: fileURLToPath(grammar), runtimeWasm: fileURLToPath(runtime) });
}
