import type { Tree } from "web-tree-sitter";

/**
 * A plain copy of a tree-sitter node. Reading the wasm tree node by node is slow, so the tree is
 * copied once with a cursor and everything else works on these objects.
 */
export interface SyntaxNode {
  type: string;
  named: boolean;
  /** UTF-16 offsets into the script. */
  start: number;
  end: number;
  /** The field name under its parent (`name`, `argument`, `redirect`, ...), or "" when none. */
  field: string;
  missing: boolean;
  children: SyntaxNode[];
}

export function copyTree(tree: Tree): SyntaxNode {
  const cursor = tree.walk();
  try {
    const root = current(cursor, "");
    const stack: SyntaxNode[] = [root];
    // Depth-first walk; `stack` holds the chain of copied ancestors.
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const node = current(cursor, cursor.currentFieldName ?? "");
      stack[stack.length - 1].children.push(node);
      if (cursor.gotoFirstChild()) {
        stack.push(node);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.length === 1) return root;
        stack.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

function current(cursor: ReturnType<Tree["walk"]>, field: string): SyntaxNode {
  return {
    type: cursor.nodeType,
    named: cursor.nodeIsNamed,
    start: cursor.startIndex,
    end: cursor.endIndex,
    field,
    missing: cursor.nodeIsMissing,
    children: [],
  };
}
