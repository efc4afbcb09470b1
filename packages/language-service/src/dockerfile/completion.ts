import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, type Position } from "vscode-languageserver-types";
import { toOffset } from "../convert.js";
import type { ParsedDocument } from "../document.js";
import { DIRECTIVES, INSTRUCTIONS, MOUNT_KEYS, MOUNT_TYPES, instructionDoc } from "./docs.js";

const docs = (value: string) => ({ kind: MarkupKind.Markdown, value });

/** Completion inside a Dockerfile, decided from the text before the cursor on its line. */
export function dockerfileCompletion(doc: ParsedDocument, position: Position): CompletionItem[] {
  const offset = toOffset(doc, position);
  const line = doc.lines.lineText(position.line);
  const before = line.slice(0, position.character);

  // `$NAME` / `${NAME`: the variables visible here.
  const variable = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (variable) return variableItems(doc, offset, before.endsWith("${") || /\$\{\w*$/.test(before));

  if (/^\s*#/.test(before)) {
    if (beforeFirstInstruction(doc, offset) && /^\s*#\s*\w*$/.test(before)) {
      return DIRECTIVES.map((d) => ({ label: d.name, kind: CompletionItemKind.Keyword, detail: "parser directive", documentation: docs(d.doc), insertText: `${d.name}=` }));
    }
    return [];
  }

  const continued = position.line > 0 && isContinued(doc, position.line - 1);
  const keywordMatch = /^\s*([A-Za-z]+)\b/.exec(continued ? instructionLineText(doc, offset) : line);
  if (!continued && /^\s*[A-Za-z]*$/.test(before)) return instructionItems();
  const keyword = keywordMatch?.[1];
  if (!keyword) return [];
  const info = instructionDoc(keyword);
  if (!info) return [];

  const mount = /--mount=([^\s]*)$/.exec(before);
  if (mount) return mountItems(mount[1]!);
  const fromValue = /--from=([^\s]*)$/.exec(before);
  if (fromValue) return stageItems(doc, offset);
  const flagValue = /--([a-z-]+)=([^\s]*)$/.exec(before);
  if (flagValue) {
    const flag = info.flags.find((f) => f.name === flagValue[1]);
    return (flag?.values ?? []).map((v) => ({ label: v, kind: CompletionItemKind.Value }));
  }
  if (/(^|\s)--?[a-z-]*$/.test(before)) {
    return info.flags.map((f) => ({
      label: `--${f.name}`,
      kind: CompletionItemKind.Property,
      documentation: docs(f.doc),
      insertText: f.value ? `--${f.name}=` : `--${f.name}`,
      filterText: `--${f.name}`,
    }));
  }
  if (/^\s*FROM\s+.*\s(A|AS|as|As|aS)?$/i.test(before) && /^\s*FROM\s+\S+\s+\w*$/i.test(before)) {
    return [{ label: "AS", kind: CompletionItemKind.Keyword, insertText: "AS " }];
  }
  return [];
}

function instructionItems(): CompletionItem[] {
  return INSTRUCTIONS.map((i) => ({
    label: i.keyword,
    kind: CompletionItemKind.Keyword,
    detail: i.syntax,
    documentation: docs(i.doc),
    insertText: `${i.keyword} ${i.snippet}`,
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

function mountItems(spec: string): CompletionItem[] {
  const fields = spec.split(",");
  const current = fields[fields.length - 1]!;
  const type = /(?:^|,)type=([a-z]+)/.exec(spec)?.[1] ?? "bind";
  if (current.startsWith("type=")) {
    return MOUNT_TYPES.map((t) => ({ label: t, kind: CompletionItemKind.EnumMember, filterText: `type=${t}`, insertText: t }));
  }
  const eq = current.indexOf("=");
  if (eq >= 0) {
    const key = MOUNT_KEYS[type]?.find((k) => k.name === current.slice(0, eq));
    return (key?.values ?? []).map((v) => ({ label: v, kind: CompletionItemKind.Value }));
  }
  const written = new Set(fields.slice(0, -1).map((f) => f.split("=")[0]));
  const keys = [{ name: "type", value: "bind", doc: "The kind of mount." }, ...(MOUNT_KEYS[type] ?? [])];
  return keys
    .filter((k) => !written.has(k.name))
    .map((k) => ({ label: k.name, kind: CompletionItemKind.Property, documentation: docs(k.doc), insertText: k.value ? `${k.name}=` : k.name }));
}

function stageItems(doc: ParsedDocument, offset: number): CompletionItem[] {
  const model = doc.semantic();
  if (!model) return [];
  return model.stages
    .filter((s) => s.name && s.range.start < offset && !(s.range.start <= offset && offset <= s.range.end))
    .map((s) => ({ label: s.nameWord?.value ?? s.name!, kind: CompletionItemKind.Reference, detail: `stage ${s.index}: FROM ${s.from.image?.value ?? ""}` }));
}

function variableItems(doc: ParsedDocument, offset: number, braced: boolean): CompletionItem[] {
  const model = doc.semantic();
  if (!model) return [];
  const seen = new Map<string, CompletionItem>();
  for (const d of model.declarations) {
    if (d.nameRange.start >= offset) continue;
    seen.set(d.name, { label: d.name, kind: CompletionItemKind.Variable, detail: `${d.kind.toUpperCase()}${d.value !== undefined ? ` = ${d.value}` : ""}` });
  }
  for (const [name, value] of model.predefinedArgs) {
    if (!seen.has(name)) seen.set(name, { label: name, kind: CompletionItemKind.Constant, detail: `predefined = ${value}` });
  }
  const items = [...seen.values()];
  if (braced) for (const i of items) i.insertText = i.label;
  return items;
}

function beforeFirstInstruction(doc: ParsedDocument, offset: number): boolean {
  const first = doc.dockerfile?.ast.instructions[0];
  return !first || offset < first.range.start;
}

function isContinued(doc: ParsedDocument, line: number): boolean {
  const escape = doc.dockerfile?.ast.escape ?? "\\";
  return doc.lines.lineText(line).trimEnd().endsWith(escape);
}

function instructionLineText(doc: ParsedDocument, offset: number): string {
  const instr = doc.dockerfile?.ast.instructions.find((i) => i.range.start <= offset && offset <= i.range.end + 1);
  if (!instr) {
    // An instruction still being typed: walk back over continued lines.
    let line = doc.lines.lineAt(offset);
    while (line > 0 && isContinued(doc, line - 1)) line--;
    return doc.lines.lineText(line);
  }
  return doc.lines.lineText(doc.lines.lineAt(instr.range.start));
}
