// Dockerfile features that present the file rather than navigate it: formatting, inlay hints, code lenses,
// semantic tokens, document links, selection ranges and signature help.
import type { Instruction } from "@shipshape/dockerfile";
import { instructionAt } from "@shipshape/dockerfile";
import type { Range as OffsetRange } from "@shipshape/text";
import {
  type CodeLens,
  type DocumentLink,
  type InlayHint,
  InlayHintKind,
  type Position,
  type SelectionRange,
  type SignatureHelp,
  type TextEdit,
} from "vscode-languageserver-types";
import { contains, toOffset, toPosition, toRange } from "../convert.js";
import type { ParsedDocument } from "../document.js";
import { encodeSemanticTokens, type OffsetToken } from "../token-encoding.js";
import { instructionDoc } from "./docs.js";

/**
 * Upper-case keywords, no indentation before an instruction's keyword, no trailing blanks. Heredoc
 * bodies are content and stay byte for byte; so do continuation lines' own indentation.
 */
export function formatDockerfile(doc: ParsedDocument): TextEdit[] {
  const ast = doc.dockerfile?.ast;
  if (!ast) return [];
  const edits: TextEdit[] = [];
  const untouched: OffsetRange[] = [];
  for (const i of ast.instructions) for (const h of [...i.heredocs, ...(i.kind === "Onbuild" && i.trigger ? i.trigger.heredocs : [])]) untouched.push({ start: h.contentRange.start, end: h.terminatorRange?.end ?? h.contentRange.end });
  const inHeredoc = (offset: number) => untouched.some((r) => r.start <= offset && offset < r.end);
  for (const i of ast.instructions) {
    const kw = i.keywordWord;
    const upper = kw.value.toUpperCase();
    if (doc.text.slice(kw.range.start, kw.range.end) !== upper && /^[a-z]+$/i.test(kw.value)) edits.push({ range: toRange(doc, kw.range), newText: upper });
    const lineStart = doc.lines.lineStart(doc.lines.lineAt(i.range.start));
    if (kw.range.start > lineStart && /^[ \t]+$/.test(doc.text.slice(lineStart, kw.range.start))) {
      edits.push({ range: toRange(doc, { start: lineStart, end: kw.range.start }), newText: "" });
    }
  }
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStart(line);
    const end = doc.lines.lineContentEnd(line);
    if (inHeredoc(start)) continue;
    const text = doc.text.slice(start, end);
    const trimmed = text.replace(/[ \t]+$/, "");
    if (trimmed.length < text.length) edits.push({ range: toRange(doc, { start: start + trimmed.length, end }), newText: "" });
  }
  return edits;
}

/** The value a variable in FROM resolves to, after the reference. */
export function dockerfileInlayHints(doc: ParsedDocument): InlayHint[] {
  const model = doc.semantic();
  if (!model) return [];
  const out: InlayHint[] = [];
  for (const u of model.uses) {
    if (u.instruction.kind !== "From" || u.context !== "build") continue;
    const value = u.declaration?.value ?? model.predefinedArgs.get(u.name);
    if (value === undefined) continue;
    out.push({ position: toPosition(doc, u.range.end), label: `= ${value}`, kind: InlayHintKind.Parameter, paddingLeft: true });
  }
  return out;
}

/** Per stage, from the simulator: built for the target or skipped, and how many layers it adds. */
export function dockerfileCodeLenses(doc: ParsedDocument): CodeLens[] {
  const plan = doc.plan();
  const model = doc.semantic();
  if (!plan || !model) return [];
  const out: CodeLens[] = [];
  for (const stage of plan.stages) {
    const from = model.stages[stage.index]?.from;
    if (!from) continue;
    const layers = stage.steps.filter((s) => s.layer).length;
    const status = stage.built ? (plan.target === stage.id ? "target" : "built") : `skipped${stage.skippedBecause ? ` (${stage.skippedBecause})` : ""}`;
    out.push({ range: toRange(doc, from.keywordWord.range), command: { title: `${status} · ${layers} layer${layers === 1 ? "" : "s"}`, command: "" } });
  }
  return out;
}

export const TOKEN_TYPES = ["keyword", "parameter", "variable", "comment", "namespace", "macro"] as const;
export const TOKEN_MODIFIERS = ["declaration"] as const;

/** Keywords, flags, variables, comments, stage names and directives, encoded as LSP relative tokens. */
export function dockerfileSemanticTokens(doc: ParsedDocument): number[] {
  const ast = doc.dockerfile?.ast;
  if (!ast) return [];
  const tokens: OffsetToken[] = [];
  const add = (r: OffsetRange, type: (typeof TOKEN_TYPES)[number], declaration = false) => {
    if (r.end > r.start) tokens.push({ start: r.start, end: r.end, type: TOKEN_TYPES.indexOf(type), declaration });
  };
  for (const d of ast.directives) add(d.range, "macro");
  for (const c of ast.comments) add(c.range, "comment");
  const visit = (i: Instruction) => {
    add(i.keywordWord.range, "keyword");
    for (const f of i.flags) add(f.range, "parameter");
    for (const v of i.variables) add(v.range, "variable");
    if (i.kind === "From" && i.stageName) add(i.stageName.range, "namespace", true);
    if (i.kind === "Onbuild" && i.trigger) visit(i.trigger);
  };
  for (const i of ast.instructions) visit(i);
  return encodeSemanticTokens(doc, tokens);
}

/** Base images to their registry page. */
export function dockerfileLinks(doc: ParsedDocument): DocumentLink[] {
  const model = doc.semantic();
  const out: DocumentLink[] = [];
  for (const i of doc.dockerfile?.ast.instructions ?? []) {
    if (i.kind !== "From" || !i.image || i.image.value.includes("$")) continue;
    if (model?.stages.some((s) => s.name === i.image!.value.toLowerCase()) || i.image.value === "scratch") continue;
    const target = imageUrl(i.image.registry?.value, i.image.path.value);
    if (target) out.push({ range: toRange(doc, i.image.path.range), target });
  }
  return out;
}

export function imageUrl(registry: string | undefined, path: string): string | undefined {
  if (!registry || registry === "docker.io" || registry === "index.docker.io") {
    const p = path.replace(/^library\//, "");
    return p.includes("/") ? `https://hub.docker.com/r/${p}` : `https://hub.docker.com/_/${p}`;
  }
  if (registry === "ghcr.io" || registry === "quay.io" || registry === "gcr.io" || registry === "mcr.microsoft.com") return `https://${registry}/${path}`;
  return undefined;
}

/** Word, then flag or argument, then instruction, then stage, then file. */
export function dockerfileSelectionRanges(doc: ParsedDocument, positions: Position[]): SelectionRange[] {
  const ast = doc.dockerfile?.ast;
  return positions.map((p) => {
    const offset = toOffset(doc, p);
    const chain: OffsetRange[] = [{ start: 0, end: doc.text.length }];
    const stage = doc.semantic()?.stages.find((s) => contains(s.range, offset));
    if (stage) chain.push(stage.range);
    const instr = ast && instructionAt(ast, offset);
    if (instr) {
      chain.push(instr.range);
      const part = [...instr.flags.map((f) => f.range), instr.args.range].find((r) => contains(r, offset));
      if (part) chain.push(part);
    }
    const word = wordAt(doc.text, offset);
    if (word) chain.push(word);
    let selection: SelectionRange | undefined;
    let prev: OffsetRange | undefined;
    for (const r of chain) {
      if (prev && r.start === prev.start && r.end === prev.end) continue;
      if (prev && !(r.start >= prev.start && r.end <= prev.end)) continue;
      selection = selection ? { range: toRange(doc, r), parent: selection } : { range: toRange(doc, r) };
      prev = r;
    }
    return selection!;
  });
}

function wordAt(text: string, offset: number): OffsetRange | undefined {
  let s = offset;
  let e = offset;
  while (s > 0 && /[\w.\-/]/.test(text[s - 1]!)) s--;
  while (e < text.length && /[\w.\-/]/.test(text[e]!)) e++;
  return e > s ? { start: s, end: e } : undefined;
}

/** The instruction's syntax, with the argument under the cursor active. */
export function dockerfileSignatureHelp(doc: ParsedDocument, position: Position): SignatureHelp | null {
  const offset = toOffset(doc, position);
  // The instruction's text up to the cursor: from its start when the cursor is on its lines (or just past
  // its end on its last line, where the next word is being typed), else the line's.
  const instr = doc.dockerfile?.ast.instructions.findLast((i) => i.range.start <= offset);
  const within = instr !== undefined && !/[\r\n]/.test(doc.text.slice(instr.range.end, offset));
  const text = within ? doc.text.slice(instr.range.start, offset) : doc.text.slice(doc.lines.lineStart(position.line), offset);
  const escape = doc.dockerfile?.ast.escape ?? "\\";
  const words = text.split(/\s+/).filter((w) => w !== "" && w !== escape);
  const starting = text === "" || /\s$/.test(text);
  let keyword = words.shift();
  // An ONBUILD shows its trigger's signature once the trigger's keyword is there.
  if (keyword?.toUpperCase() === "ONBUILD" && (words.length > 1 || (words.length === 1 && starting))) keyword = words.shift();
  const info = keyword ? instructionDoc(keyword) : undefined;
  if (!info || (words.length === 0 && !starting && text.trim() === keyword)) return info ? signatureOf(info.syntax, info.doc, 0) : null;
  return signatureOf(info.syntax, info.doc, activeParameter(parseSyntax(info.syntax), words, starting));
}

/** One parameter of a syntax line, with its place in that line (the client highlights it there). */
interface SyntaxParam {
  start: number;
  end: number;
  label: string;
  /** `[--name=...]`: the flag's name. */
  flag?: string;
  /** `<src>...` or `/path ...`: takes any number of words. */
  variadic?: boolean;
}

/** A syntax line's flags, and its forms (`<command> | ["exe", "arg"]`) with their positional parameters. */
interface ParsedSyntax {
  params: SyntaxParam[];
  flags: SyntaxParam[];
  forms: SyntaxParam[][];
}

/** Splits `COPY [--from=<stage>] ... <src>... <dest>` at the spaces outside brackets, quotes and angle brackets. */
function parseSyntax(syntax: string): ParsedSyntax {
  const params: SyntaxParam[] = [];
  const flags: SyntaxParam[] = [];
  const forms: SyntaxParam[][] = [[]];
  let depth = 0;
  let quoted = false;
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    const label = syntax.slice(start, end);
    start = -1;
    const form = forms[forms.length - 1]!;
    if (label === "|") forms.push([]);
    else if (label === "...") {
      const last = form[form.length - 1];
      if (last) last.variadic = true;
    } else {
      const param: SyntaxParam = { start: syntax.indexOf(label, params[params.length - 1]?.end ?? 0), end: 0, label };
      param.end = param.start + label.length;
      const flag = /^\[--([a-z-]+)/.exec(label);
      if (flag) {
        param.flag = flag[1];
        flags.push(param);
      } else {
        if (label.endsWith("...")) param.variadic = true;
        form.push(param);
      }
      params.push(param);
    }
  };
  for (let i = syntax.indexOf(" ") + 1; i > 0 && i <= syntax.length; i++) {
    const c = syntax[i];
    if (c === undefined || (c === " " && depth === 0 && !quoted)) {
      close(i);
      continue;
    }
    if (start < 0) start = i;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "[" || c === "<")) depth++;
    else if (!quoted && (c === "]" || c === ">")) depth--;
  }
  return { params, flags, forms: forms.filter((f) => f.length > 0) };
}

/**
 * The parameter the word at the cursor fills: a flag by its name while flags are typed, else the
 * positional parameter of the form the first argument picks (`[` picks the JSON form, a keyword such as
 * NONE the form it starts). A variadic parameter takes the words up to the last parameter after it.
 */
function activeParameter(syntax: ParsedSyntax, words: string[], starting: boolean): number {
  const at = starting ? words.length : words.length - 1;
  let flagWords = 0;
  while (flagWords < words.length && words[flagWords]!.startsWith("--")) flagWords++;
  const current = words[at] ?? "";
  if (at <= flagWords && (current.startsWith("-") || (at < flagWords && !starting))) {
    const name = /^--([a-z-]*)/.exec(current)?.[1] ?? "";
    const flag = syntax.flags.find((f) => name !== "" && f.flag === name) ?? syntax.flags.find((f) => name !== "" && f.flag!.startsWith(name)) ?? syntax.flags[0];
    if (flag) return syntax.params.indexOf(flag);
  }
  const first = words[flagWords];
  const form =
    (first !== undefined && syntax.forms.find((f) => /^[A-Z]+$/.test(f[0]!.label) && f[0]!.label.startsWith(first.toUpperCase()))) ||
    (first?.startsWith("[") ? syntax.forms.find((f) => f[0]!.label.startsWith("[")) : syntax.forms.find((f) => !f[0]!.label.startsWith("[\""))) ||
    syntax.forms[0];
  if (!form) return 0;
  const p = Math.max(0, at - flagWords);
  const variadic = form.findIndex((x) => x.variadic);
  let index: number;
  if (variadic >= 0 && variadic < form.length - 1) index = p <= variadic ? p : form.length - 1;
  else index = Math.min(p, form.length - 1);
  return syntax.params.indexOf(form[index]!);
}

function signatureOf(syntax: string, doc: string, active: number): SignatureHelp {
  const { params } = parseSyntax(syntax);
  return {
    signatures: [{ label: syntax, documentation: doc, parameters: params.map((p) => ({ label: [p.start, p.end] as [number, number] })) }],
    activeSignature: 0,
    activeParameter: Math.max(0, Math.min(active, params.length - 1)),
  };
}
