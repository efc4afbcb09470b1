/**
 * Moving an instruction node to where an equal instruction now is (`sameScanMoved`): a copy with every
 * source range and line number moved, about half the work of tokenizing, parsing and building it again. An
 * editor re-parses after every keystroke, and every instruction after the edit has moved.
 */
import type { Range } from "@shipshape/text";
import type {
  ArgDeclaration, CommandForm, Flag, Heredoc, ImageReference, Instruction, KeyValuePair, Mount, MountField, VariableRef, Word,
} from "./ast.js";
import type { ScannedInstruction } from "./scanner.js";

/**
 * A copy of `node` (built from `from`) as the builder would make it from `to`, or undefined for a node with
 * a field this copier does not know (the caller then builds it). The copy has the node's keys in the node's
 * order; what the node shares with its scan (segments, comments above it, blank continuation lines, heredoc
 * body ranges) is `to`'s, and what it shares within itself (flags named by a field, a mount's flag and
 * range, COPY's sources and destination, ONBUILD's heredocs) stays shared.
 */
export function movedNode(node: Instruction, from: ScannedInstruction, to: ScannedInstruction): Instruction | undefined {
  try {
    const copy = new Mover(to.range.start - from.range.start, to.startLine - from.startLine, from, to).instruction(node);
    if (copy) {
      copies.add(copy);
      if (copy.kind === "Onbuild" && copy.trigger) copies.add(copy.trigger);
    }
    return copy;
  } catch {
    // a node of a shape this copier does not expect: build it instead
    return undefined;
  }
}

const copies = new WeakSet<Instruction>();

/**
 * True for a node a re-parse with `previous` copied from the earlier parse because its instruction only
 * moved (an editor's keystroke above it). What a consumer learnt from the earlier node's text holds for
 * it too; a consumer keying such knowledge by text need look it up only for these nodes.
 */
export function isMovedCopy(node: Instruction): boolean {
  return copies.has(node);
}

type Fields = Record<string, unknown>;

/** The fields every instruction node starts with, in the order `AstBuilder.base` makes them. */
const BASE_KEYS = [
  "kind", "range", "keyword", "keywordWord", "flags", "args", "original", "segments", "startLine", "endLine", "heredocs",
  "variables", "prevComments", "emptyContinuationLines",
];

class Mover {
  constructor(
    private readonly shift: number,
    private readonly lines: number,
    private readonly from: ScannedInstruction,
    private readonly to: ScannedInstruction,
  ) {}

  instruction(node: Instruction): Instruction | undefined {
    const source = node as unknown as Fields;
    if (node.segments !== this.from.segments || node.prevComments !== this.from.prevComments) return undefined;
    let trigger: Instruction | undefined;
    if (node.kind === "Onbuild" && node.trigger) {
      trigger = this.instruction(node.trigger);
      if (!trigger) return undefined;
    }
    const flags = node.flags.map((f) => this.flag(f));
    // the base fields in the builder's order, as one literal: the copy gets the built node's hidden class,
    // so code reading nodes sees one shape for both (keyed stores of them all made a slow dictionary object)
    const out = {
      kind: node.kind,
      range: this.range(node.range),
      keyword: node.keyword,
      keywordWord: this.word(node.keywordWord),
      flags,
      args: this.word(node.args),
      original: node.original,
      segments: this.to.segments,
      startLine: node.startLine + this.lines,
      endLine: node.endLine + this.lines,
      heredocs: trigger && node.heredocs === (node as { trigger?: Instruction }).trigger?.heredocs
        ? trigger.heredocs
        : node.heredocs.map((h, i) => this.heredoc(h, i)),
      variables: node.variables.map((v) => this.variable(v)),
      prevComments: this.to.prevComments,
      // an ONBUILD trigger has its own empty list; the outer instruction has the scan's
      emptyContinuationLines: node.emptyContinuationLines === this.from.emptyContinuationLines ? this.to.emptyContinuationLines : [],
    } as Fields;
    const flag = (f: unknown): Flag | undefined => {
      const i = node.flags.indexOf(f as Flag);
      return i >= 0 ? flags[i] : undefined;
    };
    let paths: Word[] | undefined;
    // the kind's own fields in the node's order (a RUN's `network` and `security` follow its flags' order),
    // each stored by name: a store by a computed key was half of the copy's time
    let k = 0;
    for (const key in source) {
      // the base fields, checked by name (a field added to the builder's base must be copied above)
      if (k < BASE_KEYS.length) {
        if (key !== BASE_KEYS[k++]) return undefined;
        continue;
      }
      switch (key) {
        case "parentOnbuild":
          out.parentOnbuild = source.parentOnbuild;
          break;
        case "json":
          out.json = source.json;
          break;
        case "trigger":
          out.trigger = trigger;
          break;
        case "command":
          out.command = this.command(source.command as CommandForm);
          break;
        case "asKeyword":
          out.asKeyword = this.word(source.asKeyword as Word);
          break;
        case "stageName":
          out.stageName = this.word(source.stageName as Word);
          break;
        case "user":
          out.user = this.word(source.user as Word);
          break;
        case "group":
          out.group = this.word(source.group as Word);
          break;
        case "path":
          out.path = this.word(source.path as Word);
          break;
        case "signal":
          out.signal = this.word(source.signal as Word);
          break;
        case "maintainer":
          out.maintainer = this.word(source.maintainer as Word);
          break;
        case "type":
          out.type = this.word(source.type as Word);
          break;
        case "paths":
          out.paths = paths = this.words(source.paths as Word[]);
          break;
        case "sources":
          if (!paths) return undefined;
          out.sources = paths.slice(0, (source.sources as Word[]).length);
          break;
        case "destination":
          if (!paths) return undefined;
          out.destination = paths[paths.length - 1];
          break;
        case "extraArgs":
          out.extraArgs = this.words(source.extraArgs as Word[]);
          break;
        case "ports":
          out.ports = this.words(source.ports as Word[]);
          break;
        case "image":
          out.image = this.image(source.image as ImageReference);
          break;
        case "pairs":
          out.pairs = (source.pairs as KeyValuePair[]).map((p) => this.pair(p));
          break;
        case "declarations":
          out.declarations = (source.declarations as ArgDeclaration[]).map((d) => this.declaration(d));
          break;
        case "mounts": {
          const list = (source.mounts as Mount[]).map((m) => this.mount(m, flag(m.flag)));
          if (list.includes(undefined)) return undefined;
          out.mounts = list;
          break;
        }
        case "devices": case "exclude": {
          const list = (source[key] as Flag[]).map(flag);
          if (list.includes(undefined)) return undefined;
          if (key === "devices") out.devices = list;
          else out.exclude = list;
          break;
        }
        case "platform": if (!(out.platform = flag(source.platform))) return undefined; break;
        case "network": if (!(out.network = flag(source.network))) return undefined; break;
        case "security": if (!(out.security = flag(source.security))) return undefined; break;
        case "chown": if (!(out.chown = flag(source.chown))) return undefined; break;
        case "chmod": if (!(out.chmod = flag(source.chmod))) return undefined; break;
        case "link": if (!(out.link = flag(source.link))) return undefined; break;
        case "from": if (!(out.from = flag(source.from))) return undefined; break;
        case "parents": if (!(out.parents = flag(source.parents))) return undefined; break;
        case "checksum": if (!(out.checksum = flag(source.checksum))) return undefined; break;
        case "keepGitDir": if (!(out.keepGitDir = flag(source.keepGitDir))) return undefined; break;
        case "unpack": if (!(out.unpack = flag(source.unpack))) return undefined; break;
        default:
          return undefined;
      }
    }
    return out as unknown as Instruction;
  }

  private range(r: Range): Range {
    return { start: r.start + this.shift, end: r.end + this.shift };
  }

  private word(w: Word): Word {
    return { value: w.value, range: this.range(w.range) };
  }

  private words(list: Word[]): Word[] {
    const out: Word[] = [];
    for (let i = 0; i < list.length; i++) out.push(this.word(list[i]));
    return out;
  }

  private optionalWord(w: Word | undefined): Word | undefined {
    return w ? this.word(w) : undefined;
  }

  private flag(f: Flag): Flag {
    const copy: Flag = { kind: "Flag", range: this.range(f.range), name: this.word(f.name), text: f.text };
    if (f.value) copy.value = this.word(f.value);
    return copy;
  }

  private heredoc(h: Heredoc, i: number): Heredoc {
    const before = this.from.heredocs[i];
    const after = this.to.heredocs[i];
    const copy: Heredoc = {
      kind: "Heredoc",
      range: this.range(h.range),
      name: h.name,
      marker: this.word(h.marker),
      fileDescriptor: h.fileDescriptor,
      chomp: h.chomp,
      expand: h.expand,
      content: h.content,
      contentRange: h.contentRange === before?.contentRange ? after.contentRange : this.range(h.contentRange),
    };
    if (h.terminatorRange) copy.terminatorRange = h.terminatorRange === before?.terminatorRange ? after.terminatorRange : this.range(h.terminatorRange);
    return copy;
  }

  private variable(v: VariableRef): VariableRef {
    const copy: VariableRef = { kind: "VariableRef", range: this.range(v.range), name: v.name, nameRange: this.range(v.nameRange), braced: v.braced };
    if (v.modifier) copy.modifier = v.modifier;
    if (v.word) copy.word = this.word(v.word);
    if (v.replacement) copy.replacement = this.word(v.replacement);
    return copy;
  }

  private command(c: CommandForm): CommandForm {
    if (c.kind === "JsonForm") return { kind: "JsonForm", range: this.range(c.range), elements: c.elements.map((e) => this.word(e)) };
    return { kind: "ShellForm", range: this.range(c.range), value: c.value, logicalOffset: c.logicalOffset };
  }

  private mount(m: Mount, flag: Flag | undefined): Mount | undefined {
    // a mount's range is its flag's
    if (!flag || m.range !== m.flag.range) return undefined;
    // where BuildKit changed the value, every field's ranges are the flag value's range
    const shared = m.flag.value?.range;
    const range = (r: Range) => (r === shared ? flag.value!.range : this.range(r));
    const fields = m.fields.map((f): MountField => {
      const copy: MountField = { range: range(f.range), key: { value: f.key.value, range: range(f.key.range) } };
      if (f.value) copy.value = { value: f.value.value, range: range(f.value.range) };
      return copy;
    });
    return { kind: "Mount", range: flag.range, flag, type: m.type, fields, values: m.values };
  }

  private image(i: ImageReference): ImageReference {
    const copy: ImageReference = { value: i.value, range: this.range(i.range), path: this.word(i.path) };
    if (i.registry) copy.registry = this.word(i.registry);
    if (i.tag) copy.tag = this.word(i.tag);
    if (i.digest) copy.digest = this.word(i.digest);
    return copy;
  }

  private pair(p: KeyValuePair): KeyValuePair {
    // the keys in the builder's orders: a legacy pair gets its value last
    if (p.legacy) {
      const copy: KeyValuePair = { range: this.range(p.range), key: this.word(p.key), legacy: true };
      if (p.value) copy.value = this.word(p.value);
      return copy;
    }
    return { range: this.range(p.range), key: this.word(p.key), value: this.optionalWord(p.value), legacy: false };
  }

  private declaration(d: ArgDeclaration): ArgDeclaration {
    const copy: ArgDeclaration = { range: this.range(d.range), name: this.word(d.name) };
    if (d.defaultValue) copy.defaultValue = this.word(d.defaultValue);
    return copy;
  }
}
