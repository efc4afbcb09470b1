import type { Range } from "@shipshape/text";

/**
 * The YAML tree every later stage works on: plain maps, sequences and scalars, each remembering the file and
 * the source range it came from. Aliases and merge keys are already expanded, so interpolation, merging and
 * validation never see YAML-level indirection, yet every value still points back at the text that wrote it.
 */
export type CNode = CMap | CSeq | CScalar;

/** `!reset` removes an inherited value; `!override` replaces it instead of merging. */
export type MergeTag = "reset" | "override";

interface CBase {
  range: Range;
  file: string;
  tag?: MergeTag;
}

export interface CEntry {
  key: string;
  keyRange: Range;
  /** The file the key was written in (differs from the map's file after a merge). */
  keyFile: string;
  value: CNode;
}

export interface CMap extends CBase {
  kind: "map";
  entries: CEntry[];
}

export interface CSeq extends CBase {
  kind: "seq";
  items: CNode[];
}

export type ScalarValue = string | number | boolean | null;

export interface CScalar extends CBase {
  kind: "scalar";
  value: ScalarValue;
  /** How the scalar was written: plain text can be typed by YAML, quoted text is always a string. */
  style: "plain" | "quoted" | "block";
  /** The value before interpolation, when interpolation changed it. */
  original?: string;
  /** Interpolation met a variable with no value: typed checks are skipped (the variable was reported). */
  incomplete?: boolean;
  /**
   * For a string value written verbatim on one line (plain, or quoted without escapes): the source offset of
   * its first character, so a sub-part such as one `${VAR}` or a port number can be pointed at.
   */
  valueStart?: number;
  /** The source text of a string scalar that is not written verbatim (escapes, several lines), for `subRange`. */
  source?: string;
}

export function getEntry(map: CMap, key: string): CEntry | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) if (map.entries[i]!.key === key) return map.entries[i];
  return undefined;
}

export function getValue(map: CMap, key: string): CNode | undefined {
  return getEntry(map, key)?.value;
}

export function isMap(n: CNode | undefined): n is CMap {
  return n?.kind === "map";
}

export function isSeq(n: CNode | undefined): n is CSeq {
  return n?.kind === "seq";
}

export function isScalar(n: CNode | undefined): n is CScalar {
  return n?.kind === "scalar";
}

/** The text of a scalar as compose-go's string conversion would see it (numbers and booleans printed). */
export function scalarText(n: CScalar): string {
  if (n.value === null) return "";
  return String(n.value);
}

/** Sub-range of a string scalar covering value characters [from, to), or the whole node when unmappable. */
export function subRange(n: CScalar, from: number, to: number): Range {
  if (typeof n.value !== "string" || from < 0 || to > n.value.length || from > to) return n.range;
  const base = n.valueStart;
  if (base !== undefined) return { start: base + from, end: base + to };
  // Block scalars and escaped strings: a part that is written exactly once in the source is still findable.
  const needle = n.value.slice(from, to);
  if (n.source !== undefined && needle.length >= 2) {
    const at = n.source.indexOf(needle);
    if (at >= 0 && n.source.indexOf(needle, at + 1) < 0) return { start: n.range.start + at, end: n.range.start + at + needle.length };
  }
  return n.range;
}

export function cloneNode<T extends CNode>(n: T): T {
  if (n.kind === "map") return { ...n, entries: n.entries.map((e) => ({ ...e, value: cloneNode(e.value) })) } as T;
  if (n.kind === "seq") return { ...n, items: n.items.map(cloneNode) } as T;
  return { ...n } as T;
}

/** Converts a subtree to plain JavaScript data (for tests and for comparisons). */
export function toPlain(n: CNode | undefined): unknown {
  if (!n) return undefined;
  if (n.kind === "scalar") return n.value;
  if (n.kind === "seq") return n.items.map(toPlain);
  const o: Record<string, unknown> = {};
  for (const e of n.entries) o[e.key] = toPlain(e.value);
  return o;
}
