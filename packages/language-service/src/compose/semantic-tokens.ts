// Semantic tokens for Compose files and the legend shared with Dockerfiles. The YAML grammar colours keys
// and scalars; these tokens add what it cannot know: which scalars name a service, network, volume, secret
// or config (and where each is defined), the parts of a `${VAR:-default}`, and anchors with their aliases.
import type { ReferenceKind } from "@shipshape/compose";
import type { Range as OffsetRange } from "@shipshape/text";
import type { Range } from "vscode-languageserver-types";
import { toOffset } from "../convert.js";
import type { ParsedDocument } from "../document.js";
import { encodeSemanticTokens, type OffsetToken } from "../token-encoding.js";
import { TOKEN_MODIFIERS as DOCKERFILE_MODIFIERS, TOKEN_TYPES as DOCKERFILE_TYPES } from "../dockerfile/editor.js";
import { anchorOccurrences } from "./anchors.js";
import { definitions, extendsFile, references } from "./model-refs.js";

/** The server's legend: the Dockerfile types first, so their indexes never move, then the Compose ones. */
export const TOKEN_TYPES = [...DOCKERFILE_TYPES, "class", "interface", "struct", "enum", "type", "typeParameter", "operator", "string"] as const;
export const TOKEN_MODIFIERS = DOCKERFILE_MODIFIERS;

type TokenType = (typeof TOKEN_TYPES)[number];

/** Each kind of name gets the token type of its document symbol where one exists, so themes tell them apart. */
const NAME_TYPE: Record<ReferenceKind, TokenType> = {
  service: "class",
  network: "interface",
  volume: "struct",
  secret: "enum",
  config: "type",
  model: "typeParameter",
};

export function composeSemanticTokens(doc: ParsedDocument): number[] {
  const model = doc.compose?.model;
  if (!model) return [];
  const tokens: OffsetToken[] = [];
  const add = (r: OffsetRange, type: TokenType, declaration = false) => {
    if (r.end > r.start) tokens.push({ start: r.start, end: r.end, type: TOKEN_TYPES.indexOf(type), declaration });
  };
  for (const d of definitions(model, doc.path)) add(d.nameRange, NAME_TYPE[d.kind], true);
  const named = (r: OffsetRange) => !doc.text.slice(r.start, r.end).includes("$"); // `${VAR}` parts win
  for (const r of references(model, doc.path)) if (named(r.ref.range)) add(r.ref.range, NAME_TYPE[r.kind]);
  for (const s of Object.values(model.services)) {
    // The service an `extends.file` names is not a reference of this file, yet still a service name.
    const ext = s.extends;
    if (ext && extendsFile(ext) !== undefined && ext.service.file === doc.path && named(ext.service.range)) add(ext.service.range, "class");
  }
  for (const v of model.variables) {
    if (v.file === doc.path) variableTokens(doc.text, v.range, v.name, v.operator, model.variables, add);
  }
  for (const a of anchorOccurrences(doc.text)) add({ start: a.range.start - 1, end: a.range.end }, "macro", a.definition);
  return encodeSemanticTokens(doc, tokens);
}

/**
 * `$NAME` / `${NAME<op>arg}`: the name as a variable, the operator, and the argument's own text as a string
 * (nested references inside it are tokens of their own). Ranges that do not point at the reference (a value
 * rewritten with escapes) are left alone.
 */
function variableTokens(
  text: string,
  r: OffsetRange,
  name: string,
  operator: string | undefined,
  all: readonly { range: OffsetRange; file: string }[],
  add: (r: OffsetRange, type: TokenType) => void,
): void {
  const braced = text.startsWith("${", r.start);
  const nameStart = r.start + (braced ? 2 : 1);
  if (text[r.start] !== "$" || text.slice(nameStart, nameStart + name.length) !== name) return;
  add({ start: nameStart, end: nameStart + name.length }, "variable");
  if (!braced || !operator || !text.startsWith(operator, nameStart + name.length)) return;
  const opStart = nameStart + name.length;
  add({ start: opStart, end: opStart + operator.length }, "operator");
  // The argument, minus the nested references (each gets its own tokens).
  let at = opStart + operator.length;
  const argEnd = text[r.end - 1] === "}" ? r.end - 1 : r.end;
  const nested = all.filter((o) => o.range.start >= at && o.range.end <= argEnd && o.range !== r).map((o) => o.range).sort((a, b) => a.start - b.start);
  for (const n of nested) {
    if (n.start < at) continue;
    add({ start: at, end: n.start }, "string");
    at = n.end;
  }
  add({ start: at, end: argEnd }, "string");
}

/** The tokens of an encoded list that touch `range` (for `semanticTokens/range`), re-encoded from the start. */
export function tokensInRange(doc: ParsedDocument, data: readonly number[], range: Range): number[] {
  const from = toOffset(doc, range.start);
  const to = toOffset(doc, range.end);
  const out: number[] = [];
  let line = 0;
  let char = 0;
  let prevLine = 0;
  let prevChar = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    line += data[i]!;
    char = data[i] === 0 ? char + data[i + 1]! : data[i + 1]!;
    const start = doc.lines.lineStart(line) + char;
    if (start + data[i + 2]! <= from || start >= to) continue;
    out.push(line - prevLine, line === prevLine ? char - prevChar : char, data[i + 2]!, data[i + 3]!, data[i + 4]!);
    prevLine = line;
    prevChar = char;
  }
  return out;
}
