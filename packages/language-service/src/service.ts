// One entry point per feature, dispatching on the document kind.
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

export function hover(doc: ParsedDocument, position: Position): Hover | null {
  return doc.kind === "dockerfile" ? dockerfileHover(doc, position) : compose.composeHover(doc, position);
}

export function completion(doc: ParsedDocument, position: Position, options: { readFile?: compose.ReadFile } = {}): CompletionItem[] {
  return doc.kind === "dockerfile" ? dockerfileCompletion(doc, position) : compose.composeCompletion(doc, position, options.readFile);
}

export function definition(doc: ParsedDocument, position: Position): Location[] {
  return doc.kind === "dockerfile" ? df.dockerfileDefinition(doc, position) : compose.composeDefinition(doc, position);
}

export function references(doc: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] {
  return doc.kind === "dockerfile" ? df.dockerfileReferences(doc, position, includeDeclaration) : compose.composeReferences(doc, position, includeDeclaration);
}

export function documentHighlights(doc: ParsedDocument, position: Position): DocumentHighlight[] {
  return doc.kind === "dockerfile" ? df.dockerfileHighlights(doc, position) : compose.composeHighlights(doc, position);
}

export function prepareRename(doc: ParsedDocument, position: Position): { range: Range; placeholder: string } | null {
  return doc.kind === "dockerfile" ? df.dockerfilePrepareRename(doc, position) : compose.composePrepareRename(doc, position);
}

export function rename(doc: ParsedDocument, position: Position, newName: string): WorkspaceEdit | null {
  return doc.kind === "dockerfile" ? df.dockerfileRename(doc, position, newName) : compose.composeRename(doc, position, newName);
}

export function documentSymbols(doc: ParsedDocument): DocumentSymbol[] {
  return doc.kind === "dockerfile" ? df.dockerfileSymbols(doc) : compose.composeSymbols(doc);
}

export function foldingRanges(doc: ParsedDocument): FoldingRange[] {
  return doc.kind === "dockerfile" ? df.dockerfileFolding(doc) : [];
}
