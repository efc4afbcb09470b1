import type { Language, Node, Tree, TreeCursor } from "web-tree-sitter";

/**
 * A plain copy of a tree-sitter node. Every property read on a web-tree-sitter node is a call into
 * wasm, so the tree is copied once and everything else works on these objects.
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

/**
 * Anonymous tokens whose text is exactly their type: operators and keywords. (Quote tokens are
 * left out: tree-sitter-bash's scanner can give a closing `"` leading whitespace.)
 */
const FIXED_TEXT = /^(?:[;&|<>()!{}[\]=+-]+|[a-z]+)$/;

/**
 * The children of every leaf: most nodes are tokens, and one shared (frozen) empty array instead of
 * one each keeps cached trees smaller and the collector's work down.
 */
const NO_CHILDREN: SyntaxNode[] = Object.freeze([]) as unknown as SyntaxNode[];

/** What the copier needs to know about a node type, worked out once per type id. */
interface TypeInfo {
  type: string;
  named: boolean;
  /** Named and not a token: its children are copied. Tokens never have children; asking would cost a call. */
  parent: boolean;
  /** For a fixed-text token, its length (its end is start + length); else -1. */
  fixedLength: number;
}

const typeInfoByLanguage = new WeakMap<Language, TypeInfo[]>();

function typeInfo(language: Language, table: TypeInfo[], id: number): TypeInfo {
  let info = table[id];
  if (info === undefined) {
    // Error nodes carry an id outside the types table.
    const type = language.types[id] ?? "ERROR";
    const named = type === "ERROR" || language.nodeTypeIsNamed(id);
    info = table[id] = { type, named, parent: named && !TOKEN_TYPES.has(type), fixedLength: !named && FIXED_TEXT.test(type) ? type.length : -1 };
  }
  return info;
}

function typeTable(language: Language): TypeInfo[] {
  let table = typeInfoByLanguage.get(language);
  if (!table) typeInfoByLanguage.set(language, (table = []));
  return table;
}

/**
 * Copies a tree. To save calls into wasm, an end offset is computed where that is exact: a
 * fixed-text token ends at start + its length, and (in a tree without errors) a parent ends where
 * its last child ends. Error trees ask for every end. With a bound module (`bindTreeSitterModule`)
 * the tree is walked with a cursor through the module's own exports; otherwise through
 * web-tree-sitter's `Node` objects. Both give the same copy.
 */
export function copyTree(tree: Tree): { root: SyntaxNode; hasError: boolean } {
  const language = tree.language;
  const table = typeTable(language);
  const root = tree.rootNode;
  const hasError = root.hasError;
  const copy: SyntaxNode = { type: root.type, named: true, start: root.startIndex, end: root.endIndex, missing: false, children: [] };
  if (cursorExports) copyWithCursor(tree, root, copy, language, table, hasError, cursorExports);
  else copyChildren(root, copy, language, table, hasError);
  return { root: copy, hasError };
}

/** Copies the children of `node` through web-tree-sitter's `Node` API (one `children` call per parent). */
function copyChildren(node: Node, into: SyntaxNode, language: Language, table: TypeInfo[], hasError: boolean): void {
  for (const child of node.children) {
    if (!child) continue;
    const info = typeInfo(language, table, child.typeId);
    const start = child.startIndex;
    const copy: SyntaxNode = { type: info.type, named: info.named, start, end: start, missing: hasError ? child.isMissing : false, children: NO_CHILDREN };
    into.children.push(copy);
    if (info.parent) {
      copy.children = [];
      copyChildren(child, copy, language, table, hasError);
      if (copy.children.length === 0) copy.children = NO_CHILDREN;
    }
    if (hasError) copy.end = child.endIndex;
    else if (info.fixedLength >= 0) copy.end = start + info.fixedLength;
    else if (info.parent && copy.children.length > 0) copy.end = copy.children[copy.children.length - 1].end;
    else copy.end = child.endIndex;
  }
}

// ---------------------------------------------------------------------------------------------
// The cursor walk through the module's exports

/**
 * The part of web-tree-sitter's wasm module that the cursor walk uses. Each `*_wasm` cursor function
 * reads the cursor from the module's transfer buffer and, for moves, writes it back there, so a
 * walk that keeps the cursor in the buffer needs no marshalling in JavaScript: web-tree-sitter's own
 * `TreeCursor` copies four words in and out around every call and that, not the walk, was most of
 * the copy's time.
 */
interface CursorExports {
  /** The module object, for its current heap view (replaced when wasm memory grows). */
  module: { HEAP_DATA_VIEW: DataView };
  /** Address of the transfer buffer. */
  buffer: number;
  gotoFirstChild(tree: number): number;
  gotoNextSibling(tree: number): number;
  gotoParent(tree: number): number;
  typeId(tree: number): number;
  isMissing(tree: number): number;
  startIndex(tree: number): number;
  endIndex(tree: number): number;
}

type WasmFunction = (...args: number[]) => number;

let cursorExports: CursorExports | undefined;

/**
 * Lets `copyTree` walk trees through web-tree-sitter's module object: the object passed to
 * `Parser.init` (after it has resolved), which Emscripten fills with the module's exports. Returns
 * false, and `copyTree` keeps to the `Node` API, when the object lacks any export it needs, as
 * another web-tree-sitter build might. Without an argument, goes back to the `Node` API.
 */
export function bindTreeSitterModule(module?: unknown): boolean {
  cursorExports = undefined;
  const m = module as Partial<Record<string, unknown>> | undefined;
  if (!m || !(m.HEAP_DATA_VIEW instanceof DataView)) return false;
  const fn = (name: string): WasmFunction | undefined => (typeof m[name] === "function" ? (m[name] as WasmFunction) : undefined);
  const init = fn("_ts_init");
  const exports = {
    gotoFirstChild: fn("_ts_tree_cursor_goto_first_child_wasm"),
    gotoNextSibling: fn("_ts_tree_cursor_goto_next_sibling_wasm"),
    gotoParent: fn("_ts_tree_cursor_goto_parent_wasm"),
    typeId: fn("_ts_tree_cursor_current_node_type_id_wasm"),
    isMissing: fn("_ts_tree_cursor_current_node_is_missing_wasm"),
    startIndex: fn("_ts_tree_cursor_start_index_wasm"),
    endIndex: fn("_ts_tree_cursor_end_index_wasm"),
  };
  if (!init || Object.values(exports).some((f) => f === undefined)) return false;
  // `_ts_init` only writes the two language version numbers into the transfer buffer and returns its address.
  cursorExports = { module: m as CursorExports["module"], buffer: init(), ...(exports as Record<keyof typeof exports, WasmFunction>) };
  return true;
}

/** The four words of a web-tree-sitter `TreeCursor` (its wasm handle). */
type CursorWords = TreeCursor & Record<0 | 1 | 2 | 3, number>;

function copyWithCursor(tree: Tree, root: Node, into: SyntaxNode, language: Language, table: TypeInfo[], hasError: boolean, wasm: CursorExports): void {
  const cursor = root.walk() as CursorWords;
  const treeAddress = (tree as unknown as Record<0, number>)[0];
  const buffer = wasm.buffer;
  let view = wasm.module.HEAP_DATA_VIEW;
  for (let i = 0; i < 4; i++) view.setInt32(buffer + 4 * i, cursor[i as 0 | 1 | 2 | 3], true);
  try {
    if (wasm.gotoFirstChild(treeAddress)) walkLevel(wasm, treeAddress, into, language, table, hasError);
  } finally {
    // Hand the moved cursor back so that `delete` frees what it holds now.
    view = wasm.module.HEAP_DATA_VIEW;
    for (let i = 0; i < 4; i++) cursor[i as 0 | 1 | 2 | 3] = view.getInt32(buffer + 4 * i, true);
    cursor.delete();
  }
}

/** Copies the node under the cursor and its following siblings into `into`; leaves the cursor on the last. */
function walkLevel(wasm: CursorExports, tree: number, into: SyntaxNode, language: Language, table: TypeInfo[], hasError: boolean): void {
  do {
    const info = typeInfo(language, table, wasm.typeId(tree));
    const start = wasm.startIndex(tree);
    const missing = hasError ? wasm.isMissing(tree) === 1 : false;
    const copy: SyntaxNode = { type: info.type, named: info.named, start, end: start, missing, children: NO_CHILDREN };
    into.children.push(copy);
    if (info.parent && wasm.gotoFirstChild(tree)) {
      copy.children = [];
      walkLevel(wasm, tree, copy, language, table, hasError);
      wasm.gotoParent(tree);
    }
    if (hasError) copy.end = wasm.endIndex(tree);
    else if (info.fixedLength >= 0) copy.end = start + info.fixedLength;
    else if (info.parent && copy.children.length > 0) copy.end = copy.children[copy.children.length - 1].end;
    else copy.end = wasm.endIndex(tree);
  } while (wasm.gotoNextSibling(tree));
}
