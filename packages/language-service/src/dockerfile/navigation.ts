import type { Range as OffsetRange } from "@shipshape/text";
import {
  type DocumentHighlight,
  DocumentHighlightKind,
  type DocumentSymbol,
  type FoldingRange,
  type Location,
  type Position,
  SymbolKind,
  type WorkspaceEdit,
} from "vscode-languageserver-types";
import { symbolName, toOffset, toRange } from "../convert.js";
import type { ParsedDocument } from "../document.js";
import { stageAt, stageOccurrences, variableAt, variableOccurrences } from "./symbols-at.js";

interface Occurrences {
  definition?: OffsetRange;
  all: { range: OffsetRange; write: boolean }[];
  /** The range under the cursor. */
  at: OffsetRange;
}

function occurrencesAt(doc: ParsedDocument, offset: number): Occurrences | undefined {
  const stage = stageAt(doc, offset);
  if (stage) {
    const all = stageOccurrences(doc, stage.stage).map((range, i) => ({ range, write: i === 0 && !!stage.stage.nameWord }));
    return { definition: stage.stage.nameWord?.range ?? stage.stage.from.range, all, at: stage.range };
  }
  const v = variableAt(doc, offset);
  if (v) return { definition: v.declaration?.nameRange, all: variableOccurrences(doc, v.name), at: v.range };
  return undefined;
}

export function dockerfileDefinition(doc: ParsedDocument, position: Position): Location[] {
  const o = occurrencesAt(doc, toOffset(doc, position));
  return o?.definition ? [{ uri: doc.uri, range: toRange(doc, o.definition) }] : [];
}

export function dockerfileReferences(doc: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const o = occurrencesAt(doc, toOffset(doc, position));
  if (!o) return [];
  return o.all.filter((x) => includeDeclaration || !x.write).map((x) => ({ uri: doc.uri, range: toRange(doc, x.range) }));
}

export function dockerfileHighlights(doc: ParsedDocument, position: Position): DocumentHighlight[] {
  const o = occurrencesAt(doc, toOffset(doc, position));
  return (o?.all ?? []).map((x) => ({ range: toRange(doc, x.range), kind: x.write ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function dockerfilePrepareRename(doc: ParsedDocument, position: Position): { range: ReturnType<typeof toRange>; placeholder: string } | null {
  const o = occurrencesAt(doc, toOffset(doc, position));
  if (!o) return null;
  return { range: toRange(doc, o.at), placeholder: doc.text.slice(o.at.start, o.at.end) };
}

export function dockerfileRename(doc: ParsedDocument, position: Position, newName: string): WorkspaceEdit | null {
  const o = occurrencesAt(doc, toOffset(doc, position));
  if (!o) return null;
  return { changes: { [doc.uri]: o.all.map((x) => ({ range: toRange(doc, x.range), newText: newName })) } };
}

/** Stages with their instructions as children; global ARGs at the top level. */
export function dockerfileSymbols(doc: ParsedDocument): DocumentSymbol[] {
  const ast = doc.dockerfile?.ast;
  if (!ast) return [];
  const model = doc.semantic();
  const symbolOf = (i: (typeof ast.instructions)[number]): DocumentSymbol => ({
    name: symbolName(`${i.keyword.toUpperCase()} ${i.args.value}`),
    kind: i.kind === "Arg" || i.kind === "Env" ? SymbolKind.Variable : SymbolKind.Function,
    range: toRange(doc, i.range),
    selectionRange: toRange(doc, i.keywordWord.range),
  });
  if (!model) return ast.instructions.map(symbolOf);
  const out: DocumentSymbol[] = ast.instructions.filter((i) => i.range.start < (model.stages[0]?.range.start ?? Infinity)).map(symbolOf);
  for (const s of model.stages) {
    out.push({
      name: symbolName(s.displayName),
      detail: `FROM ${s.from.image?.value ?? ""}`,
      kind: SymbolKind.Class,
      range: toRange(doc, s.range),
      selectionRange: toRange(doc, (s.nameWord ?? s.from.keywordWord).range),
      children: s.instructions.map(symbolOf),
    });
  }
  return out;
}

/** Stages, multi-line instructions, heredoc bodies and runs of comment lines. */
export function dockerfileFolding(doc: ParsedDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (r: OffsetRange, kind?: string) => {
    const start = doc.lines.lineAt(r.start);
    const end = doc.lines.lineAt(Math.max(r.start, r.end - 1));
    if (end > start) out.push(kind ? { startLine: start, endLine: end, kind } : { startLine: start, endLine: end });
  };
  for (const s of doc.semantic()?.stages ?? []) add(s.range, "region");
  for (const i of doc.dockerfile?.ast.instructions ?? []) add(i.range);
  let runStart = -1;
  let prev = -2;
  for (const c of doc.dockerfile?.ast.comments ?? []) {
    if (c.insideInstruction) continue;
    const line = doc.lines.lineAt(c.range.start);
    if (line !== prev + 1) {
      if (runStart >= 0 && prev > runStart) out.push({ startLine: runStart, endLine: prev, kind: "comment" });
      runStart = line;
    }
    prev = line;
  }
  if (runStart >= 0 && prev > runStart) out.push({ startLine: runStart, endLine: prev, kind: "comment" });
  return out;
}
