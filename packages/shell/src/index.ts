export type * from "./types.js";
export { initShell, isShellReady, type InitShellOptions } from "./init.js";
export { parseShell } from "./parse.js";
export {
  commandName, parseArgs, hasFlag, countFlag, flagValue, flagOption, positionalArgs, subcommand, hasArg,
  unwrapCommand, commandLayers, findCommands, hasPipe, setsPipefail, pipefailBefore, WRAPPER_COMMANDS,
  type OptionSyntax, type ParsedOption, type ParsedArgs, type FindOptions,
} from "./query.js";
export { toSourceFromPieces, toSourceFromSegments, mapRange, type SourcePiece } from "./source-map.js";
