export type * from "./types.js";
export {
  type CompiledWasm,
  configureShell,
  initShell,
  isShellReady,
  type InitShellOptions,
  type WasmModuleSource,
  type WasmSource,
} from "./init.js";
export { parseShell } from "./parse.js";
export { clearShellParseCache } from "./caches.js";
export {
  commandName, parseArgs, hasFlag, countFlag, flagValue, flagOption, positionalArgs, subcommand, hasArg,
  unwrapCommand, commandLayers, findCommands, hasPipe, setsPipefail, pipefailBefore, commandAt, wordAt, WRAPPER_COMMANDS,
  type OptionSyntax, type ParsedOption, type ParsedArgs, type FindOptions,
} from "./query.js";
export { toSourceFromPieces, toSourceFromSegments, mapRange, type SourcePiece } from "./source-map.js";
export {
  shellScriptsOf, parseInstructionShell, instructionCommands, execFormCommand, isPosixShell, shellDialect,
  shebangInterpreter, type EmbeddedScript, type EmbeddedScriptKind, type ParsedEmbeddedScript, type ShellDialect,
} from "./dockerfile.js";
export {
  buildShellcheckRequest, shellcheckRequestsFor, parseShellcheckOutput, shellcheckDiagnostic, DEFAULT_SHELLCHECK_EXCLUDES, PROXY_VARIABLES,
  type ShellcheckOptions, type ShellcheckRequest, type InstructionShellcheckOptions, type InstructionShellcheckRequest, type ShellcheckFinding, type ShellcheckLevel,
} from "./shellcheck.js";
export { shellTokens, type ShellToken, type ShellTokenKind } from "./tokens.js";
