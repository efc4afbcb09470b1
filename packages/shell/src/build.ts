import type { SyntaxNode } from "./syntax.js";
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
  node: SyntaxNode;
  redirects: SyntaxNode[];
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
  redirects: SyntaxNode[];
}

/** Sorts `list` in place unless it is already in order (the usual case: nodes come in source order). */
export function sortInPlace<T>(list: T[], compare: (a: T, b: T) => number): void {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1], list[i]) > 0) {
      list.sort(compare);
      return;
    }
  }
}

const byScriptStart = (a: { scriptRange: { start: number } }, b: { scriptRange: { start: number } }) => a.scriptRange.start - b.scriptRange.start;

/** Called after each named command, so `sh -c '...'` scripts can be parsed as nested scripts. */
export type NestedShellHook = (cmd: ShellCommand, ctx: ShellCommandContext) => void;

/** Turns a copied bash syntax tree into commands, pipelines, comments and errors. */
export class ScriptBuilder {
  readonly commands: ShellCommand[] = [];
  readonly pipelines: ShellPipeline[] = [];
  readonly comments: ShellComment[] = [];
  readonly errors: ShellSyntaxError[] = [];

  constructor(
    private readonly text: string,
    private readonly toSource: ToSource,
    private readonly nested?: NestedShellHook,
  ) {}

  build(root: SyntaxNode, ctx: ShellCommandContext, hasError: boolean): void {
    this.collectCommentsAndErrors(root, hasError);
    this.sequence(root, ctx);
  }

  private range(start: number, end: number) {
    return mapRange(this.toSource, start, end);
  }

  private collectCommentsAndErrors(root: SyntaxNode, hasError: boolean): void {
    // Without errors only comments are collected, and there is none without a `#`.
    if (!hasError && !this.text.includes("#")) return;
    this.collectFrom(root, hasError);
    sortInPlace(this.comments, byScriptStart);
    sortInPlace(this.errors, byScriptStart);
  }

  /** Comments (and, in a tree with errors, error and missing nodes) of `node` and below, in preorder. */
  private collectFrom(node: SyntaxNode, hasError: boolean): void {
    if (node.type === "comment") {
      this.comments.push({
        text: this.text.slice(node.start + 1, node.end),
        range: this.range(node.start, node.end),
        scriptRange: { start: node.start, end: node.end },
      });
    } else if (hasError && node.type === "ERROR") {
      this.errors.push(this.error(node, "Shell syntax error"));
    } else if (hasError && node.missing) {
      this.errors.push(this.error(node, `Shell syntax error: missing '${node.type}'`));
    }
    const children = node.children;
    for (let i = 0; i < children.length; i++) this.collectFrom(children[i], hasError);
  }

  private error(node: SyntaxNode, message: string): ShellSyntaxError {
    return { message, range: this.range(node.start, node.end), scriptRange: { start: node.start, end: node.end } };
  }

  /** A container of statements: the program, a body, a subshell, a substitution, a compound command. */
  private sequence(node: SyntaxNode, ctx: ShellCommandContext): void {
    const items: Item[] = [];
    const state = { pending: undefined as ShellConnector | undefined, boundary: true };
    this.flatten(node, items, state, ctx);
    this.processItems(items, ctx);
  }

  /**
   * Flattens nested `list` and `pipeline` nodes (and the commands tree-sitter nests inside a heredoc
   * redirect, as in `cat <<EOF | sh && x`) into one statement list with operators.
   */
  private flatten(node: SyntaxNode, items: Item[], state: { pending?: ShellConnector; boundary: boolean }, ctx: ShellCommandContext): void {
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (!child.named) {
        const op = OPERATORS[child.type];
        if (op) {
          this.operator(op, items, state);
        } else if (child.type !== "!") {
          // A keyword such as `then`, `do`, `(` or `$(` starts a new statement list.
          state.pending = undefined;
          state.boundary = true;
        }
        continue;
      }
      switch (child.type) {
        case "comment":
          continue;
        case "list":
        case "pipeline":
          this.flatten(child, items, state, ctx);
          continue;
        case "negated_command": {
          const before = items.length;
          this.flatten(child, items, state, ctx);
          if (items.length > before) items[before].negated = true;
          continue;
        }
        case "redirected_statement":
          this.flattenRedirected(child, items, state, ctx);
          continue;
      }
      if (WORD_TYPES.has(child.type) || child.type === "heredoc_body" || REDIRECT_TYPES.has(child.type) || child.type === "array") {
        // Words of `for x in ...`, `case $x in`, a function name: not statements, but may hold substitutions.
        this.scanWord(child, ctx);
        continue;
      }
      this.pushItem(items, state, child, []);
    }
  }

  private operator(op: ShellConnector, items: Item[], state: { pending?: ShellConnector; boundary: boolean }): void {
    state.pending = op;
    // `&` ends the statement before it, which then runs in the background.
    if (op === "&" && !state.boundary && items.length > 0) items[items.length - 1].background = true;
  }

  private pushItem(items: Item[], state: { pending?: ShellConnector; boundary: boolean }, node: SyntaxNode, redirects: SyntaxNode[]): void {
    const op = state.pending ?? (state.boundary || items.length === 0 ? undefined : "newline");
    items.push({ op, node, redirects, negated: false, background: false });
    state.pending = undefined;
    state.boundary = false;
  }

  private flattenRedirected(node: SyntaxNode, items: Item[], state: { pending?: ShellConnector; boundary: boolean }, ctx: ShellCommandContext): void {
    const redirects = node.children.filter((c) => REDIRECT_TYPES.has(c.type));
    const body = node.children.find((c) => c.named && !REDIRECT_TYPES.has(c.type) && c.type !== "comment");
    if (body) {
      if (body.type === "list" || body.type === "pipeline" || body.type === "redirected_statement" || body.type === "negated_command") {
        // The redirects belong to the last statement of the body (`a && cat <<EOF`).
        const before = items.length;
        const wrapper: SyntaxNode = { ...node, children: [body] };
        this.flatten(wrapper, items, state, ctx);
        if (items.length > before) items[items.length - 1].redirects.push(...redirects);
      } else {
        this.pushItem(items, state, body, redirects);
      }
    }
    // Statements that tree-sitter nests inside a heredoc redirect continue the list.
    for (const r of redirects) {
      if (r.type !== "heredoc_redirect") continue;
      for (const c of r.children) {
        if (!c.named) {
          const op = OPERATORS[c.type];
          if (op) this.operator(op, items, state);
          continue;
        }
        if (c.type === "list" || c.type === "pipeline") this.flatten(c, items, state, ctx);
        else if (c.type === "redirected_statement") this.flattenRedirected(c, items, state, ctx);
        else if (!REDIRECT_TYPES.has(c.type) && !c.type.startsWith("heredoc_") && c.type !== "comment") this.pushItem(items, state, c, []);
      }
    }
  }

  private processItems(items: Item[], ctx: ShellCommandContext): void {
    let i = 0;
    while (i < items.length) {
      let j = i + 1;
      while (j < items.length && (items[j].op === "|" || items[j].op === "|&")) j++;
      let pipeline: ShellPipeline | undefined;
      if (j - i > 1) {
        const start = items[i].node.start;
        const end = items[j - 1].node.end;
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

  private statement(node: SyntaxNode, ctx: ShellCommandContext, place: Placement): void {
    switch (node.type) {
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
        this.sequence(node, { ...ctx, inSubshell: true, depth: ctx.depth + 1 });
        return;
      case "function_definition":
        this.sequence(node, { ...ctx, inFunction: true });
        return;
      case "if_statement": case "elif_clause": case "else_clause": case "while_statement": case "for_statement":
      case "c_style_for_statement": case "case_statement": case "case_item":
        this.scanRedirects(place.redirects, ctx);
        this.sequence(node, { ...ctx, inCompound: true });
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

  private newCommand(start: number, end: number, ctx: ShellCommandContext, place: Placement): ShellCommand {
    const cmd: ShellCommand = {
      args: [],
      assignments: [],
      redirects: [],
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

  private command(node: SyntaxNode, ctx: ShellCommandContext, place: Placement): void {
    const args: ShellWord[] = [];
    const redirectNodes: SyntaxNode[] = [];
    const assignments: ShellAssignment[] = [];
    let name: ShellWord | undefined;
    let nameNode: SyntaxNode | undefined;
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.type === "command_name") {
        const inner = child.children.length === 1 ? child.children[0] : child;
        nameNode = inner;
        name = makeWord(inner, this.text, this.toSource);
      } else if (child.type === "variable_assignment") {
        assignments.push(this.assignment(child));
      } else if (REDIRECT_TYPES.has(child.type)) {
        redirectNodes.push(child);
      } else if (child.named && child.type !== "comment") {
        args.push(makeWord(child, this.text, this.toSource));
      }
    }
    for (const r of place.redirects) redirectNodes.push(r);
    const redirects = this.redirects(redirectNodes, args);
    sortInPlace(args, byScriptStart);
    let end = node.end;
    for (const r of redirectNodes) end = Math.max(end, redirectExtent(r));
    const cmd = this.newCommand(node.start, end, ctx, place);
    cmd.name = name;
    cmd.args = args;
    cmd.assignments = assignments;
    cmd.redirects = redirects;
    this.commands.push(cmd);
    // Substitutions inside the command's words run as commands of their own.
    if (nameNode) this.scanWord(nameNode, ctx);
    for (let i = 0; i < children.length; i++) if (children[i].type !== "command_name") this.scanWord(children[i], ctx);
    this.scanRedirects(place.redirects, ctx);
    if (name && this.nested) this.nested(cmd, ctx);
  }

  /** `export A=1 B`, `local -r x=$(pwd)`, `unset X`: the keyword is the name, the operands are args. */
  private declaration(node: SyntaxNode, ctx: ShellCommandContext, place: Placement): void {
    const keyword = node.children.find((c) => !c.named);
    const cmd = this.newCommand(node.start, node.end, ctx, place);
    if (keyword) cmd.name = makeWord(keyword, this.text, this.toSource);
    for (const child of node.children) {
      if (!child.named || child === keyword || child.type === "comment") continue;
      if (REDIRECT_TYPES.has(child.type)) continue;
      cmd.args.push(child.type === "variable_assignment"
        ? makeSpanWord(child.children, this.text, this.toSource)
        : makeWord(child, this.text, this.toSource));
    }
    const redirectNodes = [...node.children.filter((c) => REDIRECT_TYPES.has(c.type)), ...place.redirects];
    cmd.redirects = this.redirects(redirectNodes, cmd.args);
    this.commands.push(cmd);
    for (const child of node.children) this.scanWord(child, ctx);
    this.scanRedirects(place.redirects, ctx);
  }

  private assignmentOnly(node: SyntaxNode, ctx: ShellCommandContext, place: Placement): void {
    const cmd = this.newCommand(node.start, node.end, ctx, place);
    const nodes = node.type === "variable_assignment" ? [node] : node.children.filter((c) => c.type === "variable_assignment");
    cmd.assignments = nodes.map((n) => this.assignment(n));
    cmd.redirects = this.redirects(place.redirects, cmd.args);
    this.commands.push(cmd);
    this.scanWord(node, ctx);
    this.scanRedirects(place.redirects, ctx);
  }

  private assignment(node: SyntaxNode): ShellAssignment {
    const nameNode = node.children[0];
    const op = node.children.find((c) => !c.named && (c.type === "=" || c.type === "+="));
    // The value is whatever follows the operator (`NAME=` has none).
    const valueNode = op ? node.children.find((c) => c.start >= op.end && c.type !== "comment") : undefined;
    const nameEnd = op ? op.start : nameNode?.end ?? node.start;
    const nameStart = nameNode?.start ?? node.start;
    return {
      name: this.text.slice(nameStart, nameEnd),
      nameRange: this.range(nameStart, nameEnd),
      value: valueNode ? makeWord(valueNode, this.text, this.toSource) : undefined,
      append: op?.type === "+=",
      range: this.range(node.start, node.end),
    };
  }

  /**
   * Builds redirects. tree-sitter reads `>x b` as a redirect with two destinations; for the shell
   * `b` is an argument of the command, so extra destinations are moved to `args`.
   */
  private redirects(nodes: SyntaxNode[], args: ShellWord[]): ShellRedirect[] {
    const out: ShellRedirect[] = [];
    for (const node of nodes) {
      const fdNode = node.children.find((c) => c.type === "file_descriptor");
      const opNode = node.children.find((c) => !c.named && c.type !== "$(" && c.type !== ")");
      const fd = fdNode ? Number(this.text.slice(fdNode.start, fdNode.end)) : undefined;
      const operator = opNode?.type ?? "";
      if (node.type === "heredoc_redirect") {
        const start = node.children.find((c) => c.type === "heredoc_start");
        const bodyNode = node.children.find((c) => c.type === "heredoc_body");
        const endNode = node.children.find((c) => c.type === "heredoc_end");
        // The body runs from the line after the marker to the terminator line; tree-sitter's node
        // leaves out the tabs that `<<-` strips, the Dockerfile text keeps them.
        const bodyStart = bodyNode ? this.text.lastIndexOf("\n", bodyNode.start - 1) + 1 : undefined;
        const bodyEnd = endNode ? this.text.lastIndexOf("\n", endNode.start - 1) + 1 : bodyNode?.end;
        const body = bodyStart !== undefined && bodyEnd !== undefined && bodyEnd >= bodyStart ? { start: bodyStart, end: bodyEnd } : undefined;
        const redirect: ShellRedirect = {
          operator,
          fd,
          range: this.range(node.start, start ? start.end : node.end),
        };
        if (start) {
          const target = makeWord(start, this.text, this.toSource);
          const delimiterRaw = this.text.slice(start.start, start.end);
          redirect.target = target;
          redirect.heredoc = {
            delimiter: delimiterRaw.replace(/["'\\]/g, ""),
            expand: !/["'\\]/.test(delimiterRaw),
            chomp: operator === "<<-",
            body: body ? this.text.slice(body.start, body.end) : "",
            bodyRange: body ? this.range(body.start, body.end) : this.range(start.end, start.end),
          };
        }
        out.push(redirect);
        // `cat <<EOF > file arg`: the nested redirect and its extra words.
        const nestedRedirects = node.children.filter((c) => REDIRECT_TYPES.has(c.type));
        out.push(...this.redirects(nestedRedirects, args));
        continue;
      }
      const destinations = node.children.filter((c) => c.named && c !== fdNode);
      const target = destinations[0] ? makeWord(destinations[0], this.text, this.toSource) : undefined;
      for (const extra of destinations.slice(1)) args.push(makeWord(extra, this.text, this.toSource));
      out.push({ operator, fd, target, range: this.range(node.start, destinations[0]?.end ?? node.end) });
    }
    return out;
  }

  private scanRedirects(nodes: SyntaxNode[], ctx: ShellCommandContext): void {
    for (const n of nodes) {
      for (const c of n.children) {
        // Commands nested in a heredoc redirect were already flattened into the list.
        if (n.type === "heredoc_redirect" && c.named && !c.type.startsWith("heredoc_") && !REDIRECT_TYPES.has(c.type)) continue;
        if (n.type === "heredoc_redirect" && c.type === "heredoc_body" && !isExpandingHeredoc(n, this.text)) continue;
        this.scanWord(c, ctx);
      }
    }
  }

  /** Finds `$( )`, backticks and `<( )` inside a word and walks their commands. */
  private scanWord(node: SyntaxNode, ctx: ShellCommandContext): void {
    if (node.type === "command_substitution" || node.type === "process_substitution") {
      this.sequence(node, { ...ctx, inSubstitution: true, depth: ctx.depth + 1 });
      return;
    }
    const children = node.children;
    for (let i = 0; i < children.length; i++) if (children[i].named) this.scanWord(children[i], ctx);
  }
}

function redirectExtent(node: SyntaxNode): number {
  if (node.type !== "heredoc_redirect") return node.end;
  const start = node.children.find((c) => c.type === "heredoc_start");
  return start ? start.end : node.start;
}

function isExpandingHeredoc(node: SyntaxNode, text: string): boolean {
  const start = node.children.find((c) => c.type === "heredoc_start");
  return !start || !/["'\\]/.test(text.slice(start.start, start.end));
}
