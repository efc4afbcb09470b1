export type * from "./ast.js";
export { parseDockerfile, type ParseResult } from "./parse.js";
export { dumpBuildkit, type DumpResult } from "./dump.js";
export { PARSE_ERRORS, type ParseErrorInfo } from "./errors.js";
export { KNOWN_INSTRUCTIONS, isKnownInstruction } from "./buildkit.js";
export { parseWordsBuildkit, parseHeredocMarker } from "./helpers.js";
export { parseImageReference } from "./image.js";
export { sourceOffset, instructionAt } from "./query.js";
export { InstructionParser } from "./grammar.js";
