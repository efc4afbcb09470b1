import { sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

/**
 * Codacy's result format (hadolint's `codacy`): one JSON object per finding, `filename`, `patternId`
 * (the rule code), `message` and `line`, one per line, as Codacy reads a tool's output. (hadolint writes
 * the objects without a separator; a line each is what Codacy's engine documentation asks for, and what
 * any JSON-lines reader takes.)
 */
export const codacy: Reporter = (diagnostics) =>
  sortDiagnostics(diagnostics)
    .map((d) => `${JSON.stringify({ filename: d.file, patternId: d.code, message: d.message, line: d.line })}\n`)
    .join("");
