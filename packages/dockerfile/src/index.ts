export type * from "./ast.js";
export { dumpBuildkit, type DumpResult } from "./dump.js";
export { PARSE_ERRORS, type ParseErrorInfo } from "./errors.js";
export { KNOWN_INSTRUCTIONS } from "./buildkit.js";
