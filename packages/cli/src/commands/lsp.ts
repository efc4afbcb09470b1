import type { ParsedCommand } from "../main.js";
import type { CliIO } from "../io.js";
import { EXIT_OK, EXIT_USAGE } from "../io.js";
import { configureShellAssets } from "../shell-assets.js";

/**
 * `shipshape lsp --stdio`: the language server on stdin/stdout, until the client sends `exit`.
 * stdio is the only transport; the flag is required so that an editor's usual command line works and a
 * person typing `shipshape lsp` gets told what it is for.
 */
export async function lspCommand(parsed: ParsedCommand, io: CliIO): Promise<number> {
  if (parsed.values.stdio !== true) {
    io.stderr.write("shipshape: lsp: pass --stdio (the only transport)\n");
    return EXIT_USAGE;
  }
  await configureShellAssets();
  const { startServer } = await import("@shipshape/language-server");
  const { closed } = startServer({ input: process.stdin, output: process.stdout });
  await closed;
  return EXIT_OK;
}
