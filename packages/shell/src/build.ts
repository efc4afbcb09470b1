import type { SyntaxTree } from "./syntax.js";
import { mapRange } from "./source-map.js";
import { makeSpanWord, makeWord, WORD_TYPES } from "./words.js";
import type {
  ShellAssignment, ShellCommand, ShellCommandContext, ShellComment, ShellConnector, ShellPipeline, ShellRedirect,
  ShellSyntaxError, ShellWord, ToSource,
} from "./types.js";

const OPERATORS: Record<string, ShellConnector> = {
  ";": ";", "&": "&", "&&": "&&", "||": "||", "|": "|", "|&": "|&", ";;": ";", ";&": ";", ";;&": ";", "\n": "newline",
};

const REDIRECT_TYPES = new Set(["file_redirect", "heredoc_redirect", "herestring_redirect"]);

/** A statement in a flattened list, with the operator before it and redirects tree-sitter hung elsewhere. */
interface Item {
  op?: ShellConnector;
  /** A node of the builder's tree. */
  node: number;
  redirects: readonly number[];
  negated: boolean;
  /** Followed by `&`. */
  background: boolean;
}

interface Placement {
  connector?: ShellConnector;
  pipeline?: ShellPipeline;
  pipelineIndex?: number;
  negated: boolean;
  background: boolean;
  redirects: readonly number[];
}

/** Redirects of an item that has none: shared, never written to. */
const NO_NODES: readonly number[] = Object.freeze([]);

/** Sorts `list` in place unless it is already in order (the usual case: nodes come in source order). */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1], list[i]) > 0) {
      list.sort(compare);
      return;
    }
  }
}

const IN_SUBSTITUTION = 1;
const IN_SUBSHELL = 2;
const IN_FUNCTION = 4;
const IN_COMPOUND = 8;
const IN_NESTED_SHELL = 16;

/**
 * Contexts below the top, one object per combination: a context is immutable data that commands
 * already share (every command of a body has its body's), so bodies of every script can share too.
 */
const innerContexts = new Map<number, ShellCommandContext>();

/** `ctx` with `flag` set and `deeper` levels more depth. */
function innerContext(ctx: ShellCommandContext, flag: number, deeper: number): ShellCommandContext {
  const flags = flag
    | (ctx.inSubstitution ? IN_SUBSTITUTION : 0) | (ctx.inSubshell ? IN_SUBSHELL : 0) | (ctx.inFunction ? IN_FUNCTION : 0)
    | (ctx.inCompound ? IN_COMPOUND : 0) | (ctx.inNestedShell ? IN_NESTED_SHELL : 0);
  const depth = ctx.depth + deeper;
  const key = depth * 32 + flags;
  let inner = innerContexts.get(key);
  if (!inner) {
    inner = {
      inSubstitution: (flags & IN_SUBSTITUTION) !== 0,
      inSubshell: (flags & IN_SUBSHELL) !== 0,
      inFunction: (flags & IN_FUNCTION) !== 0,
      inCompound: (flags & IN_COMPOUND) !== 0,
      inNestedShell: (flags & IN_NESTED_SHELL) !== 0,
      depth,
    };
    innerContexts.set(key, inner);
  }
  return inner;
}

/** Where a statement list is: the operator waiting for the next statement, and whether one starts a new list. */
interface ListState {
  pending?: ShellConnector;
  boundary: boolean;
}

const byScriptStart = (a: { scriptRange: { start: number } }, b: { scriptRange: { start: number } }) => a.scriptRange.start - b.scriptRange.start;

/** Called after each named command, so `sh -c '...'` scripts can be parsed as nested scripts. */
export type NestedShellHook = (cmd: ShellCommand, ctx: ShellCommandContext) => void;

/** Turns a copied bash syntax tree into commands, pipelines, comments and errors. */
export class ScriptBuilder {
  private readonly tree: SyntaxTree;
  readonly commands: ShellCommand[] = [];
  readonly pipelines: ShellPipeline[] = [];
  readonly comments: ShellComment[] = [];
  readonly errors: ShellSyntaxError[] = [];

  constructor(
    tree: SyntaxTree,
    private readonly text: string,
    private readonly toSource: ToSource,
    private readonly nested?: NestedShellHook,
  ) {
    this.tree = tree;
  }

  build(ctx: ShellCommandContext): void {
    this.collectCommentsAndErrors();
    this.sequence(0, ctx);
  }

  private range(start: number, end: number) {
    return mapRange(this.toSource, start, end);
  }

  private collectCommentsAndErrors(): void {
    const t = this.tree;
    const hasError = t.hasError;
    // Without errors only comments are collected, and there is none without a `#`.
    if (!hasError && !this.text.includes("#")) return;
    // Nodes are numbered in preorder, so this is the order of a depth-first walk.
    for (let n = 0; n < t.size; n++) {
      const type = t.type(n);
      if (type === "comment") {
        const start = t.start[n];
        const end = t.end[n];
        this.comments.push({ text: this.text.slice(start + 1, end), range: this.range(start, end), scriptRange: { start, end } });
      } else if (hasError && type === "ERROR") {
        this.errors.push(this.error(n, "Shell syntax error"));
      } else if (hasError && t.isMissing(n)) {
        this.errors.push(this.error(n, `Shell syntax error: missing '${type}'`));
      }
    }
    sortInPlace(this.comments, byScriptStart);
    sortInPlace(this.errors, byScriptStart);
  }

  private error(node: number, message: string): ShellSyntaxError {
    const start = this.tree.start[node];
    const end = this.tree.end[node];
    return { message, range: this.range(start, end), scriptRange: { start, end } };
  }

  /** A container of statements: the program, a body, a subshell, a substitution, a compound command. */
  private sequence(node: number, ctx: ShellCommandContext): void {
    const items: Item[] = [];
    const state = { pending: undefined as ShellConnector | undefined, boundary: true };
    this.flatten(node, items, state, ctx);
    this.processItems(items, ctx);
  }

  /**
   * Flattens nested `list` and `pipeline` nodes (and the commands tree-sitter nests inside a heredoc
   * redirect, as in `cat <<EOF | sh && x`) into one statement list with operators.
   */
  private flatten(node: number, items: Item[], state: ListState, ctx: ShellCommandContext): void {
    const t = this.tree;
    for (let c = t.first[node]; c >= 0; c = t.next[c]) this.flattenChild(c, items, state, ctx);
  }

  private flattenChild(child: number, items: Item[], state: ListState, ctx: ShellCommandContext): void {
    const t = this.tree;
    const type = t.type(child);
    if (!t.named(child)) {
      const op = OPERATORS[type];
      if (op) {
        this.operator(op, items, state);
      } else if (type !== "!") {
        // A keyword such as `then`, `do`, `(` or `$(` starts a new statement list.
        state.pending = undefined;
        state.boundary = true;
      }
      return;
    }
    switch (type) {
      case "comment":
        return;
      case "list":
      case "pipeline":
        this.flatten(child, items, state, ctx);
        return;
      case "negated_command": {
        const before = items.length;
        this.flatten(child, items, state, ctx);
        if (items.length > before) items[before].negated = true;
        return;
      }
      case "redirected_statement":
        this.flattenRedirected(child, items, state, ctx);
        return;
    }
    if (WORD_TYPES.has(type) || type === "heredoc_body" || REDIRECT_TYPES.has(type) || type === "array") {
      // Words of `for x in ...`, `case $x in`, a function name: not statements, but may hold substitutions.
      this.scanWord(child, ctx);
      return;
    }
    this.pushItem(items, state, child, NO_NODES);
  }

  private operator(op: ShellConnector, items: Item[], state: ListState): void {
    state.pending = op;
    // `&` ends the statement before it, which then runs in the background.
    if (op === "&" && !state.boundary && items.length > 0) items[items.length - 1].background = true;
  }

  private pushItem(items: Item[], state: ListState, node: number, redirects: readonly number[]): void {
    const op = state.pending ?? (state.boundary || items.length === 0 ? undefined : "newline");
    items.push({ op, node, redirects, negated: false, background: false });
    state.pending = undefined;
    state.boundary = false;
  }

  private flattenRedirected(node: number, items: Item[], state: ListState, ctx: ShellCommandContext): void {
    const t = this.tree;
    const redirects: number[] = [];
    let body = -1;
    for (let c = t.first[node]; c >= 0; c = t.next[c]) {
      const type = t.type(c);
      if (REDIRECT_TYPES.has(type)) redirects.push(c);
      else if (body < 0 && t.named(c) && type !== "comment") body = c;
    }
    if (body >= 0) {
      const type = t.type(body);
      if (type === "list" || type === "pipeline" || type === "redirected_statement" || type === "negated_command") {
        // The redirects belong to the last statement of the body (`a && cat <<EOF`).
        const before = items.length;
        this.flattenChild(body, items, state, ctx);
        if (items.length > before) {
          const last = items[items.length - 1];
          last.redirects = last.redirects.length === 0 ? redirects : [...last.redirects, ...redirects];
        }
      } else {
        this.pushItem(items, state, body, redirects);
      }
    }
    // Statements that tree-sitter nests inside a heredoc redirect continue the list.
    for (let i = 0; i < redirects.length; i++) {
      const r = redirects[i];
      if (t.type(r) !== "heredoc_redirect") continue;
      for (let c = t.first[r]; c >= 0; c = t.next[c]) {
        const type = t.type(c);
        if (!t.named(c)) {
          const op = OPERATORS[type];
          if (op) this.operator(op, items, state);
          continue;
        }
        if (type === "list" || type === "pipeline") this.flatten(c, items, state, ctx);
        else if (type === "redirected_statement") this.flattenRedirected(c, items, state, ctx);
        else if (!REDIRECT_TYPES.has(type) && !type.startsWith("heredoc_") && type !== "comment") this.pushItem(items, state, c, NO_NODES);
      }
    }
  }

  private processItems(items: Item[], ctx: ShellCommandContext): void {
    const t = this.tree;
    let i = 0;
    while (i < items.length) {
      let j = i + 1;
      while (j < items.length && (items[j].op === "|" || items[j].op === "|&")) j++;
      let pipeline: ShellPipeline | undefined;
      if (j - i > 1) {
        const start = t.start[items[i].node];
        const end = t.end[items[j - 1].node];
        pipeline = {
          range: this.range(start, end),
          scriptRange: { start, end },
          length: j - i,
          commands: [],
          negated: items[i].negated,
        };
        this.pipelines.push(pipeline);
      }
      for (let k = i; k < j; k++) {
        const item = items[k];
        this.statement(item.node, ctx, {
          connector: item.op,
          pipeline,
          pipelineIndex: pipeline ? k - i : undefined,
          negated: item.negated,
          background: item.background || items[j - 1].background,
          redirects: item.redirects,
        });
      }
      i = j;
    }
  }

  private statement(node: number, ctx: ShellCommandContext, place: Placement): void {
    switch (this.tree.type(node)) {
      case "command":
        this.command(node, ctx, place);
        return;
      case "declaration_command":
      case "unset_command":
        this.declaration(node, ctx, place);
        return;
      case "variable_assignment":
      case "variable_assignments":
        this.assignmentOnly(node, ctx, place);
        return;
      case "subshell":
        this.scanRedirects(place.redirects, ctx);
        this.sequence(node, innerContext(ctx, IN_SUBSHELL, 1));
        return;
      case "function_definition":
        this.sequence(node, innerContext(ctx, IN_FUNCTION, 0));
        return;
      case "if_statement": case "elif_clause": case "else_clause": case "while_statement": case "for_statement":
      case "c_style_for_statement": case "case_statement": case "case_item":
        this.scanRedirects(place.redirects, ctx);
        this.sequence(node, innerContext(ctx, IN_COMPOUND, 0));
        return;
      case "test_command":
        this.scanRedirects(place.redirects, ctx);
        this.scanWord(node, ctx);
        return;
      default:
        this.scanRedirects(place.redirects, ctx);
        this.sequence(node, ctx);
    }
  }

  /** A command with its parts; `name` is set by the caller (after the pipeline fields, as it always was). */
  private newCommand(
    start: number, end: number, ctx: ShellCommandContext, place: Placement,
    args: ShellWord[], assignments: ShellAssignment[], redirects: ShellRedirect[],
  ): ShellCommand {
    const cmd: ShellCommand = {
      args,
      assignments,
      redirects,
      range: this.range(start, end),
      scriptRange: { start, end },
      connector: place.connector,
      negated: place.negated,
      background: place.background,
      context: ctx,
      index: -1,
    };
    if (place.pipeline) {
      cmd.pipeline = place.pipeline;
      cmd.pipelineIndex = place.pipelineIndex;
      place.pipeline.commands.push(cmd);
    }
    return cmd;
  }

  private command(node: number, ctx: ShellCommandContext, place: Placement): void {
    const t = this.tree;
    const args: ShellWord[] = [];
    // Most commands have no redirect: the list is made for the first.
    let redirectNodes: number[] | undefined;
    const assignments: ShellAssignment[] = [];
    let name: ShellWord | undefined;
    let nameNode = -1;
    for (let c = t.first[node]; c >= 0; c = t.next[c]) {
      const type = t.type(c);
      if (type === "command_name") {
        // A name of one part is that part (`word`, `string`, ...); the word is made from it.
        const only = t.first[c];
        nameNode = only >= 0 && t.next[only] < 0 ? only : c;
        name = makeWord(t, nameNode, this.text, this.toSource);
      } else if (type === "variable_assignment") {
        assignments.push(this.assignment(c));
      } else if (REDIRECT_TYPES.has(type)) {
        (redirectNodes ??= []).push(c);
      } else if (t.named(c) && type !== "comment") {
        args.push(makeWord(t, c, this.text, this.toSource));
      }
    }
    const placed = place.redirects;
    if (placed.length > 0) {
      redirectNodes ??= [];
      for (let i = 0; i < placed.length; i++) redirectNodes.push(placed[i]);
    }
    let end = t.end[node];
    let redirects: ShellRedirect[] = [];
    if (redirectNodes) {
      redirects = this.redirects(redirectNodes, args);
      for (let i = 0; i < redirectNodes.length; i++) end = Math.max(end, this.redirectExtent(redirectNodes[i]));
    }
    sortInPlace(args, byScriptStart);
    const cmd = this.newCommand(t.start[node], end, ctx, place, args, assignments, redirects);
    cmd.name = name;
    this.commands.push(cmd);
    // Substitutions inside the command's words run as commands of their own.
    if (nameNode >= 0) this.scanWord(nameNode, ctx);
    for (let c = t.first[node]; c >= 0; c = t.next[c]) if (t.type(c) !== "command_name") this.scanWord(c, ctx);
    this.scanRedirects(place.redirects, ctx);
    if (name && this.nested) this.nested(cmd, ctx);
  }

  /** `export A=1 B`, `local -r x=$(pwd)`, `unset X`: the keyword is the name, the operands are args. */
  private declaration(node: number, ctx: ShellCommandContext, place: Placement): void {
    const t = this.tree;
    let keyword = -1;
    for (let c = t.first[node]; c >= 0 && keyword < 0; c = t.next[c]) if (!t.named(c)) keyword = c;
    const args: ShellWord[] = [];
    const redirectNodes: number[] = [];
    for (let c = t.first[node]; c >= 0; c = t.next[c]) {
      const type = t.type(c);
      if (REDIRECT_TYPES.has(type)) redirectNodes.push(c);
      if (!t.named(c) || c === keyword || type === "comment" || REDIRECT_TYPES.has(type)) continue;
      args.push(type === "variable_assignment" ? makeSpanWord(t, c, this.text, this.toSource) : makeWord(t, c, this.text, this.toSource));
    }
    const name = keyword >= 0 ? makeWord(t, keyword, this.text, this.toSource) : undefined;
    for (let i = 0; i < place.redirects.length; i++) redirectNodes.push(place.redirects[i]);
    const cmd = this.newCommand(t.start[node], t.end[node], ctx, place, args, [], []);
    if (name) cmd.name = name;
    cmd.redirects = this.redirects(redirectNodes, args);
    this.commands.push(cmd);
    for (let c = t.first[node]; c >= 0; c = t.next[c]) this.scanWord(c, ctx);
    this.scanRedirects(place.redirects, ctx);
  }

  private assignmentOnly(node: number, ctx: ShellCommandContext, place: Placement): void {
    const t = this.tree;
    const assignments: ShellAssignment[] = [];
    if (t.type(node) === "variable_assignment") assignments.push(this.assignment(node));
    else for (let c = t.first[node]; c >= 0; c = t.next[c]) if (t.type(c) === "variable_assignment") assignments.push(this.assignment(c));
    const args: ShellWord[] = [];
    const cmd = this.newCommand(t.start[node], t.end[node], ctx, place, args, assignments, []);
    cmd.redirects = this.redirects(place.redirects, args);
    this.commands.push(cmd);
    this.scanWord(node, ctx);
    this.scanRedirects(place.redirects, ctx);
  }

  private assignment(node: number): ShellAssignment {
    const t = this.tree;
    const nameNode = t.first[node];
    let op = -1;
    for (let c = nameNode; c >= 0 && op < 0; c = t.next[c]) {
      if (!t.named(c) && (t.type(c) === "=" || t.type(c) === "+=")) op = c;
    }
    // The value is whatever follows the operator (`NAME=` has none).
    let valueNode = -1;
    if (op >= 0) {
      const opEnd = t.end[op];
      for (let c = nameNode; c >= 0 && valueNode < 0; c = t.next[c]) if (t.start[c] >= opEnd && t.type(c) !== "comment") valueNode = c;
    }
    const nameEnd = op >= 0 ? t.start[op] : nameNode >= 0 ? t.end[nameNode] : t.start[node];
    const nameStart = nameNode >= 0 ? t.start[nameNode] : t.start[node];
    return {
      name: this.text.slice(nameStart, nameEnd),
      nameRange: this.range(nameStart, nameEnd),
      value: valueNode >= 0 ? makeWord(t, valueNode, this.text, this.toSource) : undefined,
      append: op >= 0 && t.type(op) === "+=",
      range: this.range(t.start[node], t.end[node]),
    };
  }

  /**
   * Builds redirects. tree-sitter reads `>x b` as a redirect with two destinations; for the shell
   * `b` is an argument of the command, so extra destinations are moved to `args`.
   */
  private redirects(nodes: readonly number[], args: ShellWord[], out: ShellRedirect[] = []): ShellRedirect[] {
    const t = this.tree;
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      const fdNode = t.childOfType(node, "file_descriptor");
      let opNode = -1;
      for (let c = t.first[node]; c >= 0 && opNode < 0; c = t.next[c]) {
        if (!t.named(c) && t.type(c) !== "$(" && t.type(c) !== ")") opNode = c;
      }
      const fd = fdNode >= 0 ? Number(this.text.slice(t.start[fdNode], t.end[fdNode])) : undefined;
      const operator = opNode >= 0 ? t.type(opNode) : "";
      if (t.type(node) === "heredoc_redirect") {
        out.push(this.heredocRedirect(node, operator, fd));
        // `cat <<EOF > file arg`: the nested redirect and its extra words.
        const nested: number[] = [];
        for (let c = t.first[node]; c >= 0; c = t.next[c]) if (REDIRECT_TYPES.has(t.type(c))) nested.push(c);
        if (nested.length > 0) this.redirects(nested, args, out);
        continue;
      }
      let target: ShellWord | undefined;
      let targetEnd = t.end[node];
      for (let c = t.first[node]; c >= 0; c = t.next[c]) {
        if (!t.named(c) || c === fdNode) continue;
        const word = makeWord(t, c, this.text, this.toSource);
        if (target) {
          args.push(word);
        } else {
          target = word;
          targetEnd = t.end[c];
        }
      }
      out.push({ operator, fd, target, range: this.range(t.start[node], targetEnd) });
    }
    return out;
  }

  private heredocRedirect(node: number, operator: string, fd: number | undefined): ShellRedirect {
    const t = this.tree;
    const start = t.childOfType(node, "heredoc_start");
    const bodyNode = t.childOfType(node, "heredoc_body");
    const endNode = t.childOfType(node, "heredoc_end");
    // The body runs from the line after the marker to the terminator line; tree-sitter's node
    // leaves out the tabs that `<<-` strips, the Dockerfile text keeps them.
    const bodyStart = bodyNode >= 0 ? this.text.lastIndexOf("\n", t.start[bodyNode] - 1) + 1 : undefined;
    const bodyEnd = endNode >= 0 ? this.text.lastIndexOf("\n", t.start[endNode] - 1) + 1 : bodyNode >= 0 ? t.end[bodyNode] : undefined;
    const body = bodyStart !== undefined && bodyEnd !== undefined && bodyEnd >= bodyStart ? { start: bodyStart, end: bodyEnd } : undefined;
    const redirect: ShellRedirect = {
      operator,
      fd,
      range: this.range(t.start[node], start >= 0 ? t.end[start] : t.end[node]),
    };
    if (start >= 0) {
      const target = makeWord(t, start, this.text, this.toSource);
      const delimiterRaw = this.text.slice(t.start[start], t.end[start]);
      redirect.target = target;
      redirect.heredoc = {
        delimiter: delimiterRaw.replace(/["'\\]/g, ""),
        expand: !/["'\\]/.test(delimiterRaw),
        chomp: operator === "<<-",
        body: body ? this.text.slice(body.start, body.end) : "",
        bodyRange: body ? this.range(body.start, body.end) : this.range(t.end[start], t.end[start]),
      };
    }
    return redirect;
  }

  private scanRedirects(nodes: readonly number[], ctx: ShellCommandContext): void {
    const t = this.tree;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const heredoc = t.type(n) === "heredoc_redirect";
      for (let c = t.first[n]; c >= 0; c = t.next[c]) {
        if (heredoc) {
          const type = t.type(c);
          // Commands nested in a heredoc redirect were already flattened into the list.
          if (t.named(c) && !type.startsWith("heredoc_") && !REDIRECT_TYPES.has(type)) continue;
          if (type === "heredoc_body" && !this.isExpandingHeredoc(n)) continue;
        }
        this.scanWord(c, ctx);
      }
    }
  }

  /** Finds `$( )`, backticks and `<( )` inside a word and walks their commands. */
  private scanWord(node: number, ctx: ShellCommandContext): void {
    const t = this.tree;
    const type = t.type(node);
    if (type === "command_substitution" || type === "process_substitution") {
      this.sequence(node, innerContext(ctx, IN_SUBSTITUTION, 1));
      return;
    }
    for (let c = t.first[node]; c >= 0; c = t.next[c]) if (t.named(c)) this.scanWord(c, ctx);
  }

  private redirectExtent(node: number): number {
    const t = this.tree;
    if (t.type(node) !== "heredoc_redirect") return t.end[node];
    const start = t.childOfType(node, "heredoc_start");
    return start >= 0 ? t.end[start] : t.start[node];
  }

  private isExpandingHeredoc(node: number): boolean {
    const t = this.tree;
    const start = t.childOfType(node, "heredoc_start");
    return start < 0 || !/["'\\]/.test(this.text.slice(t.start[start], t.end[start]));
  }
}
