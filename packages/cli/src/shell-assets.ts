import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * In the bundle, the bash grammar and web-tree-sitter's runtime are copied beside it (scripts/bundle.mjs);
 * tell the shell package where they are. Nothing is read here: the shell package calls the readers when a
 * file first needs shell parsing. They read synchronously, which costs less than web-tree-sitter's own
 * asynchronous reads (a trip round the event loop per file, and `fs/promises` loaded for them). Outside
 * the bundle the shell package finds the installed packages itself.
 */
export async function configureShellAssets(): Promise<void> {
  const grammar = fileURLToPath(new URL("./tree-sitter-bash.wasm", import.meta.url));
  const runtime = fileURLToPath(new URL("./web-tree-sitter.wasm", import.meta.url));
  if (!existsSync(grammar) || !existsSync(runtime)) return;
  const { configureShell } = await import("@shipshape/shell");
  configureShell({ wasm: () => readFileSync(grammar), runtimeWasm: () => readFileSync(runtime) });
}
