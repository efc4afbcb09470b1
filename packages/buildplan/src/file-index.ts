/**
 * A context file list as a tree of path components. A COPY source selects a path when its first components
 * match the source's (`sourceSelects`); walking the tree finds those paths by following the source's
 * components instead of testing every file, so a large context costs the same per source as a small one.
 * Paths are split exactly as `sourceSelects` splits them (on `/`, empty components kept).
 */
import { LiteralComponent, type CompiledSource } from "./sources.js";

interface Node {
  children: Map<string, Node>;
  /** Indices of the listed paths that end at this node. */
  ends: number[];
}

function newNode(): Node {
  return { children: new Map(), ends: [] };
}

export class FileIndex {
  private readonly root = newNode();

  constructor(readonly paths: readonly string[]) {
    paths.forEach((p, i) => {
      let node = this.root;
      for (const part of p.split("/")) {
        let next = node.children.get(part);
        if (!next) {
          next = newNode();
          node.children.set(part, next);
        }
        node = next;
      }
      node.ends.push(i);
    });
  }

  /** The nodes whose path matches all of the source's components (every path below them is selected). */
  private matched(src: CompiledSource): Node[] {
    let level = [this.root];
    for (const part of src.parts) {
      const next: Node[] = [];
      for (const node of level) {
        if (part instanceof LiteralComponent) {
          const child = node.children.get(part.name);
          if (child) next.push(child);
        } else {
          for (const [name, child] of node.children) if (part.test(name)) next.push(child);
        }
      }
      if (next.length === 0) return next;
      level = next;
    }
    return level;
  }

  /** `sourceMatchesAny(src, paths)`: every node of the tree has a path at or below it. */
  selectsAny(src: CompiledSource): boolean {
    if (src.whole) return this.paths.length > 0;
    return this.matched(src).length > 0;
  }

  /** The indices of the paths the source selects, in no particular order. */
  selected(src: CompiledSource): number[] {
    if (src.whole) return this.paths.map((_, i) => i);
    const out: number[] = [];
    const collect = (node: Node): void => {
      for (const i of node.ends) out.push(i);
      for (const child of node.children.values()) collect(child);
    };
    for (const node of this.matched(src)) collect(node);
    return out;
  }
}
