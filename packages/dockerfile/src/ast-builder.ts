/**
 * Builds typed AST nodes for one scanned instruction. Called from the grammar's embedded actions; every
 * position it receives is a logical offset, mapped to the source here through the instruction's segments.
 */
import type { Range } from "@shipshape/text";
import type {
  ArgDeclaration, CommandForm, Flag, Heredoc, ImageReference, Instruction, JsonForm, KeyValuePair, Mount,
  MountField, ShellForm, VariableRef, Word,
} from "./ast.js";
import type { LineNode, Piece } from "./buildkit.js";
import { parseImageReference } from "./image.js";
import { splitCsv } from "./mount.js";
import { mapOffset, type ScannedInstruction } from "./scanner.js";
import { findVariables, type FoundVariable } from "./variables.js";

/** Anything the grammar hands over: a token's payload. */
export interface TokenLike {
  payload: Piece;
}

type Base = Omit<Extract<Instruction, { kind: "Unknown" }>, "kind">;

export class AstBuilder {
  ctx!: ScannedInstruction;
  text = "";

  /** Source range of logical `[start, end)`. */
  range(start: number, end: number): Range {
    const segs = this.ctx.segments;
    const s = mapOffset(segs, start);
    if (end <= start) return { start: s, end: s };
    return { start: s, end: Math.max(s, mapOffset(segs, end, true)) };
  }

  word(p: Piece): Word {
    return { value: p.value, range: this.range(p.start, p.end) };
  }

  private base(kwTok: TokenLike, flagToks: TokenLike[]): Base {
    const ctx = this.ctx;
    const node = (kwTok as unknown as { node: LineNode }).node;
    const top = node === ctx.node;
    const range = top ? { ...ctx.range } : this.range(node.keyword.start, Math.max(node.args.end, node.keyword.end));
    const base: Base = {
      range,
      keyword: node.keyword.value.toUpperCase(),
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
      emptyContinuationLines: ctx.emptyContinuationLines,
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

  private findFlag(base: Base, name: string): Flag | undefined {
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
    const base = this.base(kw, flags);
    let imageRef: ImageReference | undefined;
    if (image) {
      const p = image.payload;
      imageRef = parseImageReference(p.value, 0, (a, b) => this.range(p.start + a, p.start + b));
      this.vars(base.variables, p.start, p.end);
    }
    const platform = this.findFlag(base, "platform");
    this.flagVars(base.variables, platform, this.pieceOf(flags, "platform"));
    const node: Instruction = { ...base, kind: "From", extraArgs: extra.map((t) => this.word(t.payload)) };
    if (platform) node.platform = platform;
    if (imageRef) node.image = imageRef;
    if (as) node.asKeyword = this.word(as.payload);
    if (stage) node.stageName = this.word(stage.payload);
    return node;
  }

  run(kw: TokenLike, flags: TokenLike[], command?: CommandForm): Instruction {
    const base = this.base(kw, flags);
    const mounts: Mount[] = [];
    const devices: Flag[] = [];
    base.flags.forEach((f, i) => {
      if (f.name.value === "mount") mounts.push(this.mount(f, flags[i].payload, base.variables));
      else if (f.name.value === "device") devices.push(f);
    });
    const node: Instruction = { ...base, kind: "Run", mounts, devices };
    if (command) node.command = command;
    const network = this.findFlag(base, "network");
    const security = this.findFlag(base, "security");
    if (network) node.network = network;
    if (security) node.security = security;
    return node;
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
      if (val !== undefined) {
        const valueRange = plain ? this.range(rawValueStart + f.start + eq + 1, rawValueStart + f.end) : fieldRange;
        field.value = { value: val, range: valueRange };
        if (plain && key.toLowerCase() !== "from") this.vars(variables, rawValueStart + f.start + eq + 1, rawValueStart + f.end);
      }
      fields.push(field);
      const lower = key.toLowerCase();
      values[lower] = val ?? "";
      if (lower === "type" && val !== undefined) type = val.toLowerCase();
    }
    return { kind: "Mount", range: flag.range, flag, type, fields, values };
  }

  command(kind: "Cmd" | "Entrypoint" | "Shell", kw: TokenLike, flags: TokenLike[], command?: CommandForm): Instruction {
    const base = this.base(kw, flags);
    const node = { ...base, kind } as Instruction & { command?: CommandForm };
    if (command) node.command = command;
    return node;
  }

  copy(kind: "Copy" | "Add", kw: TokenLike, flags: TokenLike[], paths: TokenLike[], json: boolean): Instruction {
    const base = this.base(kw, flags);
    const words = paths.map((t) => this.word(t.payload));
    for (const t of paths) this.vars(base.variables, t.payload.start, t.payload.end);
    for (const name of ["chown", "chmod", "checksum"]) {
      if (name === "checksum" && kind !== "Add") continue;
      this.flagVars(base.variables, this.findFlag(base, name), this.pieceOf(flags, name));
    }
    const common = {
      ...base,
      paths: words,
      sources: words.slice(0, -1),
      json,
      exclude: base.flags.filter((f) => f.name.value === "exclude"),
    };
    const destination = words[words.length - 1];
    const set = (node: Record<string, unknown>, field: string, flag?: Flag) => {
      if (flag) node[field] = flag;
    };
    const node: Record<string, unknown> = { ...common, kind };
    if (destination) node.destination = destination;
    set(node, "chown", this.findFlag(base, "chown"));
    set(node, "chmod", this.findFlag(base, "chmod"));
    set(node, "link", this.findFlag(base, "link"));
    if (kind === "Copy") {
      set(node, "from", this.findFlag(base, "from"));
      set(node, "parents", this.findFlag(base, "parents"));
    } else {
      set(node, "checksum", this.findFlag(base, "checksum"));
      set(node, "keepGitDir", this.findFlag(base, "keep-git-dir"));
      set(node, "unpack", this.findFlag(base, "unpack"));
    }
    // COPY/ADD heredoc bodies are expanded when the delimiter is unquoted
    for (const h of base.heredocs) {
      if (!h.expand) continue;
      const found = findVariables(this.text, h.contentRange.start, h.contentRange.end, this.ctx.escape);
      for (const f of found) base.variables.push(this.variable(f, (a, b) => ({ start: a, end: b }), this.text));
    }
    return node as unknown as Instruction;
  }

  nameValue(kind: "Env" | "Label", kw: TokenLike, flags: TokenLike[], pairs: TokenLike[], legacy?: { key: TokenLike; value?: TokenLike }): Instruction {
    const base = this.base(kw, flags);
    const out: KeyValuePair[] = [];
    if (legacy) {
      const key = legacy.key.payload;
      const pair: KeyValuePair = { range: this.range(key.start, legacy.value?.payload.end ?? key.end), key: this.word(key), legacy: true };
      this.vars(base.variables, key.start, key.end);
      if (legacy.value) {
        pair.value = this.word(legacy.value.payload);
        this.vars(base.variables, legacy.value.payload.start, legacy.value.payload.end);
      }
      out.push(pair);
    }
    for (const t of pairs) {
      const { key, value } = (t as unknown as { pair: { key: Piece; value: Piece } }).pair;
      out.push({ range: this.range(key.start, value.end), key: this.word(key), value: this.word(value), legacy: false });
      this.vars(base.variables, key.start, key.end);
      this.vars(base.variables, value.start, value.end);
    }
    return { ...base, kind, pairs: out } as Instruction;
  }

  arg(kw: TokenLike, flags: TokenLike[], words: TokenLike[]): Instruction {
    const base = this.base(kw, flags);
    const declarations: ArgDeclaration[] = words.map((t) => {
      const p = t.payload;
      const raw = this.ctx.original.slice(p.start, p.end);
      const eq = raw.indexOf("=");
      const decl: ArgDeclaration = {
        range: this.range(p.start, p.end),
        name: this.word({ start: p.start, end: eq >= 0 ? p.start + eq : p.end, value: eq >= 0 ? raw.slice(0, eq) : p.value }),
      };
      if (eq >= 0) {
        decl.defaultValue = this.word({ start: p.start + eq + 1, end: p.end, value: p.value.slice(p.value.indexOf("=") + 1) });
        this.vars(base.variables, p.start + eq + 1, p.end);
      }
      return decl;
    });
    return { ...base, kind: "Arg", declarations };
  }

  expose(kw: TokenLike, flags: TokenLike[], words: TokenLike[]): Instruction {
    const base = this.base(kw, flags);
    for (const t of words) this.vars(base.variables, t.payload.start, t.payload.end);
    return { ...base, kind: "Expose", ports: words.map((t) => this.word(t.payload)) };
  }

  volume(kw: TokenLike, flags: TokenLike[], paths: TokenLike[], json: boolean): Instruction {
    const base = this.base(kw, flags);
    for (const t of paths) this.vars(base.variables, t.payload.start, t.payload.end);
    return { ...base, kind: "Volume", paths: paths.map((t) => this.word(t.payload)), json };
  }

  single(kind: "User" | "Workdir" | "Stopsignal" | "Maintainer", kw: TokenLike, flags: TokenLike[], arg?: TokenLike): Instruction {
    const base = this.base(kw, flags);
    if (!arg) return { ...base, kind } as Instruction;
    const p = arg.payload;
    if (kind !== "Maintainer") this.vars(base.variables, p.start, p.end);
    switch (kind) {
      case "User": {
        const colon = p.value.indexOf(":");
        if (colon < 0) return { ...base, kind, user: this.word(p) };
        return {
          ...base,
          kind,
          user: this.word({ start: p.start, end: p.start + colon, value: p.value.slice(0, colon) }),
          group: this.word({ start: p.start + colon + 1, end: p.end, value: p.value.slice(colon + 1) }),
        };
      }
      case "Workdir":
        return { ...base, kind, path: this.word(p) };
      case "Stopsignal":
        return { ...base, kind, signal: this.word(p) };
      default:
        return { ...base, kind, maintainer: this.word(p) };
    }
  }

  healthcheck(kw: TokenLike, flags: TokenLike[], type?: TokenLike, command?: CommandForm): Instruction {
    const base = this.base(kw, flags);
    const node: Instruction = { ...base, kind: "Healthcheck" };
    if (type) node.type = this.word(type.payload);
    if (command) node.command = command;
    return node;
  }

  onbuild(kw: TokenLike, flags: TokenLike[], trigger?: Instruction): Instruction {
    const base = this.base(kw, flags);
    const node: Instruction = { ...base, kind: "Onbuild" };
    if (trigger) {
      node.trigger = trigger;
      node.heredocs = trigger.heredocs;
      node.range.end = Math.max(node.range.end, trigger.range.end);
    }
    return node;
  }

  unknown(kw: TokenLike, flags: TokenLike[]): Instruction {
    return { ...this.base(kw, flags), kind: "Unknown" };
  }
}
