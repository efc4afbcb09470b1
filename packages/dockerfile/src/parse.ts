/** `parseDockerfile`: scanner -> BuildKit line parsing -> grammar -> typed AST, never throwing. */
import type { Diagnostic, Range } from "@shipshape/text";
import type { Dockerfile, Instruction } from "./ast.js";
import type { IToken } from "chevrotain";
import { AstBuilder, type TokenLike } from "./ast-builder.js";
import type { LineNode } from "./buildkit.js";
import { parseError } from "./errors.js";
import { InstructionParser, tokenizeInstruction } from "./grammar.js";
import { scanDockerfile } from "./scanner.js";

let parser: InstructionParser | undefined;

export interface ParseResult {
  ast: Dockerfile;
  errors: Diagnostic[];
}

export function parseDockerfile(text: string): ParseResult {
  if (typeof text !== "string") text = String(text ?? "");
  try {
    return parseUnsafe(text);
  } catch (e) {
    // a bug must not take the caller down: report it and return what is certain
    return {
      ast: emptyAst(text),
      errors: [parseError("internalError", `internal parser error: ${(e as Error)?.message ?? String(e)}`, { start: 0, end: 0 })],
    };
  }
}

function emptyAst(text: string): Dockerfile {
  return {
    kind: "Dockerfile",
    range: { start: 0, end: text.length },
    directives: [],
    escape: "\\",
    bom: text.charCodeAt(0) === 0xfeff,
    instructions: [],
    comments: [],
  };
}

function parseUnsafe(text: string): ParseResult {
  const file = scanDockerfile(text);
  const errors = file.errors;
  parser ??= new InstructionParser();
  const builder = new AstBuilder();
  builder.text = text;
  parser.builder = builder;
  const instructions: Instruction[] = [];
  for (const scanned of file.instructions) {
    builder.ctx = scanned;
    const tokens = tokenizeInstruction(scanned.node);
    parser.input = tokens;
    let node = parser.instructionFor(scanned.node.lower);
    // the tokenizer only produces shapes the grammar accepts; should that ever fail, keep a generic node
    if (!node || parser.errors.length > 0) node = builder.unknown(tokens[0] as IToken & TokenLike, []);
    if (builder.ambiguousEmptyRange) {
      clampIntoParents(node, node.range);
      builder.ambiguousEmptyRange = false;
    }
    sortVariables(node);
    instructions.push(node);
    lineErrors(scanned.node, builder, errors);
  }
  errors.sort((a, b) => a.range.start - b.range.start);
  const ast: Dockerfile = {
    kind: "Dockerfile",
    range: { start: 0, end: text.length },
    directives: file.directives,
    escape: file.escape,
    bom: file.bom,
    instructions,
    comments: file.comments,
  };
  return { ast, errors };
}

function isRange(v: unknown): v is Range {
  return typeof v === "object" && v !== null && typeof (v as Range).start === "number" && typeof (v as Range).end === "number";
}

/** Moves every range inside its parent's (only needed for empty ranges on a line join; rare). */
function clampIntoParents(value: unknown, parent: Range): void {
  if (Array.isArray(value)) {
    for (const v of value) clampIntoParents(v, parent);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const own = (value as { range?: unknown }).range;
  let inner = parent;
  if (isRange(own) && own !== parent) {
    clamp(own, parent);
    inner = own;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === "range" || k === "segments") continue;
    if (isRange(v) && Object.keys(v).length === 2) clamp(v, inner);
    else clampIntoParents(v, inner);
  }
}

function clamp(r: Range, parent: Range): void {
  r.start = Math.min(Math.max(r.start, parent.start), parent.end);
  r.end = Math.max(Math.min(r.end, parent.end), r.start);
}

/** Variables are collected per argument; callers want them in source order (outer before nested). */
function sortVariables(node: Instruction): void {
  if (node.variables.length > 1) node.variables.sort((a, b) => a.range.start - b.range.start || b.range.end - a.range.end);
  if (node.kind === "Onbuild" && node.trigger) sortVariables(node.trigger);
}

function lineErrors(node: LineNode, builder: AstBuilder, errors: Diagnostic[]): void {
  for (let n: LineNode | undefined = node; n; n = n.sub) {
    if (n.error) errors.push(parseError(n.error.kind, n.error.message, builder.range(n.error.start, n.error.end)));
  }
}
