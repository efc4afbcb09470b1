export { type DocumentKind, type ParsedDocument, baseName, documentKind, parseDocument } from "./document.js";
export { toOffset, toOffsetRange, toPosition, toRange } from "./convert.js";
export { type DiagnosticData, RULE_DOCS_BASE, ruleDocUrl, toLspDiagnostic, toLspDiagnostics } from "./diagnostics.js";
export { FIX_ALL_KIND, codeActions, safeEdits } from "./code-actions.js";
export { type ReadFile } from "./compose/features.js";
export { dockerfilePathOf } from "./compose/paths.js";
export type { FileAccess } from "./compose/editor.js";
export { TOKEN_MODIFIERS, TOKEN_TYPES } from "./compose/semantic-tokens.js";
export {
  codeLenses,
  completion,
  formatting,
  inlayHints,
  selectionRanges,
  semanticTokens,
  signatureHelp,
  documentLinks,
  workspaceSymbols,
  definition,
  documentHighlights,
  documentSymbols,
  foldingRanges,
  hover,
  prepareRename,
  references,
  rename,
} from "./service.js";
