// One entry point per feature, dispatching on the document kind.
import {
  type CodeLens,
  type DocumentLink,
  type InlayHint,
  type SelectionRange,
  type SignatureHelp,
  SymbolKind,
  type TextEdit,
  type WorkspaceSymbol,
  type DocumentSymbol as DocumentSymbolType,
} from "vscode-languageserver-types";
import type {
  CompletionItem,
  DocumentHighlight,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceEdit,
} from "vscode-languageserver-types";
import * as compose from "./compose/features.js";
import type { ParsedDocument } from "./document.js";
import { dockerfileCompletion } from "./dockerfile/completion.js";
import { dockerfileHover } from "./dockerfile/hover.js";
import * as df from "./dockerfile/navigation.js";
import * as dfEditor from "./dockerfile/editor.js";
import * as composeEditor from "./compose/editor.js";
import { composeInlayHints } from "./compose/inlay-hints.js";
import { composeSemanticTokens, tokensInRange } from "./compose/semantic-tokens.js";
import { toOffset } from "./convert.js";
import { stageAt as dfStageAt } from "./dockerfile/symbols-at.js";

export function hover(doc: ParsedDocument, position: Position): Hover | null {
  return doc.kind === "dockerfile" ? dockerfileHover(doc, position) : compose.composeHover(doc, position);
}

export function completion(doc: ParsedDocument, position: Position, options: { readFile?: compose.ReadFile } = {}): CompletionItem[] {
  return doc.kind === "dockerfile" ? dockerfileCompletion(doc, position) : compose.composeCompletion(doc, position, options.readFile);
}

export function definition(doc: ParsedDocument, position: Position, files: composeEditor.FileAccess = {}): Location[] {
  if (doc.kind === "dockerfile") return df.dockerfileDefinition(doc, position);
  const target = composeEditor.buildTargetDefinition(doc, position, files);
  return target.length ? target : compose.composeDefinition(doc, position, files);
}

/** `others`: open documents of the workspace, for compose `build.target` values naming a Dockerfile stage. */
export function references(doc: ParsedDocument, position: Position, includeDeclaration: boolean, others: readonly ParsedDocument[] = []): Location[] {
  if (doc.kind !== "dockerfile") return compose.composeReferences(doc, position, includeDeclaration);
  const local = df.dockerfileReferences(doc, position, includeDeclaration);
  const stage = dfStageAt(doc, toOffset(doc, position));
  if (!stage?.stage.name) return local;
  return [...local, ...composeEditor.buildTargetReferences(others.filter((o) => o.kind === "compose"), doc.path, stage.stage.name)];
}

export function documentHighlights(doc: ParsedDocument, position: Position): DocumentHighlight[] {
  return doc.kind === "dockerfile" ? df.dockerfileHighlights(doc, position) : compose.composeHighlights(doc, position);
}

export function prepareRename(doc: ParsedDocument, position: Position): { range: Range; placeholder: string } | null {
  return doc.kind === "dockerfile" ? df.dockerfilePrepareRename(doc, position) : compose.composePrepareRename(doc, position);
}

/** Renaming a stage also renames compose `build.target` values naming it in `others`. */
export function rename(doc: ParsedDocument, position: Position, newName: string, others: readonly ParsedDocument[] = []): WorkspaceEdit | null {
  if (doc.kind !== "dockerfile") return compose.composeRename(doc, position, newName);
  const edit = df.dockerfileRename(doc, position, newName);
  const stage = dfStageAt(doc, toOffset(doc, position));
  if (!edit?.changes || !stage?.stage.name) return edit;
  for (const loc of composeEditor.buildTargetReferences(others.filter((o) => o.kind === "compose"), doc.path, stage.stage.name)) {
    (edit.changes[loc.uri] ??= []).push({ range: loc.range, newText: newName });
  }
  return edit;
}

export function documentSymbols(doc: ParsedDocument): DocumentSymbol[] {
  return doc.kind === "dockerfile" ? df.dockerfileSymbols(doc) : compose.composeSymbols(doc);
}

export function foldingRanges(doc: ParsedDocument): FoldingRange[] {
  return doc.kind === "dockerfile" ? df.dockerfileFolding(doc) : composeEditor.composeFolding(doc);
}

export function formatting(doc: ParsedDocument): TextEdit[] {
  return doc.kind === "dockerfile" ? dfEditor.formatDockerfile(doc) : [];
}

/** Dockerfiles: resolved ARG values in FROM. Compose: the inherited value beside each `extends` override. */
export function inlayHints(doc: ParsedDocument, files: composeEditor.FileAccess = {}, range?: Range): InlayHint[] {
  return doc.kind === "dockerfile" ? dfEditor.dockerfileInlayHints(doc) : composeInlayHints(doc, files, range);
}

export function codeLenses(doc: ParsedDocument): CodeLens[] {
  return doc.kind === "dockerfile" ? dfEditor.dockerfileCodeLenses(doc) : [];
}

/** LSP-encoded semantic tokens (legend: TOKEN_TYPES, TOKEN_MODIFIERS), of the whole file or of `range`. */
export function semanticTokens(doc: ParsedDocument, range?: Range): number[] {
  const data = doc.kind === "dockerfile" ? dfEditor.dockerfileSemanticTokens(doc) : composeSemanticTokens(doc);
  return range ? tokensInRange(doc, data, range) : data;
}

export function documentLinks(doc: ParsedDocument, files: composeEditor.FileAccess = {}): DocumentLink[] {
  return doc.kind === "dockerfile" ? dfEditor.dockerfileLinks(doc) : composeEditor.composeLinks(doc, files);
}

export function selectionRanges(doc: ParsedDocument, positions: Position[]): SelectionRange[] {
  return doc.kind === "dockerfile" ? dfEditor.dockerfileSelectionRanges(doc, positions) : composeEditor.composeSelectionRanges(doc, positions);
}

export function signatureHelp(doc: ParsedDocument, position: Position): SignatureHelp | null {
  return doc.kind === "dockerfile" ? dfEditor.dockerfileSignatureHelp(doc, position) : null;
}

/** Stages and compose services/resources of the given documents whose name contains the query. */
export function workspaceSymbols(docs: readonly ParsedDocument[], query: string): WorkspaceSymbol[] {
  const q = query.toLowerCase();
  const out: WorkspaceSymbol[] = [];
  const walk = (doc: ParsedDocument, symbols: DocumentSymbolType[], container?: string) => {
    for (const s of symbols) {
      const named = s.kind === SymbolKind.Class || s.kind === SymbolKind.Interface || s.kind === SymbolKind.Struct || s.kind === SymbolKind.Key || s.kind === SymbolKind.Object || s.kind === SymbolKind.Module;
      if (named && s.name.toLowerCase().includes(q)) {
        const symbol: WorkspaceSymbol = { name: s.name, kind: s.kind, location: { uri: doc.uri, range: s.selectionRange } };
        if (container) symbol.containerName = container;
        out.push(symbol);
      }
      if (s.children) walk(doc, s.children, s.name);
    }
  };
  for (const doc of docs) walk(doc, documentSymbols(doc));
  return out;
}
