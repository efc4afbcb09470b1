import { type CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, type Position } from "vscode-languageserver-types";
import type { Instruction } from "@shipshape/dockerfile";
import { PROXY_ARGS } from "@shipshape/semantic";
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

  // A heredoc body is a script or a file's content, not Dockerfile syntax.
  if (inHeredocBody(doc, offset)) return [];

  if (/^\s*#/.test(before)) {
    if (beforeFirstInstruction(doc, offset) && /^\s*#\s*\w*$/.test(before)) {
      return DIRECTIVES.map((d) => ({ label: d.name, kind: CompletionItemKind.Keyword, detail: "parser directive", documentation: docs(d.doc), insertText: `${d.name}=` }));
    }
    return [];
  }

  const continued = position.line > 0 && isContinued(doc, position.line - 1);
  const keywordMatch = /^\s*([A-Za-z]+)\b(?:(?<=^\s*onbuild)\s+([A-Za-z]+)\b)?/i.exec(continued ? instructionLineText(doc, offset) : line);
  if (!continued && /^\s*[A-Za-z]*$/.test(before)) return instructionItems();
  // After ONBUILD: the instructions a trigger may be, then the trigger's own flags.
  if (!continued && /^\s*onbuild\s+[A-Za-z]*$/i.test(before)) return instructionItems().filter((i) => !NOT_TRIGGERS.has(i.label));
  const keyword = keywordMatch?.[2] ?? keywordMatch?.[1];
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

/** What BuildKit refuses as an ONBUILD trigger. */
const NOT_TRIGGERS = new Set(["FROM", "MAINTAINER", "ONBUILD"]);

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

/**
 * The variables a `$` at `offset` can name: those in force before the instruction holding it (so in a FROM,
 * the global ARGs and BuildKit's platform args; in a stage, what the stage declared or inherited), and the
 * proxy args, which BuildKit passes to RUN without a declaration.
 */
function variableItems(doc: ParsedDocument, offset: number, braced: boolean): CompletionItem[] {
  const model = doc.semantic();
  const instr = model && instructionAt(doc, offset);
  if (!model || !instr) return [];
  const scope = model.scopeAt(instr);
  const seen = new Map<string, CompletionItem>();
  for (const [name, entry] of scope.entries) {
    const kind = entry.kind === "predefined" ? CompletionItemKind.Constant : CompletionItemKind.Variable;
    const source = entry.kind === "image" ? "base image ENV" : entry.kind === "predefined" ? "predefined" : entry.kind.toUpperCase();
    seen.set(name, { label: name, kind, detail: `${source} = ${entry.value}` });
  }
  for (const [name, decl] of scope.unset) {
    if (!seen.has(name)) seen.set(name, { label: name, kind: CompletionItemKind.Variable, detail: `${decl.kind.toUpperCase()} (no default: empty unless passed with --build-arg)` });
  }
  if (instr.kind !== "From") {
    for (const name of PROXY_ARGS) {
      if (!seen.has(name)) seen.set(name, { label: name, kind: CompletionItemKind.Constant, detail: "proxy build arg (set with --build-arg, no ARG needed)" });
    }
  }
  const items = [...seen.values()];
  if (braced) for (const i of items) i.insertText = i.label;
  return items;
}

/** The instruction whose text holds `offset` (its end included: the cursor after its last character); an ONBUILD's trigger is its ONBUILD. */
function instructionAt(doc: ParsedDocument, offset: number): Instruction | undefined {
  for (const instr of doc.dockerfile?.ast.instructions ?? []) {
    if (instr.range.start > offset) break;
    if (offset <= instr.range.end) return instr;
  }
  return undefined;
}

function inHeredocBody(doc: ParsedDocument, offset: number): boolean {
  const instr = instructionAt(doc, offset);
  const heredocs = [...(instr?.heredocs ?? []), ...(instr?.kind === "Onbuild" ? (instr.trigger?.heredocs ?? []) : [])];
  return heredocs.some((h) => h.contentRange.start <= offset && offset <= (h.terminatorRange ?? h.contentRange).end);
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
