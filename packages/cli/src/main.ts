import { parseArgs } from "node:util";
import { type CliIO, EXIT_OK, EXIT_USAGE, processIO, version } from "./io.js";
import { type CommandSpec, commandHelp, findCommand, mainHelp, parseArgsOptions } from "./options.js";
import { type OptionValues, UsageError } from "./settings.js";

export interface ParsedCommand {
  values: OptionValues;
  positionals: string[];
}

/**
 * Runs one shipshape command and resolves to its exit status. Never throws and never prints a stack:
 * usage problems become exit status 2 with a one-line message, anything unexpected a one-line message too.
 */
export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`shipshape: ${e.message}\nRun 'shipshape help' for usage.\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`shipshape: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") {
    io.stdout.write(mainHelp(version()));
    return first === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (first === "--version" || first === "-v" || first === "version") {
    io.stdout.write(`${version()}\n`);
    return EXIT_OK;
  }
  if (first === "help") {
    const target = rest[0] === undefined ? undefined : findCommand(rest[0]);
    if (rest[0] !== undefined && !target) throw new UsageError(`unknown command '${rest[0]}'`);
    io.stdout.write(target ? commandHelp(target) : mainHelp(version()));
    return EXIT_OK;
  }
  const command = findCommand(first);
  if (!command) throw new UsageError(`unknown command '${first}'`);
  const parsed = parseCommandLine(command, rest);
  if (parsed.values.help === true) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  switch (command.name) {
    case "lint":
      return (await import("./commands/lint.js")).lintCommand(parsed, io);
    case "parse":
      return (await import("./commands/parse.js")).parseCommand(parsed, io);
    case "rules":
      return (await import("./commands/rules.js")).rulesCommand(parsed, io);
    case "explain":
      return (await import("./commands/rules.js")).explainCommand(parsed, io);
    case "plan":
      return (await import("./commands/plan.js")).planCommand(parsed, io);
    case "lsp":
      return (await import("./commands/lsp.js")).lspCommand(parsed, io);
    default:
      throw new UsageError(`unknown command '${first}'`);
  }
}

/** `util.parseArgs` with the command's table; its errors become usage errors with the same text. */
export function parseCommandLine(command: CommandSpec, args: readonly string[]): ParsedCommand {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: parseArgsOptions(command.options),
      allowPositionals: true,
      strict: true,
    });
    return { values: values as OptionValues, positionals };
  } catch (e) {
    throw new UsageError(`${command.name}: ${(e as Error).message.split("\n")[0]}`);
  }
}
