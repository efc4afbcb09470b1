import { ScriptBuilder, sortInPlace } from "./build.js";
import { RecentValues } from "./caches.js";
import { shellParser } from "./init.js";
import { commandName, parseArgs } from "./query.js";
import { relocateScript } from "./relocate.js";
import { hasSourceLayout, sourceShift } from "./source-map.js";
import { copyTree, releaseSyntax, type SyntaxTree } from "./syntax.js";
import type { ShellCommand, ShellCommandContext, ShellScript, ToSource } from "./types.js";

const TOP: ShellCommandContext = {
  inSubstitution: false, inSubshell: false, inFunction: false, inCompound: false, inNestedShell: false, depth: 0,
};

/** Shells whose `-c` script is parsed as a nested script. */
const POSIX_SHELLS = new Set(["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox"]);
const MAX_NESTING = 3;

const identity: ToSource = (offset) => offset;

const byStart = (a: { scriptRange: { start: number } }, b: { scriptRange: { start: number } }) => a.scriptRange.start - b.scriptRange.start;

/**
 * Parses a shell script into commands. `toSource` maps script offsets to the offsets all ranges
 * should use (default: the script's own offsets). Never throws: bad syntax gives `hasSyntaxError`
 * and `errors`, with the commands tree-sitter could still recognise; before `initShell()` has
 * resolved the result is an empty script with `parsed: false`.
 */
export function parseShell(script: string, toSource: ToSource = identity): ShellScript {
  const result: ShellScript = {
    text: script, toSource, commands: [], pipelines: [], comments: [], hasSyntaxError: false, errors: [], parsed: false,
  };
  if (!shellParser()) return result;
  // Layouts made from pieces can be compared (`sourceShift`); so can the default, which is the same function every time.
  const cacheable = toSource === identity || hasSourceLayout(toSource);
  if (cacheable) {
    const relocated = relocatedScript(script, toSource);
    if (relocated) return relocated;
  }
  try {
    parseInto(result, script, toSource, TOP);
    result.parsed = true;
    if (cacheable) rememberBuilt(result);
  } catch {
    // A failure inside the wasm parser is not the caller's problem: report it as a syntax error.
    result.hasSyntaxError = true;
    result.errors.push({ message: "Shell parser failed on this script", range: { start: toSource(0), end: toSource(script.length) }, scriptRange: { start: 0, end: script.length } });
  }
  return result;
}

/**
 * Built scripts by text, a few source layouts each. The same RUN text recurs across files and
 * stages (and moves when lines are inserted above it in an editor); when its mapping to the source
 * is the same up to a shift, the built script is copied with its ranges moved instead of built again.
 */
const BUILT_SIZE = 512;
const LAYOUTS_PER_TEXT = 4;
const builtByText = new RecentValues<string, ShellScript>(BUILT_SIZE, LAYOUTS_PER_TEXT);

function relocatedScript(text: string, toSource: ToSource): ShellScript | undefined {
  for (const script of builtByText.values(text) ?? []) {
    const shift = sourceShift(script.toSource, toSource);
    if (shift === undefined) continue;
    builtByText.touch(text);
    return relocateScript(script, shift, toSource);
  }
  return undefined;
}

function rememberBuilt(script: ShellScript): void {
  builtByText.add(script.text, script);
}

function parseInto(result: ShellScript, text: string, toSource: ToSource, ctx: ShellCommandContext, part?: { start: number; end: number }): void {
  const syntax = syntaxOf(text, part);
  if (!syntax) return;
  const builder = new ScriptBuilder(syntax, text, toSource, (cmd, cmdCtx) => parseNestedShell(result, text, toSource, cmd, cmdCtx));
  try {
    builder.build(ctx);
  } finally {
    releaseSyntax(syntax);
  }
  if (syntax.hasError) result.hasSyntaxError = true;
  // A script's first (usually only) part hands over its lists as they are.
  result.commands = append(result.commands, builder.commands);
  result.pipelines = append(result.pipelines, builder.pipelines);
  result.comments = append(result.comments, builder.comments);
  result.errors = append(result.errors, builder.errors);
  if (ctx === TOP) {
    sortInPlace(result.commands, (a, b) => a.scriptRange.start - b.scriptRange.start || a.context.depth - b.context.depth);
    for (let i = 0; i < result.commands.length; i++) result.commands[i].index = i;
    sortInPlace(result.pipelines, byStart);
    sortInPlace(result.comments, byStart);
    sortInPlace(result.errors, byStart);
  }
}

function append<T>(to: T[], items: T[]): T[] {
  if (to.length === 0) return items;
  for (const item of items) to.push(item);
  return to;
}

/**
 * Parses a script (or, for a nested script, a part of it parsed in place) and copies its tree. Trees are
 * not kept: the built script is (see `builtByText`). Hand the copy back with `releaseSyntax` when done
 * with it, so the next parse reuses its arrays.
 */
export function syntaxOf(text: string, part?: { start: number; end: number }): SyntaxTree | undefined {
  const parser = shellParser();
  if (!parser) return undefined;
  // A nested script is parsed in place (tree-sitter's included ranges), so its offsets are the outer script's.
  const tree = part ? parser.parse(text, null, { includedRanges: [includedRange(text, part.start, part.end)] }) : parser.parse(text);
  if (!tree) return undefined;
  try {
    return copyTree(tree);
  } finally {
    tree.delete();
  }
}

function point(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function includedRange(text: string, start: number, end: number) {
  return { startIndex: start, endIndex: end, startPosition: point(text, start), endPosition: point(text, end) };
}

/**
 * `sh -c 'apt-get update && ...'`: parses the script argument as a nested script when it maps
 * straight onto the outer text (single quotes, or double quotes or a bare word without
 * backslashes). Its commands get `context.inNestedShell`.
 */
function parseNestedShell(result: ShellScript, text: string, toSource: ToSource, cmd: ShellCommand, ctx: ShellCommandContext): void {
  if (ctx.depth >= MAX_NESTING) return;
  const name = commandName(cmd);
  if (!name || !POSIX_SHELLS.has(name)) return;
  const { options, positionals } = parseArgs(cmd, { valueFlags: ["o", "O"] });
  if (!options.some((o) => o.kind === "short" && o.name === "c")) return;
  const word = positionals[0];
  if (!word) return;
  const raw = word.raw;
  let { start, end } = word.scriptRange;
  if (raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
    start++;
    end--;
  } else if (raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') && !raw.includes("\\")) {
    start++;
    end--;
  } else if (/["'\\]/.test(raw)) {
    return;
  }
  if (end <= start) return;
  parseInto(result, text, toSource, { ...ctx, inNestedShell: true, depth: ctx.depth + 1 }, { start, end });
}
