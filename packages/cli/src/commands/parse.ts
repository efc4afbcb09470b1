import { readFileSync } from "node:fs";
import path from "node:path";
import { dumpBuildkit, parseDockerfile } from "@shipshape/dockerfile";
import { describeFsError } from "../discover.js";
import { kindFromName } from "../kinds.js";
import { type CliIO, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../io.js";
import type { ParsedCommand } from "../main.js";
import { UsageError } from "../settings.js";
import { decodeSource } from "../source-file.js";

/** `shipshape parse FILE|- [--format json|buildkit]`. */
export async function parseCommand({ values, positionals }: ParsedCommand, io: CliIO): Promise<number> {
  const format = (values.format as string | undefined) ?? "json";
  if (format !== "json" && format !== "buildkit") throw new UsageError(`parse: --format must be json or buildkit, got '${format}'`);
  if (positionals.length !== 1) throw new UsageError("parse: expected exactly one FILE (or - for stdin)");
  const file = positionals[0]!;

  let bytes: Uint8Array;
  try {
    bytes = file === "-" ? await io.readStdin() : readFileSync(path.resolve(io.cwd, file));
  } catch (e) {
    io.stderr.write(`shipshape: ${file}: ${describeFsError(e)}\n`);
    return EXIT_USAGE;
  }
  if (file !== "-" && kindFromName(file) === "compose") {
    io.stderr.write(`shipshape: ${file} is a Compose file; parse reads a Dockerfile (shipshape lint ${file} checks a Compose file)\n`);
    return EXIT_USAGE;
  }
  const { text } = decodeSource(bytes, { utf16: false });

  if (format === "buildkit") {
    const result = dumpBuildkit(text);
    if (!result.ok) {
      io.stderr.write(`shipshape: ${file}: ${result.error}\n`);
      return EXIT_FINDINGS;
    }
    // BuildKit's dumper prints the dump with Println: exactly one final newline.
    io.stdout.write(result.output.endsWith("\n") ? result.output : `${result.output}\n`);
    return EXIT_OK;
  }
  io.stdout.write(JSON.stringify(parseDockerfile(text), null, 2) + "\n");
  return EXIT_OK;
}
