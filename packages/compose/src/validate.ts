import { NodeCache, type Diagnostic, type Range } from "@shipshape/text";
import { DiagnosticSink, type ComposeErrorName } from "./codes.js";
import type { CEntry, CMap, CNode, CScalar } from "./node.js";
import { scalarText, subRange } from "./node.js";
import { parseBytes, parseDuration, parseExtraHost } from "./schema/short.js";
import type { DictSchema, KeyValueSchema, ListSchema, ObjectSchema, Schema, StringSchema, UnionSchema } from "./schema/types.js";

/**
 * Walks a CNode tree against the specification table, reporting every problem at the node that causes it, and
 * builds the located values the typed model is made of. Validation never stops early: a wrong value is
 * reported and left out of the model, its siblings are still checked.
 */

/** A scalar value with where it was written. */
export interface Scalar<T> {
  value: T;
  range: Range;
  file: string;
  /** The value as written before interpolation, when interpolation changed it. */
  original?: string;
  /** The YAML node (for sub-ranges of strings). */
  node: CScalar;
}

/** One entry of a KEY=VALUE list or of a mapping of scalars (environment, labels, args, ...). */
export interface KeyValue {
  key: string;
  keyRange: Range;
  /** Absent for a bare `KEY` (value taken from the environment) or a null mapping value. */
  value?: Scalar<string>;
  /** The whole entry (list item or mapping key). */
  range: Range;
  file: string;
}

/**
 * Results of validating top-level entries (a service, a network, ...), by tree node and by where the
 * entry sits. Trees share every subtree an edit or interpolation did not change, so a second model built
 * from a nearly equal tree validates only the entries that differ.
 */
export interface ValidationMemo {
  entries: NodeCache<CNode, Map<string, { value: any; diagnostics: Diagnostic[] }>>;
  /** Entry values already turned into their model form (which happens in place, so only once). */
  normalized: WeakSet<object>;
}

export function validationMemo(): ValidationMemo {
  return { entries: new NodeCache("validated entries"), normalized: new WeakSet() };
}

interface Ctx {
  sink: DiagnosticSink;
  memo?: ValidationMemo;
  path: string[];
  /** The key that holds the current value, to report "missing key" problems there. */
  keyRange?: Range;
  keyFile?: string;
}

/** `key`: the key holding `node`, where a missing key is reported (else at the node). */
export function validateAndBuild(node: CNode, schema: Schema, sink: DiagnosticSink, path: string[] = [], memo?: ValidationMemo, key?: { range: Range; file: string }): any {
  const ctx: Ctx = memo ? { sink, path, memo } : { sink, path };
  if (key) {
    ctx.keyRange = key.range;
    ctx.keyFile = key.file;
  }
  return walk(node, schema, ctx);
}

/** Validates a top-level entry through the memo: what it reports is kept and replayed on a hit. */
function walkEntry(e: CEntry, schema: Schema, ctx: Ctx, memo: ValidationMemo): any {
  const key = `${ctx.path.join("\u0000")}\u0000${e.key}\u0000${e.keyRange.start}\u0000${e.keyRange.end}\u0000${e.keyFile}`;
  let byPlace = memo.entries.get(e.value);
  if (!byPlace) memo.entries.set(e.value, (byPlace = new Map()));
  let done = byPlace.get(key);
  if (!done) {
    const sink = new DiagnosticSink();
    const value = walk(e.value, schema, { sink, path: [...ctx.path, e.key], keyRange: e.keyRange, keyFile: e.keyFile, memo });
    done = { value, diagnostics: sink.list };
    byPlace.set(key, done);
  }
  for (const d of done.diagnostics) ctx.sink.add(d);
  return done.value;
}

function report(ctx: Ctx, name: ComposeErrorName, message: string, range: Range, file: string, severity?: "warning") {
  ctx.sink.report(name, message, range, file, severity);
}

const pathText = (ctx: Ctx) => (ctx.path.length ? ctx.path.join(".") : "the top level");

function kindName(n: CNode): string {
  if (n.kind === "map") return "a mapping";
  if (n.kind === "seq") return "a list";
  if (n.value === null) return "null";
  if (typeof n.value === "number") return "a number";
  if (typeof n.value === "boolean") return "a boolean";
  return "a string";
}

function isNull(n: CNode): n is CScalar {
  return n.kind === "scalar" && n.value === null;
}

/** A string still holding an unresolved `${...}`: its type can't be known, so typed checks are skipped. */
function unresolved(n: CScalar): boolean {
  if (n.incomplete) return true;
  return typeof n.value === "string" && n.value.includes("$") && n.original === undefined;
}

function walk(node: CNode, schema: Schema, ctx: Ctx): any {
  switch (schema.kind) {
    case "any":
      return node;
    case "string":
      return walkString(node, schema, ctx);
    case "number":
      return walkNumber(node, schema, ctx);
    case "bool":
      return walkBool(node, ctx);
    case "duration":
    case "bytes":
      return walkUnit(node, schema.kind, ctx);
    case "object":
      return walkObject(node, schema, ctx);
    case "dict":
      return walkDict(node, schema, ctx);
    case "list":
      return walkList(node, schema, ctx);
    case "union":
      return walkUnion(node, schema, ctx);
    case "keyvalue":
      return walkKeyValue(node, schema, ctx);
  }
}

function scalarOut<T>(n: CScalar, value: T): Scalar<T> {
  const s: Scalar<T> = { value, range: n.range, file: n.file, node: n };
  if (n.original !== undefined) s.original = n.original;
  return s;
}

function typeError(node: CNode, expected: string, ctx: Ctx) {
  report(ctx, "invalid-type", `${pathText(ctx)} must be ${expected}, not ${kindName(node)}`, node.range, node.file);
}

function walkString(node: CNode, schema: StringSchema, ctx: Ctx): Scalar<string> | undefined {
  if (node.kind !== "scalar" || (node.value === null && !schema.nullable)) {
    typeError(node, "a string", ctx);
    return undefined;
  }
  if (node.value === null) return undefined;
  if (typeof node.value !== "string" && !schema.acceptScalars && !schema.enum) {
    typeError(node, "a string", ctx);
    return undefined;
  }
  const text = scalarText(node);
  if (unresolved(node)) return scalarOut(node, text);
  if (schema.enum && !schema.enum.includes(text)) {
    const hint = closest(text, schema.enum);
    report(ctx, "invalid-enum-value", `Invalid value "${text}" for ${pathText(ctx)}: use ${schema.enum.map((e) => `"${e}"`).join(", ")}${hint ? ` (did you mean "${hint}"?)` : ""}`, node.range, node.file);
  } else if (schema.pattern && !schema.pattern.re.test(text)) {
    report(ctx, "pattern-mismatch", `Invalid value "${text}" for ${pathText(ctx)}: expected ${schema.pattern.describe}`, node.range, node.file);
  }
  if (schema.check) {
    schema.check(text, (name, message, sub, severity) => {
      const r = sub ? subRange(node, sub.from, sub.to) : node.range;
      report(ctx, name, message, r, node.file, severity);
    }, node);
  }
  return scalarOut(node, text);
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function walkNumber(node: CNode, schema: Extract<Schema, { kind: "number" }>, ctx: Ctx): Scalar<number> | Scalar<string> | undefined {
  const expected = schema.integer ? "an integer" : "a number";
  if (node.kind !== "scalar" || node.value === null || typeof node.value === "boolean") {
    typeError(node, expected, ctx);
    return undefined;
  }
  if (unresolved(node)) return scalarOut(node, node.value as string);
  let v: number;
  if (typeof node.value === "number") v = node.value;
  else {
    const t = node.value.trim();
    if (!NUMBER_TEXT.test(t)) {
      report(ctx, "invalid-type", `${pathText(ctx)} must be ${expected}, not "${node.value}"`, node.range, node.file);
      return undefined;
    }
    v = Number(t);
  }
  if (schema.integer && !Number.isInteger(v)) {
    report(ctx, "invalid-type", `${pathText(ctx)} must be an integer, not ${v}`, node.range, node.file);
    return undefined;
  }
  if (schema.min !== undefined && v < schema.min) report(ctx, "value-out-of-range", `${pathText(ctx)} must be at least ${schema.min}`, node.range, node.file);
  if (schema.max !== undefined && v > schema.max) report(ctx, "value-out-of-range", `${pathText(ctx)} must be at most ${schema.max}`, node.range, node.file);
  return scalarOut(node, v);
}

/**
 * Booleans written as strings, as compose-go casts them at boolean paths (quoted or not, interpolated or
 * not): `true`/`false` in any case; YAML 1.1's y/yes/on and n/no/off with a warning; anything else (`1`,
 * `t`) is an invalid boolean.
 */
const YAML11_BOOL = /^(y|yes|on|n|no|off)$/i;
function walkBool(node: CNode, ctx: Ctx): Scalar<boolean> | Scalar<string> | undefined {
  if (node.kind !== "scalar" || node.value === null || typeof node.value === "number") {
    typeError(node, "a boolean", ctx);
    return undefined;
  }
  if (typeof node.value === "boolean") return scalarOut(node, node.value);
  if (unresolved(node)) return scalarOut(node, node.value);
  const t = node.value;
  const lower = t.toLowerCase();
  if (lower === "true") return scalarOut(node, true);
  if (lower === "false") return scalarOut(node, false);
  if (YAML11_BOOL.test(t)) {
    const b = /^(y|yes|on)$/i.test(t);
    report(ctx, "yaml-1.1-boolean", `"${t}" is not a boolean in YAML 1.2: write ${b}`, node.range, node.file);
    return scalarOut(node, b);
  }
  report(ctx, "invalid-type", `${pathText(ctx)} must be a boolean (true or false), not "${t}"`, node.range, node.file);
  return undefined;
}

function walkUnit(node: CNode, kind: "duration" | "bytes", ctx: Ctx): (Scalar<string | number> & { parsed?: number }) | undefined {
  if (node.kind !== "scalar" || node.value === null || typeof node.value === "boolean") {
    typeError(node, kind === "duration" ? "a duration such as 30s" : "a size such as 512m", ctx);
    return undefined;
  }
  if (unresolved(node)) return scalarOut(node, node.value);
  if (typeof node.value === "number") {
    if (kind === "bytes") return { ...scalarOut(node, node.value), parsed: node.value };
    // compose-go types durations as strings: a bare number is refused.
    report(ctx, "invalid-duration", `${pathText(ctx)} needs a unit: write ${node.value}s, ${node.value}ms, ...`, node.range, node.file);
    return undefined;
  }
  const p = kind === "duration" ? parseDuration(node.value) : parseBytes(node.value);
  if (!p.ok) {
    report(ctx, kind === "duration" ? "invalid-duration" : "invalid-byte-size", p.problem.message, subRange(node, p.problem.from, p.problem.to), node.file);
    return undefined;
  }
  return { ...scalarOut(node, node.value), parsed: p.value };
}

/*
 * An empty key (`environment:` with its entries commented out) is null in YAML. Real projects ship files
 * like that and Compose runs them, so null is accepted as "empty" for every mapping and list; only scalar
 * keys (image, restart, ...) must have a value.
 */
function walkObject(node: CNode, schema: ObjectSchema, ctx: Ctx): any {
  if (isNull(node)) return { range: node.range, file: node.file, extensions: {} };
  if (node.kind !== "map") {
    typeError(node, "a mapping", ctx);
    return undefined;
  }
  const out: any = { range: node.range, file: node.file, node, extensions: {} };
  if (ctx.keyRange) out.keyRange = ctx.keyRange;
  for (const e of node.entries) {
    const field = schema.fields[e.key];
    if (!field) {
      if (e.key.startsWith("x-") && schema.extensions !== false) {
        out.extensions[e.key] = e.value;
        continue;
      }
      const hint = closest(e.key, Object.keys(schema.fields));
      const where = ctx.path.length ? ` in ${pathText(ctx)}` : " at the top level";
      report(ctx, "unknown-key", `Unknown key "${e.key}"${where}${hint ? ` (did you mean "${hint}"?)` : ""}`, e.keyRange, e.keyFile);
      continue;
    }
    if (field.deprecated) report(ctx, "obsolete-version", `${field.deprecated}; remove it`, e.keyRange, e.keyFile);
    const v = walk(e.value, field, { sink: ctx.sink, path: [...ctx.path, e.key], keyRange: e.keyRange, keyFile: e.keyFile, memo: ctx.memo });
    if (v !== undefined) out[e.key] = v;
  }
  for (const r of schema.required ?? []) {
    if (!node.entries.some((e) => e.key === r)) {
      report(ctx, "missing-required-key", `${ctx.path.length ? pathText(ctx) : "The file"} needs "${r}"`, ctx.keyRange ?? node.range, ctx.keyFile ?? node.file);
    }
  }
  if (schema.check) {
    schema.check(node, (name, message, at, severity) => {
      let r: Range = ctx.keyRange ?? node.range;
      let f = ctx.keyFile ?? node.file;
      if (typeof at === "string") {
        const e = findEntry(node, at);
        if (e) {
          r = e.keyRange;
          f = e.keyFile;
        }
      } else if (at) {
        r = at.range;
        f = at.file;
      }
      report(ctx, name, message, r, f, severity);
    });
  }
  return out;
}

function findEntry(m: CMap, key: string): CEntry | undefined {
  return m.entries.find((e) => e.key === key);
}

function walkDict(node: CNode, schema: DictSchema, ctx: Ctx): any {
  if (isNull(node)) return {};
  if (node.kind !== "map") {
    typeError(node, "a mapping", ctx);
    return undefined;
  }
  const out: Record<string, any> = {};
  for (const e of node.entries) {
    if (schema.keyPattern && !schema.keyPattern.re.test(e.key) && !e.key.startsWith("x-")) {
      report(ctx, schema.keyPattern.code, `Invalid ${schema.what ?? "key"} name "${e.key}": use ${schema.keyPattern.describe}`, e.keyRange, e.keyFile);
    }
    if (e.key.startsWith("x-") && ctx.path.length === 1 && ctx.path[0] !== undefined && ["services", "networks", "volumes", "secrets", "configs", "models"].includes(ctx.path[0])) {
      // Extension keys are allowed among resources and are not resources themselves.
      continue;
    }
    const v = ctx.memo && ctx.path.length === 1
      ? walkEntry(e, schema.value, ctx, ctx.memo)
      : walk(e.value, schema.value, { sink: ctx.sink, path: [...ctx.path, e.key], keyRange: e.keyRange, keyFile: e.keyFile, memo: ctx.memo });
    const named = v && typeof v === "object" ? v : { range: e.value.range, file: e.value.file };
    named.name = e.key;
    named.nameRange = e.keyRange;
    named.nameFile = e.keyFile;
    out[e.key] = named;
  }
  return out;
}

function walkList(node: CNode, schema: ListSchema, ctx: Ctx): any[] | undefined {
  if (isNull(node)) return [];
  if (node.kind !== "seq") {
    typeError(node, "a list", ctx);
    return undefined;
  }
  const out: any[] = [];
  const seen = new Map<string, number>();
  node.items.forEach((it, i) => {
    const v = walk(it, schema.items, { sink: ctx.sink, path: [...ctx.path, String(i)] });
    if (v !== undefined) out.push(v);
    // A value with an unset variable may collide by accident; the variable itself was reported.
    if (schema.unique && it.kind === "scalar" && !it.incomplete) {
      const k = scalarText(it);
      const prev = seen.get(k);
      if (prev !== undefined) report(ctx, "duplicate-item", `"${k}" is listed twice in ${pathText(ctx)} (items ${prev} and ${i})`, it.range, it.file);
      else seen.set(k, i);
    }
  });
  return out;
}

function walkUnion(node: CNode, schema: UnionSchema, ctx: Ctx): any {
  const alt = node.kind === "map" ? schema.map : node.kind === "seq" ? schema.list : schema.scalar;
  if (alt) return walk(node, alt, ctx);
  if (isNull(node)) {
    const container = schema.map ?? schema.list;
    if (container && container.kind !== "string") return walk(node, container, ctx);
  }
  const kinds = [schema.scalar && describeScalarKind(schema.scalar), schema.map && "a mapping", schema.list && "a list"].filter(Boolean) as string[];
  typeError(node, kinds.join(" or "), ctx);
  return undefined;
}

function describeScalarKind(s: Schema): string {
  switch (s.kind) {
    case "number":
      return s.integer ? "an integer" : "a number";
    case "bool":
      return "a boolean";
    case "string":
      return s.enum ? s.enum.map((e) => `"${e}"`).join(" or ") : "a string";
    default:
      return "a string";
  }
}

function walkKeyValue(node: CNode, schema: KeyValueSchema, ctx: Ctx): KeyValue[] | undefined {
  if (isNull(node)) return [];
  const out: KeyValue[] = [];
  const check = (key: string, value: string | null, keyRange: Range, valueNode: CScalar | undefined, file: string) => {
    if (schema.check) schema.check(key, value, (name, message, _sub, severity) => report(ctx, name, message, keyRange, file, severity));
    if (schema.separator === "extra_hosts" && valueNode && value !== null && !value.includes("$")) {
      const p = parseExtraHost(`${key}=${value}`);
      if (!p.ok) report(ctx, "invalid-extra-host", p.problem.message, valueNode.range, valueNode.file);
    }
  };
  if (node.kind === "map") {
    for (const e of node.entries) {
      const v = e.value;
      const values: CNode[] = schema.listValues && v.kind === "seq" ? v.items : [v];
      for (const item of values) {
        if (item.kind !== "scalar") {
          report(ctx, "invalid-type", `${pathText(ctx)}.${e.key} must be a string, number, boolean or null, not ${kindName(item)}`, item.range, item.file);
          continue;
        }
        const kv: KeyValue = { key: e.key, keyRange: e.keyRange, range: { start: e.keyRange.start, end: item.range.end }, file: e.keyFile };
        if (item.value !== null) kv.value = scalarOut(item, scalarText(item));
        check(e.key, item.value === null ? null : scalarText(item), e.keyRange, item, e.keyFile);
        out.push(kv);
      }
    }
    return out;
  }
  if (node.kind === "seq") {
    const seen = new Set<string>();
    for (const item of node.items) {
      if (item.kind === "scalar" && item.value !== null && !item.incomplete) {
        const t = scalarText(item);
        if (seen.has(t)) report(ctx, "duplicate-item", `"${t}" is listed twice in ${pathText(ctx)}`, item.range, item.file);
        seen.add(t);
      }
      if (item.kind !== "scalar" || item.value === null) {
        report(ctx, "invalid-type", `Entries of ${pathText(ctx)} must be strings, not ${kindName(item)}`, item.range, item.file);
        continue;
      }
      const text = scalarText(item);
      let sep = text.indexOf("=");
      if (schema.separator === "extra_hosts") {
        const p = unresolved(item) ? undefined : parseExtraHost(text);
        if (p && !p.ok) {
          report(ctx, "invalid-extra-host", p.problem.message, subRange(item, p.problem.from, p.problem.to), item.file);
          continue;
        }
        if (sep < 0) sep = text.indexOf(":");
      }
      if (sep < 0 && schema.requireEquals) {
        report(ctx, "invalid-key-value", `"${text}" in ${pathText(ctx)} must have the form KEY=VALUE`, item.range, item.file);
        continue;
      }
      const key = sep < 0 ? text : text.slice(0, sep);
      const keyRange = subRange(item, 0, key.length);
      const kv: KeyValue = { key, keyRange, range: item.range, file: item.file };
      if (sep >= 0) {
        const valueText = text.slice(sep + 1);
        const vr = subRange(item, sep + 1, text.length);
        kv.value = { value: valueText, range: vr, file: item.file, node: item };
      }
      if (schema.separator !== "extra_hosts") check(key, sep < 0 ? null : text.slice(sep + 1), keyRange, undefined, item.file);
      out.push(kv);
    }
    return out;
  }
  typeError(node, "a mapping or a list of KEY=VALUE", ctx);
  return undefined;
}

/** The closest candidate by edit distance, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = word.length <= 4 ? 1 : 2;
  return bestD > 0 && bestD <= limit ? best : bestD === 0 && best !== word ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

