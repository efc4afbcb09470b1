/**
 * Re-parsing after an edit without parsing the whole file again. In block-style YAML without anchors,
 * aliases or merge keys, a mapping entry is exactly the lines from its key's line up to the next line that
 * starts a sibling key (or the end of its parent): what those lines hold decides that entry alone. So when
 * an edit falls inside one entry (a service, say), only that entry's lines are parsed, as a YAML stream of
 * their own, and the result is spliced into the previous tree, the entries after it moved by the edit's
 * length. This is used only when the spliced tree is the tree a full parse gives: the lines must parse
 * without any finding into exactly one entry at the same column with a key no sibling has, and the old
 * parse must have had no finding either. In every other case the caller parses the whole text.
 */
import { DiagnosticSink } from "./codes.js";
import { carryKnownPlain } from "./interpolate-tree.js";
import { carryKnownWithoutResets } from "./merge.js";
import type { CEntry, CMap, CNode, CScalar } from "./node.js";
import { MAX_DEPTH, MAX_EXPANDED_NODES, parseYamlRange, type YamlFile } from "./yaml-tree.js";

export interface PreviousParse {
  text: string;
  yaml: YamlFile;
  /** What the parse reported: an edit is only spliced into a parse that reported nothing. */
  findings: number;
}

/** The trees of `text` made from `previous` by re-parsing only the entry the edit falls in; undefined when not sound. */
export function reparseEdit(previous: PreviousParse, text: string, file: string): YamlFile | undefined {
  const old = previous.yaml;
  if (previous.findings > 0 || old.broken || !old.local || old.documents.length !== 1) return undefined;
  const root = old.documents[0]!;
  if (root.kind !== "map") return undefined;
  const edit = diff(previous.text, text);
  const splice = new Splicer(previous.text, text, file, edit);
  const next = splice.inMap(root, previous.text.length, 0);
  if (!next || old.nodes + splice.nodes >= MAX_EXPANDED_NODES) return undefined;
  return { documents: [next], empty: false, broken: false, local: true, nodes: old.nodes + splice.nodes, depth: Math.max(old.depth, splice.depth) };
}

interface Edit {
  /** Where the texts start to differ. */
  start: number;
  /** Where the changed part ends in the old text. */
  oldEnd: number;
  /** New length minus old length. */
  delta: number;
}

/** The changed span: the longest common prefix and then the longest common suffix that does not overlap it. */
function diff(before: string, after: string): Edit {
  const max = Math.min(before.length, after.length);
  // Whole blocks first (string comparison runs natively), then character by character inside the block
  // that differs: a keystroke leaves tens of thousands of equal characters on either side.
  let start = 0;
  while (start + BLOCK <= max && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  const room = max - start;
  while (tail + BLOCK <= room && before.slice(before.length - tail - BLOCK, before.length - tail) === after.slice(after.length - tail - BLOCK, after.length - tail)) tail += BLOCK;
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, delta: after.length - before.length };
}

const BLOCK = 256;

class Splicer {
  /** YAML nodes the re-parsed entry holds, and its nesting. */
  nodes = 0;
  depth = 0;
  /** Where the re-parsed entry ends, as its mapping's range would end were it the last entry. */
  lastEnd = 0;

  constructor(
    private before: string,
    private after: string,
    private file: string,
    private edit: Edit,
  ) {}

  /**
   * `map` (a block mapping whose entries end by `spanEnd` in the old text) with the edit applied, or
   * undefined when the edit is not inside one of its entries or the entry cannot be re-parsed soundly.
   */
  inMap(map: CMap, spanEnd: number, depth: number): CMap | undefined {
    const { entries } = map;
    const { start, oldEnd, delta } = this.edit;
    if (entries.length === 0 || !isBlockMap(this.before, map)) return undefined;
    // The entry whose key starts at or before the edit: the edit must end before the next entry's line.
    let j = -1;
    while (j + 1 < entries.length && entries[j + 1]!.keyRange.start <= start) j++;
    if (j < 0) return undefined;
    const entry = entries[j]!;
    const blockStart = lineStart(this.before, entry.keyRange.start);
    const blockEnd = j + 1 < entries.length ? lineStart(this.before, entries[j + 1]!.keyRange.start) : spanEnd;
    // The line break ending the entry must survive the edit, or the next line would join this entry.
    if (oldEnd > blockEnd || (oldEnd === blockEnd && blockEnd < this.before.length)) return undefined;

    // Deeper first: an edit inside one entry of a nested block mapping re-parses just that entry.
    let replaced: CEntry | undefined;
    let tailEnd: number | undefined;
    const value = entry.value;
    if (value.kind === "map" && value.entries.length > 0 && value.entries[0]!.keyRange.start <= start) {
      const inner = this.inMap(value, blockEnd, depth + 1);
      if (inner) {
        replaced = { key: entry.key, keyRange: entry.keyRange, keyFile: entry.keyFile, value: inner };
        tailEnd = inner.range.end;
      }
    }
    if (!replaced) {
      replaced = this.reparse(entry, blockStart, blockEnd, depth);
      tailEnd = this.lastEnd;
    }
    if (!replaced) return undefined;
    if (entries.some((e, i) => i !== j && e.key === replaced.key)) return undefined; // a duplicate key: let a full parse report it

    const next = entries.slice(0, j);
    next.push(replaced);
    for (let i = j + 1; i < entries.length; i++) {
      const moved = shiftEntry(entries[i]!, delta);
      // Moved text holds the same values and tags: what interpolation and reset removal found out about the
      // old subtree holds for its copy, so their walks stop at it (they stop at the top, which suffices).
      carryKnownPlain(entries[i]!.value, moved.value);
      carryKnownWithoutResets(entries[i]!.value, moved.value);
      next.push(moved);
    }
    // A block mapping ends where its last entry ends: past the edit, that end just moves with the text.
    const end = oldEnd < map.range.end || j < entries.length - 1 ? map.range.end + delta : tailEnd!;
    return mapLike(map, next, { start: map.range.start, end });
  }

  /** The entry parsed again from its lines in the new text; undefined unless that is exactly what a full parse gives. */
  private reparse(entry: CEntry, blockStart: number, blockEnd: number, depth: number): CEntry | undefined {
    // Comments closing the lines are counted into the last collection's range by a parse that ends with
    // them, but not by a full parse in which a less indented key follows: then ranges would differ.
    if (endsWithComment(this.after, blockStart, blockEnd + this.edit.delta)) return undefined;
    const sink = new DiagnosticSink();
    const y = parseYamlRange(this.after, blockStart, blockEnd + this.edit.delta, this.file, sink);
    if (sink.list.length > 0 || y.broken || !y.local || y.documents.length !== 1) return undefined;
    const root = y.documents[0]!;
    if (root.kind !== "map" || root.entries.length !== 1) return undefined;
    const fresh = root.entries[0]!;
    // Same column as before (so a sibling of the entries around it), and not too deep once placed.
    if (fresh.keyRange.start - blockStart !== entry.keyRange.start - blockStart || depth + y.depth >= MAX_DEPTH - 2) return undefined;
    if (!isBlockMap(this.after, root)) return undefined;
    this.lastEnd = root.range.end;
    this.nodes = y.nodes;
    this.depth = depth + y.depth;
    return fresh;
  }
}

/** Whether every key of the mapping starts its line (so the mapping is block style, one entry per line). */
function isBlockMap(text: string, map: CMap): boolean {
  const column = map.entries.length ? map.entries[0]!.keyRange.start - lineStart(text, map.entries[0]!.keyRange.start) : 0;
  for (const e of map.entries) {
    const ls = lineStart(text, e.keyRange.start);
    if (e.keyRange.start - ls !== column) return false;
    for (let i = ls; i < e.keyRange.start; i++) if (text.charCodeAt(i) !== 32) return false;
  }
  return true;
}

/** Whether the last line of text[start, end) that is not blank holds a `#` (a comment, or maybe one). */
function endsWithComment(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  const from = Math.max(start, text.lastIndexOf("\n", e - 1) + 1);
  return text.slice(from, e).includes("#");
}

function lineStart(text: string, at: number): number {
  const nl = text.lastIndexOf("\n", at - 1);
  return nl + 1;
}

/*
 * Moved copies are built field by field in the order yaml-tree.ts builds nodes (not by spreading): nodes of
 * one kind then share one hidden class, and the code reading them (validation, rules) stays optimised for
 * it after an edit instead of meeting new shapes and de-optimising.
 */
function shiftEntry(e: CEntry, delta: number): CEntry {
  return { key: e.key, keyRange: { start: e.keyRange.start + delta, end: e.keyRange.end + delta }, keyFile: e.keyFile, value: shiftNode(e.value, delta) };
}

/** A mapping node built as the parser builds one (see above), with `map`'s file and tag. */
function mapLike(map: CMap, entries: CEntry[], range: { start: number; end: number }): CMap {
  const out: CMap = { kind: "map", entries, range, file: map.file };
  if (map.tag !== undefined) out.tag = map.tag;
  return out;
}

/** The node with every offset moved by `delta` (the text before it grew or shrank). */
function shiftNode(n: CNode, delta: number): CNode {
  const range = { start: n.range.start + delta, end: n.range.end + delta };
  let moved: CNode;
  if (n.kind === "map") {
    // Arrays filled by push, as the parser's are (a preallocated array would be "holey", another shape).
    const entries: CEntry[] = [];
    for (const e of n.entries) entries.push(shiftEntry(e, delta));
    moved = mapLike(n, entries, range);
  } else if (n.kind === "seq") {
    const items: CNode[] = [];
    for (const item of n.items) items.push(shiftNode(item, delta));
    moved = { kind: "seq", items, range, file: n.file };
  } else {
    const scalar: CScalar = { kind: "scalar", value: n.value, style: n.style, range, file: n.file };
    if (n.valueStart !== undefined) scalar.valueStart = n.valueStart + delta;
    if (n.source !== undefined) scalar.source = n.source;
    // Set by interpolation only, never in a parsed tree; kept so the copy is always exact.
    if (n.original !== undefined) scalar.original = n.original;
    if (n.incomplete !== undefined) scalar.incomplete = n.incomplete;
    moved = scalar;
  }
  if (n.kind !== "map" && n.tag !== undefined) moved.tag = n.tag;
  return moved;
}
