/**
 * Builds typed AST nodes for one scanned instruction. Called from the grammar's embedded actions; every
 * position it receives is a logical offset, mapped to the source here through the instruction's segments.
 */
import type { Range } from "@shipshape/text";
import type {
  ArgDeclaration, CommandForm, Flag, Heredoc, Instruction, JsonForm, KeyValuePair, Mount,
  MountField, ShellForm, VariableRef, Word,
} from "./ast.js";
import { upperKeyword, type LineNode, type Piece } from "./buildkit.js";
import { parseImageReference } from "./image.js";
import { splitCsv } from "./mount.js";
import { mapOffset, type ScannedInstruction } from "./scanner.js";
import { findVariables, type FoundVariable } from "./variables.js";

/** What the grammar hands over: a token with its BuildKit piece (and, for keywords, the whole line node). */
export interface TokenLike {
  payload: Piece;
  /** On keyword tokens: the instruction's BuildKit node. */
  node?: LineNode;
  /** On NameValue tokens: the value piece (the payload is the key). */
  value?: Piece;
}

type Base = Omit<Extract<Instruction, { kind: "Unknown" }>, "kind">;
/** An instruction under construction: the base fields, then the kind's own fields assigned in place. */
type Draft = Base & { kind: Instruction["kind"] } & Record<string, unknown>;

export class AstBuilder {
  ctx!: ScannedInstruction;
  text = "";
  /** Set when an empty range fell on a line join, where "after the previous text" is not "before the next". */
  ambiguousEmptyRange = false;

  /** Source range of logical `[start, end)`. */
  range(start: number, end: number): Range {
    const segs = this.ctx.segments;
    if (end <= start) {
      // an empty range sits right after the text before it (not at the start of the next physical line);
      // where those differ, the caller clamps it into its parent afterwards
      const at = mapOffset(segs, start, true);
      if (at !== mapOffset(segs, start)) this.ambiguousEmptyRange = true;
      return { start: at, end: at };
    }
    const s = mapOffset(segs, start);
    return { start: s, end: Math.max(s, mapOffset(segs, end, true)) };
  }

  word(p: Piece): Word {
    return { value: p.value, range: this.range(p.start, p.end) };
  }

  private base(kind: Instruction["kind"], kwTok: TokenLike, flagToks: TokenLike[]): Draft {
    const ctx = this.ctx;
    const node = kwTok.node!;
    const top = node === ctx.node;
    const range = top ? { start: ctx.range.start, end: ctx.range.end } : this.range(node.keyword.start, Math.max(node.args.end, node.keyword.end));
    const base: Draft = {
      kind,
      range,
      keyword: upperKeyword(node.keyword.value, node.lower),
      keywordWord: this.word(node.keyword),
      flags: flagToks.map((t) => this.flag(t.payload)),
      args: this.word(node.args),
      original: ctx.original,
      segments: ctx.segments,
      startLine: ctx.startLine,
      endLine: ctx.endLine,
      heredocs: [],
      variables: [],
      prevComments: ctx.prevComments,
      // blank continuation lines belong to the outer ONBUILD, whose range holds them
      emptyContinuationLines: top ? ctx.emptyContinuationLines : [],
    };
    if (!top) base.parentOnbuild = true;
    const heredocOwner = node === ctx.node || node === ctx.node.sub;
    if (heredocOwner && ctx.heredocs.length > 0 && !(node.lower === "onbuild")) {
      base.heredocs = ctx.heredocs.map((h) => this.heredoc(h));
      const last = ctx.heredocs[ctx.heredocs.length - 1];
      base.range.end = Math.max(base.range.end, last.terminatorRange?.end ?? last.contentRange.end);
    }
    return base;
  }

  private heredoc(h: ScannedInstruction["heredocs"][number]): Heredoc {
    const marker = this.range(h.marker.start, h.marker.end);
    const end = h.terminatorRange?.end ?? h.contentRange.end;
    const heredoc: Heredoc = {
      kind: "Heredoc",
      range: { start: marker.start, end: Math.max(end, marker.end) },
      name: h.marker.name,
      marker: { value: h.marker.raw, range: marker },
      fileDescriptor: h.marker.fileDescriptor,
      chomp: h.marker.chomp,
      expand: h.marker.expand,
      content: h.content,
      contentRange: h.contentRange,
    };
    if (h.terminatorRange) heredoc.terminatorRange = h.terminatorRange;
    return heredoc;
  }

  flag(p: Piece): Flag {
    const raw = this.ctx.original.slice(p.start, p.end);
    const rawEq = raw.indexOf("=");
    const eq = p.value.indexOf("=");
    const nameEnd = rawEq >= 0 ? p.start + rawEq : p.end;
    const flag: Flag = {
      kind: "Flag",
      range: this.range(p.start, p.end),
      name: { value: p.value.slice(2, eq >= 0 ? eq : undefined), range: this.range(Math.min(p.start + 2, nameEnd), nameEnd) },
      text: p.value,
    };
    if (eq >= 0) {
      const vs = rawEq >= 0 ? p.start + rawEq + 1 : p.end;
      flag.value = { value: p.value.slice(eq + 1), range: this.range(vs, p.end) };
    }
    return flag;
  }

  /** Variable references in logical `[start, end)`. */
  private vars(out: VariableRef[], start: number, end: number): void {
    const found = findVariables(this.ctx.original, start, end, this.ctx.escape);
    for (const f of found) out.push(this.variable(f, (a, b) => this.range(a, b), this.ctx.original));
  }

  private variable(f: FoundVariable, map: (a: number, b: number) => Range, source: string): VariableRef {
    const ref: VariableRef = {
      kind: "VariableRef",
      range: map(f.start, f.end),
      name: f.name,
      nameRange: map(f.nameStart, f.nameStart + f.name.length),
      braced: f.braced,
    };
    if (f.modifier) ref.modifier = f.modifier;
    if (f.word) ref.word = { value: source.slice(f.word.start, f.word.end), range: map(f.word.start, f.word.end) };
    if (f.replacement) {
      ref.replacement = {
        value: source.slice(f.replacement.start, f.replacement.end),
        range: map(f.replacement.start, f.replacement.end),
      };
    }
    return ref;
  }

  private flagVars(out: VariableRef[], flag: Flag | undefined, p?: Piece): void {
    if (!flag?.value || !p) return;
    const raw = this.ctx.original.slice(p.start, p.end);
    const eq = raw.indexOf("=");
    if (eq >= 0) this.vars(out, p.start + eq + 1, p.end);
  }

  private pieceOf(flags: TokenLike[], name: string): Piece | undefined {
    for (const t of flags) {
      const v = t.payload.value;
      if (v.startsWith(`--${name}=`) || v === `--${name}`) return t.payload;
    }
    return undefined;
  }

  private findFlag(base: Draft, name: string): Flag | undefined {
    return base.flags.find((f) => f.name.value === name);
  }

  // ---- command forms ----

  jsonForm(open: TokenLike, strings: TokenLike[], close: TokenLike): JsonForm {
    return {
      kind: "JsonForm",
      range: this.range(open.payload.start, close.payload.end),
      elements: strings.map((s) => this.word(s.payload)),
    };
  }

  shellForm(tok: TokenLike): ShellForm {
    const p = tok.payload;
    return { kind: "ShellForm", range: this.range(p.start, p.end), value: p.value, logicalOffset: p.start };
  }

  // ---- instructions ----

  from(kw: TokenLike, flags: TokenLike[], image?: TokenLike, as?: TokenLike, stage?: TokenLike, extra: TokenLike[] = []): Instruction {
    const node = this.base("From", kw, flags);
    node.extraArgs = extra.map((t) => this.word(t.payload));
    const platform = this.findFlag(node, "platform");
    if (platform) {
      node.platform = platform;
      this.flagVars(node.variables, platform, this.pieceOf(flags, "platform"));
    }
    if (image) {
      const p = image.payload;
      node.image = parseImageReference(p.value, 0, (a, b) => this.range(p.start + a, p.start + b));
      this.vars(node.variables, p.start, p.end);
    }
    if (as) node.asKeyword = this.word(as.payload);
    if (stage) node.stageName = this.word(stage.payload);
    return node as unknown as Instruction;
  }

  run(kw: TokenLike, flags: TokenLike[], command?: CommandForm): Instruction {
    const node = this.base("Run", kw, flags);
    const mounts: Mount[] = [];
    const devices: Flag[] = [];
    const all = node.flags;
    for (let i = 0; i < all.length; i++) {
      const f = all[i];
      const name = f.name.value;
      if (name === "mount") mounts.push(this.mount(f, flags[i].payload, node.variables));
      else if (name === "device") devices.push(f);
      else if (name === "network") node.network ??= f;
      else if (name === "security") node.security ??= f;
    }
    node.mounts = mounts;
    node.devices = devices;
    if (command) node.command = command;
    return node as unknown as Instruction;
  }

  private mount(flag: Flag, p: Piece, variables: VariableRef[]): Mount {
    const value = flag.value?.value ?? "";
    const raw = this.ctx.original.slice(p.start, p.end);
    const rawEq = raw.indexOf("=");
    const rawValueStart = p.start + rawEq + 1;
    // exact positions only when BuildKit's flag processing left the value as written
    const exact = rawEq >= 0 && raw.slice(rawEq + 1) === value;
    const fields: MountField[] = [];
    const values: Record<string, string> = {};
    let type = "bind";
    for (const f of splitCsv(value)) {
      const eq = f.text.indexOf("=");
      const key = eq >= 0 ? f.text.slice(0, eq) : f.text;
      const val = eq >= 0 ? f.text.slice(eq + 1) : undefined;
      const fieldRange = exact ? this.range(rawValueStart + f.start, rawValueStart + f.end) : flag.value!.range;
      const plain = exact && f.text === value.slice(f.start, f.end);
      const keyRange = plain ? this.range(rawValueStart + f.start, rawValueStart + f.start + key.length) : fieldRange;
      const field: MountField = { range: fieldRange, key: { value: key, range: keyRange } };
      const lower = key.toLowerCase();
      if (val !== undefined) {
        const valueRange = plain ? this.range(rawValueStart + f.start + eq + 1, rawValueStart + f.end) : fieldRange;
        field.value = { value: val, range: valueRange };
        if (plain && lower !== "from") this.vars(variables, rawValueStart + f.start + eq + 1, rawValueStart + f.end);
      }
      fields.push(field);
      // a define, not an assignment: a field named `__proto__` must stay a plain key
      Object.defineProperty(values, lower, { value: val ?? "", enumerable: true, writable: true, configurable: true });
      if (lower === "type" && val !== undefined) type = val.toLowerCase();
    }
    return { kind: "Mount", range: flag.range, flag, type, fields, values };
  }

  command(kind: "Cmd" | "Entrypoint" | "Shell", kw: TokenLike, flags: TokenLike[], command?: CommandForm): Instruction {
    const node = this.base(kind, kw, flags);
    if (command) node.command = command;
    return node as unknown as Instruction;
  }

  copy(kind: "Copy" | "Add", kw: TokenLike, flags: TokenLike[], paths: TokenLike[], json: boolean): Instruction {
    const node = this.base(kind, kw, flags);
    const words = paths.map((t) => this.word(t.payload));
    for (const t of paths) this.vars(node.variables, t.payload.start, t.payload.end);
    node.paths = words;
    node.sources = words.slice(0, -1);
    if (words.length > 0) node.destination = words[words.length - 1];
    node.json = json;
    const exclude: Flag[] = [];
    node.exclude = exclude;
    const all = node.flags;
    for (let i = 0; i < all.length; i++) {
      const f = all[i];
      const name = f.name.value;
      let field: string | undefined;
      switch (name) {
        case "exclude": exclude.push(f); continue;
        case "chown": case "chmod": case "link": field = name; break;
        case "from": case "parents": if (kind === "Copy") field = name; break;
        case "checksum": case "unpack": if (kind === "Add") field = name; break;
        case "keep-git-dir": if (kind === "Add") field = "keepGitDir"; break;
      }
      if (!field || node[field] !== undefined) continue;
      node[field] = f;
      if (name === "chown" || name === "chmod" || name === "checksum") this.flagVars(node.variables, f, flags[i].payload);
    }
    // COPY/ADD heredoc bodies are expanded when the delimiter is unquoted
    for (const h of node.heredocs) {
      if (!h.expand) continue;
      const found = findVariables(this.text, h.contentRange.start, h.contentRange.end, this.ctx.escape);
      for (const f of found) node.variables.push(this.variable(f, (a, b) => ({ start: a, end: b }), this.text));
    }
    return node as unknown as Instruction;
  }

  nameValue(kind: "Env" | "Label", kw: TokenLike, flags: TokenLike[], pairs: TokenLike[], legacy?: { key: TokenLike; value?: TokenLike }): Instruction {
    const node = this.base(kind, kw, flags);
    const out: KeyValuePair[] = [];
    if (legacy) {
      const key = legacy.key.payload;
      const pair: KeyValuePair = { range: this.range(key.start, legacy.value?.payload.end ?? key.end), key: this.word(key), legacy: true };
      this.vars(node.variables, key.start, key.end);
      if (legacy.value) {
        pair.value = this.word(legacy.value.payload);
        this.vars(node.variables, legacy.value.payload.start, legacy.value.payload.end);
      }
      out.push(pair);
    }
    for (const t of pairs) {
      const key = t.payload;
      const value = t.value!;
      out.push({ range: this.range(key.start, value.end), key: this.word(key), value: this.word(value), legacy: false });
      this.vars(node.variables, key.start, key.end);
      this.vars(node.variables, value.start, value.end);
    }
    node.pairs = out;
    return node as unknown as Instruction;
  }

  arg(kw: TokenLike, flags: TokenLike[], words: TokenLike[]): Instruction {
    const node = this.base("Arg", kw, flags);
    node.declarations = words.map((t) => {
      const p = t.payload;
      const raw = this.ctx.original.slice(p.start, p.end);
      const eq = raw.indexOf("=");
      const decl: ArgDeclaration = {
        range: this.range(p.start, p.end),
        name: this.word({ start: p.start, end: eq >= 0 ? p.start + eq : p.end, value: eq >= 0 ? raw.slice(0, eq) : p.value }),
      };
      if (eq >= 0) {
        decl.defaultValue = this.word({ start: p.start + eq + 1, end: p.end, value: p.value.slice(p.value.indexOf("=") + 1) });
        this.vars(node.variables, p.start + eq + 1, p.end);
      }
      return decl;
    });
    return node as unknown as Instruction;
  }

  expose(kw: TokenLike, flags: TokenLike[], words: TokenLike[]): Instruction {
    const node = this.base("Expose", kw, flags);
    for (const t of words) this.vars(node.variables, t.payload.start, t.payload.end);
    node.ports = words.map((t) => this.word(t.payload));
    return node as unknown as Instruction;
  }

  volume(kw: TokenLike, flags: TokenLike[], paths: TokenLike[], json: boolean): Instruction {
    const node = this.base("Volume", kw, flags);
    for (const t of paths) this.vars(node.variables, t.payload.start, t.payload.end);
    node.paths = paths.map((t) => this.word(t.payload));
    node.json = json;
    return node as unknown as Instruction;
  }

  single(kind: "User" | "Workdir" | "Stopsignal" | "Maintainer", kw: TokenLike, flags: TokenLike[], arg?: TokenLike): Instruction {
    const node = this.base(kind, kw, flags);
    if (!arg) return node as unknown as Instruction;
    const p = arg.payload;
    if (kind !== "Maintainer") this.vars(node.variables, p.start, p.end);
    switch (kind) {
      case "User": {
        const colon = p.value.indexOf(":");
        if (colon < 0) node.user = this.word(p);
        else {
          node.user = this.word({ start: p.start, end: p.start + colon, value: p.value.slice(0, colon) });
          node.group = this.word({ start: p.start + colon + 1, end: p.end, value: p.value.slice(colon + 1) });
        }
        break;
      }
      case "Workdir":
        node.path = this.word(p);
        break;
      case "Stopsignal":
        node.signal = this.word(p);
        break;
      default:
        node.maintainer = this.word(p);
    }
    return node as unknown as Instruction;
  }

  healthcheck(kw: TokenLike, flags: TokenLike[], type?: TokenLike, command?: CommandForm): Instruction {
    const node = this.base("Healthcheck", kw, flags);
    if (type) node.type = this.word(type.payload);
    if (command) node.command = command;
    return node as unknown as Instruction;
  }

  onbuild(kw: TokenLike, flags: TokenLike[], trigger?: Instruction): Instruction {
    const node = this.base("Onbuild", kw, flags);
    if (trigger) {
      node.trigger = trigger;
      node.heredocs = trigger.heredocs;
      node.range.end = Math.max(node.range.end, trigger.range.end);
    }
    return node as unknown as Instruction;
  }

  unknown(kw: TokenLike, flags: TokenLike[]): Instruction {
    return this.base("Unknown", kw, flags) as unknown as Instruction;
  }
}
