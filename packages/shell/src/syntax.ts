import type { Language, Node, Tree } from "web-tree-sitter";

/**
 * A plain copy of a tree-sitter node. Every property read on a web-tree-sitter node is a call into
 * wasm, so the tree is copied once (children fetched in one call per parent) and everything else
 * works on these objects.
 */
export interface SyntaxNode {
  type: string;
  named: boolean;
  /** UTF-16 offsets into the script. */
  start: number;
  end: number;
  /** Only looked up when the tree has errors (it costs a call per node). */
  missing: boolean;
  children: SyntaxNode[];
}

/** Named node types of the bash grammar that are single tokens. */
const TOKEN_TYPES = new Set([
  "word", "number", "variable_name", "special_variable_name", "file_descriptor", "heredoc_start", "heredoc_end",
  "heredoc_content", "string_content", "raw_string", "ansi_c_string", "comment", "test_operator", "regex",
  "extglob_pattern", "empty_value",
]);

const namedByLanguage = new WeakMap<Language, boolean[]>();

export function copyTree(tree: Tree): { root: SyntaxNode; hasError: boolean } {
  const language = tree.language;
  let named = namedByLanguage.get(language);
  if (!named) namedByLanguage.set(language, (named = []));
  const root = tree.rootNode;
  const hasError = root.hasError;
  const copy: SyntaxNode = { type: root.type, named: true, start: root.startIndex, end: root.endIndex, missing: false, children: [] };
  copyChildren(root, copy, language, named, hasError);
  return { root: copy, hasError };
}

/**
 * Anonymous tokens whose text is exactly their type: operators and keywords. (Quote tokens are
 * left out: tree-sitter-bash's scanner can give a closing `"` leading whitespace.)
 */
const FIXED_TEXT = /^(?:[;&|<>()!{}[\]=+-]+|[a-z]+)$/;

/**
 * Copies the children of `node`. To save calls into wasm, an end offset is computed where that is
 * exact: a fixed-text token ends at start + its length, and (in a tree without errors) a parent
 * ends where its last child ends. Error trees ask for every end.
 */
function copyChildren(node: Node, into: SyntaxNode, language: Language, named: boolean[], hasError: boolean): void {
  const types = language.types;
  for (const child of node.children) {
    if (!child) continue;
    const id = child.typeId;
    // Error nodes carry an id outside the types table.
    const type = types[id] ?? "ERROR";
    let isNamed = named[id];
    if (isNamed === undefined) isNamed = named[id] = type === "ERROR" || language.nodeTypeIsNamed(id);
    const start = child.startIndex;
    const copy: SyntaxNode = { type, named: isNamed, start, end: start, missing: hasError ? child.isMissing : false, children: [] };
    into.children.push(copy);
    // Tokens never have children; asking would cost another call.
    const parent = isNamed && !TOKEN_TYPES.has(type);
    if (parent) copyChildren(child, copy, language, named, hasError);
    if (hasError) copy.end = child.endIndex;
    else if (!isNamed && FIXED_TEXT.test(type)) copy.end = start + type.length;
    else if (parent && copy.children.length > 0) copy.end = copy.children[copy.children.length - 1].end;
    else copy.end = child.endIndex;
  }
}
