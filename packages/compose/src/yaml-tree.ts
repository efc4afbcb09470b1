import { parseAllDocuments, isAlias, isMap, isPair, isScalar, isSeq, Scalar, visit } from "yaml";
import type { Document, Node as YNode, ParsedNode } from "yaml";
import { LineIndex, type Range } from "@shipshape/text";
import { composeDiagnostic, DiagnosticSink } from "./codes.js";
import type { CEntry, CMap, CNode, CScalar, MergeTag } from "./node.js";

/** compose-go stops at this many visited nodes; we cut aliases off at the same size. */
export const MAX_EXPANDED_NODES = 100_000;
/** Deeper trees are cut off so that no later stage can overflow the stack. */
export const MAX_DEPTH = 500;
/** Beyond this many syntax errors in one file the rest are noise. */
const MAX_SYNTAX_ERRORS = 25;

export interface YamlFile {
  /** One root per YAML document (`---`); null documents are left out. */
  documents: CNode[];
  /** True when the stream holds no document with content. */
  empty: boolean;
  /** True when YAML syntax errors were found. */
  broken: boolean;
  /**
   * True when no anchor, alias or merge key (`<<`) was met: every mapping entry's tree then comes from its
   * own lines alone, which lets an edit inside one entry be parsed on its own (see yaml-incremental.ts).
   */
  local: boolean;
  /** How many YAML nodes were converted (what the alias budget counts). */
  nodes: number;
  /** The deepest nesting met. */
  depth: number;
}

/**
 * Texts that between them take the yaml package's lexer, parser and composer down most of their paths: block
 * and flow collections, every scalar style, anchors, aliases, tags, comments, directives, several documents,
 * CRLF line ends, errors, and inputs that end in each kind of token without a final line break.
 */
const PRIMERS = [
  `%YAML 1.2
---
# a comment
name: demo # trailing comment
x-base: &base
  image: "nginx:1.25"
  environment:
    - KEY=value
    - 'QUOTED=it''s'
    - "ESCAPED=\\t\\u0041\\x41\\
      joined"
  labels: {a: 1, "b": [x, 'y', 2.5, true, null, ~], c: {d: e}}
services:
  web:
    <<: *base
    command: >-
      sh -c "echo hi
      && sleep 1"
    entrypoint: |
      #!/bin/sh
      exec "$@"
    ports: ["80:80", 443, {target: 8080}]
    ? complex key
    : value
    volumes: !reset []
    healthcheck: !override
      test: [CMD, curl, -f, http://localhost]
      interval: 30s
    long: plain scalar
      continued here
    empty:
    tagged: !!str 3
  db:
    image: postgres
    depends_on:
      - web
      - *base
...
---
second: document
bad: [unclosed
`,
  "a: b",
  "k: |+\n  text",
  "k: >2\n   folded\n\n  text",
  "k: 'q'",
  'k: "q"',
  "- x\n- [y, z]",
  "- &a {k: v}\n- *a",
  "# only a comment",
  "",
  "a: 1\r\nb: [1, 2]\r\nc:\r\n  - d\r\n",
  "\ta: tab\nb:\n\t- c",
  "a: b: c\n- d\n  e: [f}\n'g",
];

let primed = false;

/**
 * Parses a few sample texts once (later calls do nothing), for a host about to parse many files. The yaml
 * package's lexer and parser are generators that V8's optimising compiler takes up to 70 ms of CPU each
 * to compile. Optimised on the feedback of the first few files, they were thrown away and compiled again
 * as later files took other paths: over the corpus's compose files, 23 compiles of them took 677 ms,
 * against 14 compiles and 387 ms after the samples (which take a few milliseconds). Their diagnostics
 * are dropped.
 */
export function primeYamlParser(): void {
  if (primed) return;
  primed = true;
  for (const text of PRIMERS) parseYamlTree(text, "(primer)", new DiagnosticSink());
}

/** Parses YAML text into trees of CNodes, reporting syntax errors, duplicate keys and alias abuse at their nodes. */
export function parseYamlTree(text: string, file: string, sink: DiagnosticSink): YamlFile {
  return parseYamlRange(text, 0, text.length, file, sink);
}

/**
 * Parses `text.slice(start, end)` as a YAML stream of its own, with every range given in `text`'s offsets.
 * With the whole text this is the ordinary parse.
 */
export function parseYamlRange(text: string, start: number, end: number, file: string, sink: DiagnosticSink): YamlFile {
  const source = start === 0 && end === text.length ? text : text.slice(start, end);
  // The yaml package recurses once per level: thousands of levels overflow the stack inside it (and a
  // regular expression compiled near the limit can abort the process). Such a text is refused before.
  const tooDeep = nestingBeyond(source, MAX_DEPTH);
  if (tooDeep !== undefined) {
    sink.report("yaml-syntax", `Nesting deeper than ${MAX_DEPTH} levels is not supported`, visibleRange(text, start + tooDeep, start + tooDeep + 1), file);
    return { documents: [], empty: false, broken: true, local: true, nodes: 0, depth: MAX_DEPTH };
  }
  const docs = parseAllDocuments(source, { uniqueKeys: false, merge: false, prettyErrors: false, strict: false });
  const list = Array.isArray(docs) ? docs : [];
  let lines: LineIndex | undefined;
  const lineIndex = () => (lines ??= new LineIndex(text));
  const out: CNode[] = [];
  let broken = false;
  let errorCount = 0;
  let local = true;
  let nodes = 0;
  let depth = 0;
  for (const doc of list) {
    for (const e of doc.errors) {
      broken = true;
      if (errorCount++ >= MAX_SYNTAX_ERRORS) break;
      const [s, t] = e.pos;
      const from = Math.min(s, source.length);
      sink.report("yaml-syntax", cleanYamlMessage(e.message), visibleRange(text, start + from, start + Math.min(Math.max(t, s), source.length)), file);
    }
    if (doc.contents === null || doc.contents === undefined) continue;
    const conv = new Converter(doc as Document.Parsed, text, file, sink, lineIndex, start);
    const root = conv.convert(doc.contents as ParsedNode);
    if (root) out.push(root);
    local &&= conv.local;
    nodes += conv.nodes;
    depth = Math.max(depth, conv.maxDepth);
  }
  return { documents: out, empty: out.length === 0 && !broken, broken, local, nodes, depth };
}

/**
 * Where a text nests collections deeper than `limit`, or undefined. Counted without parsing: open flow
 * brackets (outside quotes and comments), plus compact block nesting on one line (`- - - x`, `? ? x`).
 * Brackets inside block scalars count too: only a text that is pathological anyway reaches the limit.
 */
export function nestingBeyond(text: string, limit: number): number | undefined {
  // Nesting deeper than `limit` needs more than `limit` openers: most files have far fewer, found natively.
  if (occurrences(text, "[", limit) + occurrences(text, "{", limit) + occurrences(text, "- ", limit) + occurrences(text, "? ", limit) <= limit) return undefined;
  let flow = 0;
  let quote = "";
  let lineStart = true;
  let compact = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      compact = 0;
      if (quote === "'" && flow === 0) quote = "";
      continue;
    }
    if (quote) {
      if (quote === '"' && c === 92) i++; // a backslash escape
      else if (text[i] === quote) quote = "";
      continue;
    }
    if (c === 32 || c === 9) continue;
    if (lineStart && (c === 45 || c === 63) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
      // `- ` or `? ` before any other character of the line: one more level of block nesting.
      if (++compact > limit) return i;
      continue;
    }
    lineStart = false;
    if (c === 35 && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else if (c === 34 || c === 39) {
      quote = text[i]!;
    } else if (c === 91 || c === 123) {
      if (++flow > limit) return i;
    } else if ((c === 93 || c === 125) && flow > 0) {
      flow--;
    }
  }
  return undefined;
}

/** How often `needle` occurs in `text`, counted up to a little past `limit`. */
function occurrences(text: string, needle: string, limit: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0 && n <= limit; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

/** Editors hide empty ranges: widen one to the character there, or to the last visible character before it. */
function visibleRange(text: string, start: number, end: number): Range {
  if (end > start) return { start, end };
  if (start < text.length && !/[\r\n]/.test(text[start]!)) return { start, end: start + 1 };
  let q = start - 1;
  while (q >= 0 && /\s/.test(text[q]!)) q--;
  return q >= 0 ? { start: q, end: q + 1 } : { start, end };
}

function cleanYamlMessage(m: string): string {
  return m.replace(/ at line \d+, column \d+:?[\s\S]*$/, "").replace(/\s+$/, "");
}

class Converter {
  private budget = MAX_EXPANDED_NODES;
  private inProgress = new Set<YNode>();
  private bombReported = false;
  private depthReported = false;
  private depth = 0;
  /** yaml's Alias.resolve walks the whole document each time, so targets are looked up once per alias node. */
  private aliasTargets = new Map<YNode, YNode | undefined>();
  private aliasTargetsReady = false;
  /** No anchor, alias or merge key met so far. */
  local = true;
  maxDepth = 0;

  constructor(
    private doc: Document.Parsed,
    private text: string,
    private file: string,
    private sink: DiagnosticSink,
    private lines: () => LineIndex,
    /** Where the parsed source starts in `text`: yaml's offsets are relative to it. */
    private offset = 0,
  ) {}

  get nodes(): number {
    return MAX_EXPANDED_NODES - Math.max(this.budget, 0);
  }

  convert(node: ParsedNode | YNode | null | undefined): CNode | undefined {
    if (!node) return undefined;
    if (this.depth >= MAX_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.sink.report("yaml-syntax", `Nesting deeper than ${MAX_DEPTH} levels is not supported`, this.rangeOf(node), this.file);
      }
      return undefined;
    }
    this.depth++;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    try {
      return this.convertNode(node);
    } finally {
      this.depth--;
    }
  }

  private convertNode(node: ParsedNode | YNode): CNode | undefined {
    if (--this.budget < 0) {
      if (!this.bombReported) {
        this.bombReported = true;
        const r = this.rangeOf(node);
        this.sink.report("excessive-aliasing", `The document expands to more than ${MAX_EXPANDED_NODES} nodes through aliases`, r, this.file);
      }
      return undefined;
    }
    if ((node as { anchor?: string }).anchor) this.local = false;
    if (isAlias(node)) {
      this.local = false;
      const target = this.aliasTarget(node);
      const r = this.rangeOf(node);
      if (!target) {
        this.sink.report("yaml-syntax", `Unknown anchor "${node.source}"`, r, this.file);
        return undefined;
      }
      if (this.inProgress.has(target)) {
        this.sink.report("excessive-aliasing", `Alias *${node.source} refers to the node that contains it`, r, this.file);
        return undefined;
      }
      this.inProgress.add(target);
      try {
        return this.convert(target);
      } finally {
        this.inProgress.delete(target);
      }
    }
    const tag = mergeTag(node.tag);
    if (isScalar(node)) return this.scalar(node, tag);
    if (isSeq(node)) {
      const items: CNode[] = [];
      for (const it of node.items) {
        const c = this.convert(it as YNode);
        if (c) items.push(c);
        else if (it === null || it === undefined) items.push(this.nullAt(this.rangeOf(node)));
      }
      const r = this.collectionRange(node, node.items as YNode[]);
      return withTag({ kind: "seq", items, range: r, file: this.file }, tag);
    }
    if (isMap(node)) return this.map(node, tag);
    return undefined;
  }

  /**
   * The node an alias refers to: the closest anchor of that name before it. yaml's own Alias.resolve walks the
   * whole document per call, so all targets are found in one walk, the first time one is needed.
   */
  private aliasTarget(alias: YNode): YNode | undefined {
    if (!this.aliasTargetsReady) {
      this.aliasTargetsReady = true;
      const last = new Map<string, YNode>();
      visit(this.doc, {
        Node: (_key, n) => {
          if (isAlias(n)) this.aliasTargets.set(n, last.get(n.source));
          else if (n.anchor) last.set(n.anchor, n);
        },
      });
    }
    return this.aliasTargets.get(alias);
  }

  private nullAt(r: Range): CScalar {
    return { kind: "scalar", value: null, style: "plain", range: { start: r.start, end: r.start }, file: this.file };
  }

  private rangeOf(node: YNode): Range {
    const r = node.range;
    if (!r) return { start: this.offset, end: this.offset };
    return { start: r[0] + this.offset, end: r[1] + this.offset };
  }

  /** Block collections' ranges run on to the next key; end them where their last item ends instead. */
  private collectionRange(node: YNode & { flow?: boolean }, items: unknown[]): Range {
    const r = this.trimEnd(this.rangeOf(node));
    if (node.flow || items.length === 0) return r;
    let end = r.start;
    for (const it of items) {
      const n = isPair(it) ? (it.value ?? it.key) : it;
      if (n && typeof n === "object" && "range" in n) end = Math.max(end, this.trimEnd(this.rangeOf(n as YNode)).end);
    }
    return { start: r.start, end: Math.max(end, r.start) };
  }

  private trimEnd(r: Range): Range {
    let end = r.end;
    while (end > r.start && /\s/.test(this.text[end - 1]!)) end--;
    return { start: r.start, end };
  }

  private scalar(node: Scalar, tag: MergeTag | undefined): CScalar {
    let r = this.rangeOf(node);
    let value = node.value as unknown;
    let style: CScalar["style"] = "plain";
    const t = node.type;
    if (t === Scalar.QUOTE_DOUBLE || t === Scalar.QUOTE_SINGLE) style = "quoted";
    else if (t === Scalar.BLOCK_FOLDED || t === Scalar.BLOCK_LITERAL) {
      style = "block";
      r = this.trimEnd(r);
    }
    if (typeof value === "bigint") value = Number(value);
    // compose-go's YAML (go-yaml v3) keeps YAML 1.1's octals: a plain 0440 is 288 (a file mode), where YAML
    // 1.2's core schema reads the decimal 440.
    if (typeof value === "number" && style === "plain" && /^[-+]?0[0-7]+$/.test(this.text.slice(r.start, r.end))) {
      value = Number.parseInt(this.text.slice(r.start, r.end), 8);
    }
    if (value !== null && typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") value = String(value);
    // An unknown tag (other than !reset/!override) makes yaml keep the source string: treat it as text.
    const out: CScalar = { kind: "scalar", value: value as CScalar["value"], style, range: r, file: this.file };
    if (typeof value === "string") {
      const start = this.valueStart(value, r, t);
      if (start !== undefined) out.valueStart = start;
      else out.source = this.text.slice(r.start, r.end);
    }
    return withTag(out, tag);
  }

  /** Where the value's text starts in the source, when it is written verbatim (no escapes, one line). */
  private valueStart(value: string, r: Range, type: Scalar.Type | undefined): number | undefined {
    const src = this.text.slice(r.start, r.end);
    if (type === Scalar.PLAIN || type === undefined) return src === value ? r.start : undefined;
    if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) {
      return src.length === value.length + 2 && src.slice(1, -1) === value ? r.start + 1 : undefined;
    }
    return undefined;
  }

  private map(node: YNode & { items: unknown[]; flow?: boolean }, tag: MergeTag | undefined): CMap {
    const entries: CEntry[] = [];
    const explicit = new Map<string, number>();
    const firstKeyRange = new Map<string, Range>();
    // Merge-key sources in order of appearance; explicit keys always win over merged ones.
    const merged: { at: number; entries: CEntry[] }[] = [];
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const k = item.key as YNode | null;
      const keyRange = k ? this.rangeOf(k) : this.rangeOf(node);
      if (k && isScalar(k) && k.value === "<<" && k.type === Scalar.PLAIN) {
        this.local = false;
        merged.push({ at: entries.length, entries: this.mergeSources(item.value as YNode | null, keyRange) });
        continue;
      }
      let key: string;
      if (k && isAlias(k)) {
        this.local = false;
        const target = k.resolve(this.doc);
        if (target && isScalar(target) && target.value !== null) key = String(target.value);
        else {
          this.sink.report("invalid-top-level", "A mapping key must be a string", keyRange, this.file);
          continue;
        }
      } else if (!k || !isScalar(k) || k.value === null) {
        this.sink.report("invalid-top-level", "A mapping key must be a string", keyRange, this.file);
        continue;
      } else {
        if (typeof k.value !== "string") this.sink.report("invalid-top-level", `Non-string key ${String(k.value)}: quote it to make it a string`, keyRange, this.file);
        key = String(k.value);
      }
      const first = firstKeyRange.get(key);
      if (first) {
        const line = this.lines().positionAt(first.start).line + 1;
        this.sink.add({
          ...composeDiagnostic("duplicate-key", `Key "${key}" is already defined at line ${line}`, keyRange, this.file),
          related: [{ message: `First definition of "${key}"`, range: first, file: this.file }],
        });
      } else firstKeyRange.set(key, keyRange);
      const value = this.convert(item.value as YNode | null) ?? this.nullAt({ start: keyRange.end, end: keyRange.end });
      const entry: CEntry = { key, keyRange, keyFile: this.file, value };
      const prev = explicit.get(key);
      if (prev !== undefined) entries[prev] = entry;
      else {
        explicit.set(key, entries.length);
        entries.push(entry);
      }
    }
    let result = entries;
    if (merged.length) {
      const taken = new Set(explicit.keys());
      const inserts: { at: number; entries: CEntry[] }[] = [];
      for (const m of merged) {
        const add: CEntry[] = [];
        for (const e of m.entries) {
          if (taken.has(e.key)) continue;
          taken.add(e.key);
          add.push(e);
        }
        inserts.push({ at: m.at, entries: add });
      }
      result = [];
      let ii = 0;
      for (let i = 0; i <= entries.length; i++) {
        while (ii < inserts.length && inserts[ii]!.at === i) result.push(...inserts[ii++]!.entries);
        if (i < entries.length) result.push(entries[i]!);
      }
    }
    return withTag({ kind: "map", entries: result, range: this.collectionRange(node, node.items), file: this.file }, tag);
  }

  /** The entries a `<<` key brings in: from one mapping, or from a list of mappings where earlier ones win. */
  private mergeSources(value: YNode | null, keyRange: Range): CEntry[] {
    const conv = value ? this.convert(value) : undefined;
    const sources: CNode[] = conv?.kind === "seq" ? conv.items : conv ? [conv] : [];
    const out: CEntry[] = [];
    const seen = new Set<string>();
    for (const s of sources) {
      if (s.kind !== "map") {
        this.sink.report("invalid-merge-key", "A merge key (<<) needs a mapping or a list of mappings", s.range.end > s.range.start ? s.range : keyRange, this.file);
        continue;
      }
      for (const e of s.entries) {
        if (seen.has(e.key)) continue;
        seen.add(e.key);
        out.push(e);
      }
    }
    if (!conv) this.sink.report("invalid-merge-key", "A merge key (<<) needs a mapping or a list of mappings", keyRange, this.file);
    return out;
  }
}

function mergeTag(tag: string | undefined): MergeTag | undefined {
  if (tag === "!reset") return "reset";
  if (tag === "!override") return "override";
  return undefined;
}

function withTag<T extends CNode>(n: T, tag: MergeTag | undefined): T {
  if (tag) n.tag = tag;
  return n;
}
