/**
 * Entry of dist/server.js: the shipshape language server on stdio. The bash grammar and web-tree-sitter's
 * runtime are copied beside this bundle at build time; load them from there before the first lint, since
 * the shell package's default (resolving the installed npm package) does not exist inside a .vsix.
 */
import { initShell } from "@shipshape/shell";
import { startServer } from "@shipshape/language-server";
import * as path from "node:path";

async function main(): Promise<void> {
  await initShell({
    wasm: path.join(__dirname, "tree-sitter-bash.wasm"),
    runtimeWasm: path.join(__dirname, "web-tree-sitter.wasm"),
  }).catch((e: unknown) => process.stderr.write(`shipshape: shell parser unavailable: ${String(e)}\n`));
  const { closed } = startServer({ input: process.stdin, output: process.stdout });
  await closed;
  process.exit(0);
}

void main();
