import type { CEntry, CMap, CNode } from "./node.js";

export interface Location {
  /** Keys (and list indexes as strings) from the top of the file down to the innermost node at the offset. */
  path: string[];
  /** The innermost node containing the offset. */
  node?: CNode;
  /** The mapping entry whose key holds the offset, when the offset is on a key. */
  key?: CEntry;
}

/**
 * Finds what is at a source offset of one file: the chain of keys leading to it, for `describeKey`,
 * `keysAt` and `enumValuesAt`. Only nodes written in `file` count (content merged in from anchors elsewhere
 * or from other files is skipped), so the path is the one the user sees at that place.
 */
export function locate(root: CMap | undefined, offset: number, file?: string): Location {
  const out: Location = { path: [] };
  if (!root) return out;
  let current: CNode = root;
  out.node = root;
  const mine = (n: { file: string }) => file === undefined || n.file === file;
  const inside = (r: { start: number; end: number }) => r.start <= offset && offset <= r.end;
  for (let depth = 0; depth < 500; depth++) {
    let next: CNode | undefined;
    if (current.kind === "map") {
      for (const e of current.entries) {
        if (!mine({ file: e.keyFile })) continue;
        if (inside(e.keyRange)) {
          out.path.push(e.key);
          out.key = e;
          return out;
        }
        if (mine(e.value) && inside(e.value.range) && e.value.range.end > e.value.range.start) {
          out.path.push(e.key);
          next = e.value;
          break;
        }
      }
    } else if (current.kind === "seq") {
      current.items.forEach((it, i) => {
        if (!next && mine(it) && inside(it.range)) {
          out.path.push(String(i));
          next = it;
        }
      });
    }
    if (!next) return out;
    current = next;
    out.node = next;
  }
  return out;
}
