/** `parseDockerfile`: scanner -> BuildKit line parsing -> grammar -> typed AST, never throwing. */
import type { Diagnostic, Range } from "@shipshape/text";
import type { Dockerfile, Instruction } from "./ast.js";
import type { IToken } from "chevrotain";
import { AstBuilder, type TokenLike } from "./ast-builder.js";
import type { LineNode } from "./buildkit.js";
import { parseError } from "./errors.js";
import { InstructionParser, tokenizeInstruction } from "./grammar.js";
import { movedNode } from "./move.js";
import { knownLines, movedNodes, reusableNodes } from "./reuse.js";
import { scanDockerfile, type ScannedInstruction } from "./scanner.js";

let parser: InstructionParser | undefined;

export interface ParseResult {
  ast: Dockerfile;
  errors: Diagnostic[];
}

export interface ParseOptions {
  /**
   * The parse of an earlier version of the same file: its instruction nodes (the same objects) are kept
   * for instructions that scan exactly as before (same text, position, lines, comments before them,
   * heredoc bodies and escape), so caches keyed by node survive an edit elsewhere; instructions that only
   * moved (the ones after an edit) are copies of the earlier nodes with their ranges moved. The result is
   * what a parse without it returns.
   */
  previous?: ParseResult;
}

/**
 * What each instruction node of a parse was built from, kept on the AST under this key (not enumerable:
 * no reader, copy or comparison of the AST sees it). A node is a pure function of its scanned instruction
 * (the builder reads nothing else of the file but heredoc bodies, which are part of it), so an equal scan
 * later may take the node as it is. Not a WeakMap from AST to record: its entries outlive their ASTs by
 * a garbage collection or more, so every parse's scan was kept past the young generation (copied, then
 * marked), which cost as much CPU as the parse itself.
 */
const BUILT_FROM = Symbol("builtFrom");

type WithBuiltFrom = Dockerfile & { [BUILT_FROM]?: BuiltFrom };

interface BuiltFrom {
  scanned: readonly ScannedInstruction[];
  /**
   * Per instruction, the builder's `ambiguousEmptyRange` as its build began: a parse error's empty range on
   * a line join sets it and the next instruction's build then clamps its ranges, so it is part of the input.
   */
  entered: readonly boolean[];
  /** Per instruction, whether its build clamped its ranges (see `clampIntoParents`): such a node is never moved. */
  clamped: readonly boolean[];
  nodes: readonly Instruction[];
}

export function parseDockerfile(text: string, options?: ParseOptions): ParseResult {
  if (typeof text !== "string") text = String(text ?? "");
  try {
    const previous = options?.previous?.ast;
    return parseUnsafe(text, (previous as WithBuiltFrom | undefined)?.[BUILT_FROM]);
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

function parseUnsafe(text: string, previous?: BuiltFrom): ParseResult {
  const file = scanDockerfile(text, previous && knownLines(previous.scanned));
  const errors = file.errors;
  parser ??= new InstructionParser();
  const builder = new AstBuilder();
  builder.text = text;
  parser.builder = builder;
  const instructions: Instruction[] = [];
  const entered: boolean[] = [];
  const clamped: boolean[] = [];
  const kept = previous ? reusableNodes(previous.scanned, file.instructions) : undefined;
  // the instructions after an edit: as before at other offsets, so moved copies of the earlier nodes
  const moved = kept ? movedNodes(previous!.scanned, file.instructions, kept) : undefined;
  for (let i = 0; i < file.instructions.length; i++) {
    const scanned = file.instructions[i];
    builder.ctx = scanned;
    entered.push(builder.ambiguousEmptyRange);
    const at = kept ? kept[i] : -1;
    if (at >= 0 && previous!.entered[at] === builder.ambiguousEmptyRange) {
      instructions.push(previous!.nodes[at]);
      clamped.push(previous!.clamped[at]);
      lineErrors(scanned.node, builder, errors);
      continue;
    }
    const from = moved ? moved[i] : -1;
    const copy = from >= 0 && !builder.ambiguousEmptyRange && !previous!.clamped[from]
      ? movedNode(previous!.nodes[from], previous!.scanned[from], scanned)
      : undefined;
    if (copy) {
      instructions.push(copy);
      clamped.push(false);
      lineErrors(scanned.node, builder, errors);
      continue;
    }
    const tokens = tokenizeInstruction(scanned.node);
    parser.input = tokens;
    let node = parser.instructionFor(scanned.node.lower);
    // the tokenizer only produces shapes the grammar accepts; should that ever fail, keep a generic node
    if (!node || parser.errors.length > 0) node = builder.unknown(tokens[0] as IToken & TokenLike, []);
    clamped.push(builder.ambiguousEmptyRange);
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
  // its own copy of the list: a caller that reorders `ast.instructions` must not mislead the next parse
  const built: BuiltFrom = { scanned: file.instructions, entered, clamped, nodes: instructions.slice() };
  Object.defineProperty(ast, BUILT_FROM, { value: built });
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
