import { describeKey, dirname, enumValuesAt, keysAt, locate, parseCompose, resolvePath, type ReferenceKind } from "@shipshape/compose";
import { LineIndex } from "@shipshape/text";
import { parseDockerfile } from "@shipshape/dockerfile";
import {
  type CompletionItem,
  CompletionItemKind,
  type DocumentHighlight,
  DocumentHighlightKind,
  type DocumentSymbol,
  type Hover,
  type Location,
  MarkupKind,
  type Position,
  SymbolKind,
  type WorkspaceEdit,
} from "vscode-languageserver-types";
import { symbolName, toOffset, toRange } from "../convert.js";
import type { ParsedDocument } from "../document.js";
import { type Definition, definitions, namesOf, symbolAt } from "./model-refs.js";
import { anchorAt } from "./anchors.js";
import { dockerfilePathOf } from "./paths.js";
import { yamlCursor } from "./yaml-path.js";

/** Reads a file of the workspace (undefined when missing or outside it). */
export type ReadFile = (path: string) => string | undefined;

const KIND_LABEL: Record<ReferenceKind, string> = { service: "Service", network: "Network", volume: "Volume", secret: "Secret", config: "Config", model: "Model" };

export function composeHover(doc: ParsedDocument, position: Position): Hover | null {
  const model = doc.compose?.model;
  if (!model) return null;
  const offset = toOffset(doc, position);
  const symbol = symbolAt(model, doc.path, offset);
  if (symbol?.definition) {
    const d = symbol.definition;
    const block = doc.text.slice(doc.lines.lineStart(doc.lines.lineAt(d.nameRange.start)), d.range.end).replace(/\s+$/, "");
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${KIND_LABEL[symbol.kind]} ${symbol.name}**\n\n\`\`\`yaml\n${block}\n\`\`\`` },
      range: toRange(doc, symbol.at),
    };
  }
  const where = locate(model.root, offset, doc.path);
  if (where.key) {
    const text = describeKey(where.path);
    if (!text) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${where.path.join(".")}**\n\n${text}` },
      range: toRange(doc, where.key.keyRange),
    };
  }
  return null;
}

/** Which names a list or mapping under a service key refers to. */
const REFERENCE_KEYS: Record<string, ReferenceKind> = {
  depends_on: "service",
  links: "service",
  volumes_from: "service",
  networks: "network",
  secrets: "secret",
  configs: "config",
};

/** A definition in a file the document includes (directly or through the included files' own includes). */
interface IncludedDefinition extends Definition {
  path: string;
  text: string;
}

const MAX_INCLUDE_DEPTH = 4;

/**
 * The services and resources of the files a compose document includes: `docker compose` merges them into
 * the project, so their names are as good as the document's own. Read through `readFile` (an open file as
 * the editor has it); paths with variables are skipped.
 */
function includedDefinitions(doc: ParsedDocument, readFile: ReadFile | undefined): IncludedDefinition[] {
  const out: IncludedDefinition[] = [];
  if (!readFile || !doc.compose) return out;
  const seen = new Set<string>([doc.path]);
  const visit = (path: string, model: NonNullable<ParsedDocument["compose"]>["model"], depth: number) => {
    if (depth > MAX_INCLUDE_DEPTH) return;
    for (const inc of model.include) {
      for (const ref of inc.path) {
        if (typeof ref.value !== "string" || ref.value.includes("$")) continue;
        // Resolved as the loader resolves an include, so the file read is the one the project merges.
        const target = resolvePath(dirname(path), ref.value);
        if (seen.has(target)) continue;
        seen.add(target);
        let text: string | undefined;
        try {
          text = readFile(target);
        } catch {
          text = undefined;
        }
        if (text === undefined) continue;
        const included = parseCompose(text, { fileName: target }).model;
        for (const d of definitions(included, target)) out.push({ ...d, path: target, text });
        visit(target, included, depth + 1);
      }
    }
  };
  visit(doc.path, doc.compose.model, 1);
  return out;
}

export function composeCompletion(doc: ParsedDocument, position: Position, readFile?: ReadFile): CompletionItem[] {
  const model = doc.compose?.model;
  const cursor = yamlCursor((i) => doc.lines.lineText(i), position.line, position.character);
  let included: IncludedDefinition[] | undefined;
  const names = (kind: ReferenceKind, exclude?: string) => {
    const own = model ? namesOf(model, kind) : [];
    included ??= model?.include.length ? includedDefinitions(doc, readFile) : [];
    const all = [...own, ...included.filter((d) => d.kind === kind && !own.includes(d.name)).map((d) => d.name)];
    return [...new Set(all)].filter((n) => n !== exclude).map((n) => ({ label: n, kind: CompletionItemKind.Reference, detail: KIND_LABEL[kind] }));
  };
  const service = cursor.path[0] === "services" ? cursor.path[1] : undefined;

  if (cursor.valueKey !== undefined) {
    const path = [...cursor.path, cursor.valueKey];
    if (service && cursor.path.length === 2 && cursor.valueKey === "network_mode") {
      return [...["bridge", "host", "none"].map((v) => ({ label: v, kind: CompletionItemKind.EnumMember })), ...names("service", service).map((i) => ({ ...i, label: `service:${i.label}` }))];
    }
    if (service && cursor.path[cursor.path.length - 1] === "extends" && cursor.valueKey === "service") return names("service", service);
    if (service && cursor.path.length === 2 && cursor.valueKey === "extends") return names("service", service);
    if (service && cursor.path[2] === "build" && cursor.valueKey === "target") return buildTargets(doc, service, readFile);
    return enumValuesAt(path).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
  }

  const parentKey = cursor.path[cursor.path.length - (cursor.listItem ? 2 : 1)];
  if (service && cursor.path.length >= 3 && parentKey && REFERENCE_KEYS[parentKey] && cursor.path[1] === service && cursor.path.length <= 4) {
    const kind = REFERENCE_KEYS[parentKey]!;
    return names(kind, kind === "service" ? service : undefined).map((i) => (cursor.listItem ? i : { ...i, insertText: `${i.label}:` }));
  }
  if (service && cursor.listItem && parentKey === "volumes" && cursor.path.length === 4) {
    return names("volume").map((i) => ({ ...i, insertText: `${i.label}:` }));
  }
  if (cursor.listItem) return enumValuesAt(cursor.path).map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
  return keysAt(cursor.path).map((k) => {
    const item: CompletionItem = {
      label: k.key,
      kind: CompletionItemKind.Property,
      documentation: { kind: MarkupKind.Markdown, value: k.doc },
      insertText: k.kinds.length === 1 && k.kinds[0] !== "scalar" ? `${k.key}:\n` : `${k.key}: `,
    };
    if (k.deprecated) {
      item.tags = [1];
      item.detail = `deprecated: ${k.deprecated}`;
    }
    return item;
  });
}

/** The stages of the Dockerfile a service builds, for `build.target`. */
function buildTargets(doc: ParsedDocument, service: string, readFile?: ReadFile): CompletionItem[] {
  const build = doc.compose?.model.services[service]?.build;
  if (!build || !readFile) return [];
  const path = dockerfilePathOf(doc.path, build.context?.value ?? ".", build.dockerfile?.value ?? "Dockerfile");
  const text = readFile(path);
  if (text === undefined) return [];
  const { ast } = parseDockerfile(text);
  return ast.instructions
    .filter((i) => i.kind === "From" && i.stageName)
    .map((i) => ({ label: (i as { stageName: { value: string } }).stageName.value, kind: CompletionItemKind.Reference, detail: `stage of ${path}` }));
}

/** `files`: to follow a name defined in an included file there (its uri from `uriOf`). */
export function composeDefinition(doc: ParsedDocument, position: Position, files: { readFile?: ReadFile; uriOf?: (path: string) => string } = {}): Location[] {
  const anchor = anchorAt(doc.text, toOffset(doc, position));
  if (anchor) return anchor.all.filter((o) => o.definition).map((o) => ({ uri: doc.uri, range: toRange(doc, o.range) }));
  const model = doc.compose?.model;
  const s = model && symbolAt(model, doc.path, toOffset(doc, position));
  if (!s) return [];
  if (s.definition) return [{ uri: doc.uri, range: toRange(doc, s.definition.nameRange) }];
  if (!files.uriOf || !model.include.length) return [];
  const found = includedDefinitions(doc, files.readFile).find((d) => d.kind === s.kind && d.name === s.name);
  if (!found) return [];
  const lines = new LineIndex(found.text);
  return [{ uri: files.uriOf(found.path), range: { start: lines.positionAt(found.nameRange.start), end: lines.positionAt(found.nameRange.end) } }];
}

export function composeReferences(doc: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] {
  const anchor = anchorAt(doc.text, toOffset(doc, position));
  if (anchor) return anchor.all.filter((o) => includeDeclaration || !o.definition).map((o) => ({ uri: doc.uri, range: toRange(doc, o.range) }));
  const model = doc.compose?.model;
  const s = model && symbolAt(model, doc.path, toOffset(doc, position));
  if (!s) return [];
  const out = s.refs.map((r) => ({ uri: doc.uri, range: toRange(doc, r.ref.range) }));
  if (includeDeclaration && s.definition) out.unshift({ uri: doc.uri, range: toRange(doc, s.definition.nameRange) });
  return out;
}

export function composeHighlights(doc: ParsedDocument, position: Position): DocumentHighlight[] {
  const anchor = anchorAt(doc.text, toOffset(doc, position));
  if (anchor) return anchor.all.map((o) => ({ range: toRange(doc, o.range), kind: o.definition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
  const model = doc.compose?.model;
  const s = model && symbolAt(model, doc.path, toOffset(doc, position));
  if (!s) return [];
  const out: DocumentHighlight[] = s.refs.map((r) => ({ range: toRange(doc, r.ref.range), kind: DocumentHighlightKind.Read }));
  if (s.definition) out.unshift({ range: toRange(doc, s.definition.nameRange), kind: DocumentHighlightKind.Write });
  return out;
}

export function composeRename(doc: ParsedDocument, position: Position, newName: string): WorkspaceEdit | null {
  const anchor = anchorAt(doc.text, toOffset(doc, position));
  if (anchor) return { changes: { [doc.uri]: anchor.all.map((o) => ({ range: toRange(doc, o.range), newText: newName })) } };
  const model = doc.compose?.model;
  const s = model && symbolAt(model, doc.path, toOffset(doc, position));
  if (!s) return null;
  const ranges = [...(s.definition ? [s.definition.nameRange] : []), ...s.refs.map((r) => r.ref.range)];
  return { changes: { [doc.uri]: ranges.map((r) => ({ range: toRange(doc, r), newText: newName })) } };
}

export function composePrepareRename(doc: ParsedDocument, position: Position): { range: ReturnType<typeof toRange>; placeholder: string } | null {
  const anchor = anchorAt(doc.text, toOffset(doc, position));
  if (anchor) return { range: toRange(doc, anchor.at.range), placeholder: anchor.name };
  const model = doc.compose?.model;
  const s = model && symbolAt(model, doc.path, toOffset(doc, position));
  return s ? { range: toRange(doc, s.at), placeholder: s.name } : null;
}

/** Sections with their services and resources. */
export function composeSymbols(doc: ParsedDocument): DocumentSymbol[] {
  const model = doc.compose?.model;
  if (!model) return [];
  const sections = new Map<ReferenceKind, DocumentSymbol[]>();
  const kinds: Record<ReferenceKind, SymbolKind> = { service: SymbolKind.Class, network: SymbolKind.Interface, volume: SymbolKind.Struct, secret: SymbolKind.Key, config: SymbolKind.Object, model: SymbolKind.Module };
  for (const d of definitions(model, doc.path)) {
    const list = sections.get(d.kind) ?? [];
    list.push({ name: symbolName(d.name), kind: kinds[d.kind], range: toRange(doc, { start: d.nameRange.start, end: Math.max(d.range.end, d.nameRange.end) }), selectionRange: toRange(doc, d.nameRange) });
    sections.set(d.kind, list);
  }
  const out: DocumentSymbol[] = [];
  for (const entry of model.root?.entries ?? []) {
    const kind = (Object.entries({ services: "service", networks: "network", volumes: "volume", secrets: "secret", configs: "config", models: "model" }) as [string, ReferenceKind][]).find(([k]) => k === entry.key)?.[1];
    if (entry.keyFile !== doc.path) continue;
    const range = toRange(doc, { start: entry.keyRange.start, end: Math.max(entry.keyRange.end, entry.value.range.end) });
    out.push({ name: symbolName(entry.key), kind: SymbolKind.Namespace, range, selectionRange: toRange(doc, entry.keyRange), children: kind ? sections.get(kind) ?? [] : [] });
  }
  return out;
}
