/**
 * Shared by the ordering rules: which entries of a mapping or sequence are out of order, and the fix
 * that sorts them (entries moved as whole lines, see reorder.ts).
 */
import type { CEntry, CMap, CNode, CSeq } from "@shipshape/compose";
import type { Fix } from "@shipshape/text";
import type { ComposeRuleContext } from "../../../rule.js";
import { reorderEdit, type Entry } from "./reorder.js";

/** Entries written in this map itself (merge keys bring in entries written elsewhere). */
export function ownEntries(map: CMap): CEntry[] {
  return map.entries.filter((e) => e.keyFile === map.file && e.keyRange.start >= map.range.start && e.keyRange.end <= map.range.end);
}

/** Items written in this sequence itself. */
export function ownItems(seq: CSeq): CNode[] {
  return seq.items.filter((n) => n.file === seq.file && n.range.start >= seq.range.start && n.range.end <= seq.range.end);
}

const span = (e: CEntry): Entry => ({ start: e.keyRange.start, end: Math.max(e.keyRange.end, e.value.range.end) });

/**
 * Reports every element that comes after one it should precede (`compare` < 0 means a goes first) and
 * offers one fix sorting them all (a stable sort, so equal elements keep their order).
 */
export function reportOutOfOrder<T>(
  ctx: ComposeRuleContext<any>,
  items: readonly { item: T; entry: Entry; target: CNode | CEntry["keyRange"] }[],
  compare: (a: T, b: T) => number,
  kind: "map" | "seq",
  message: (item: T, before: T) => string,
  fixTitle: string,
  /**
   * Which element a later one is measured against: the greatest so far (`max`, as dclint's
   * services-alphabetical-order), or the one right before it (`previous`, as its service-keys-order).
   */
  against: "max" | "previous" = "max",
): void {
  const order = items.map((_, i) => i).sort((a, b) => compare(items[a]!.item, items[b]!.item) || a - b);
  if (order.every((v, i) => v === i)) return;
  const edit = reorderEdit(ctx.file.text, items.map((i) => i.entry), order, kind);
  const fix: Fix | undefined = edit ? ctx.fix.of(fixTitle, [{ range: edit.range, text: edit.text }]) : undefined;
  let latest = 0;
  for (let i = 1; i < items.length; i++) {
    if (compare(items[i]!.item, items[latest]!.item) < 0) {
      // Name the first earlier element this one should precede.
      const before = items.find((x) => compare(items[i]!.item, x.item) < 0)!;
      ctx.report(items[i]!.target, message(items[i]!.item, before.item), fix ? { fix } : undefined);
      if (against === "previous") latest = i;
    } else latest = i;
  }
}

/** The entries of a map as ordering items keyed by their key. */
export function keyItems(map: CMap): { item: string; entry: Entry; target: CEntry["keyRange"] }[] {
  return ownEntries(map).map((e) => ({ item: e.key, entry: span(e), target: e.keyRange }));
}
