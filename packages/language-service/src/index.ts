export { type DocumentKind, type ParsedDocument, baseName, documentKind, parseDocument } from "./document.js";
export { toOffset, toOffsetRange, toPosition, toRange } from "./convert.js";
export { type DiagnosticData, RULE_DOCS_BASE, ruleDocUrl, toLspDiagnostic, toLspDiagnostics } from "./diagnostics.js";
export { FIX_ALL_KIND, codeActions, safeEdits } from "./code-actions.js";
export { type ReadFile, dockerfilePathOf } from "./compose/features.js";
export {
  completion,
  definition,
  documentHighlights,
  documentSymbols,
  foldingRanges,
  hover,
  prepareRename,
  references,
  rename,
} from "./service.js";
