import type { Language, Node, Tree, TreeCursor } from "web-tree-sitter";

/**
 * A copy of a tree-sitter tree in flat arrays, indexed by node number in preorder (the root is 0).
 * Every property read on a web-tree-sitter node is a call into wasm, so the tree is copied once and
 * everything else works on the copy. The copy is transient (built scripts are kept, trees are not)
 * and trees are recycled (`releaseSyntax`), so a parse allocates no objects per node.
 */
export class SyntaxTree {
  /** Number of nodes. */
  size = 0;
  /** False when the tree has no ERROR or missing node. */
  hasError = false;
  /** Per node: what its type is. */
  info: TypeInfo[] = [];
  /** Per node: UTF-16 offsets into the script. */
  start: Int32Array;
  end: Int32Array;
  /** Per node: first child and next sibling, -1 for none. */
  first: Int32Array;
  next: Int32Array;
  /** Per node: 1 for a missing node (only looked up when the tree has errors: it costs a call per node). */
  missing: Uint8Array;

  constructor(capacity = 256) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.first = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.missing = new Uint8Array(capacity);
  }

  type(node: number): string {
    return this.info[node].type;
  }

  named(node: number): boolean {
    return this.info[node].named;
  }

  isMissing(node: number): boolean {
    return this.missing[node] === 1;
  }

  /** The first child of `node` whose type is `type`, or -1. */
  childOfType(node: number, type: string): number {
    for (let c = this.first[node]; c >= 0; c = this.next[c]) if (this.info[c].type === type) return c;
    return -1;
  }

  /** The last child of `node`, or -1. */
  lastChild(node: number): number {
    let last = -1;
    for (let c = this.first[node]; c >= 0; c = this.next[c]) last = c;
    return last;
  }

  /** Starts a copy: no nodes. */
  reset(hasError: boolean): void {
    this.size = 0;
    this.hasError = hasError;
  }

  /** Appends a node without children or siblings; its end is set by the copier. */
  add(info: TypeInfo, start: number, missing: boolean): number {
    const n = this.size;
    if (n === this.start.length) this.grow();
    this.info[n] = info;
    this.start[n] = start;
    this.end[n] = start;
    this.first[n] = -1;
    this.next[n] = -1;
    this.missing[n] = missing ? 1 : 0;
    this.size = n + 1;
    return n;
  }

  private grow(): void {
    const capacity = this.start.length * 2;
    const widen = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.start = widen(this.start, new Int32Array(capacity));
    this.end = widen(this.end, new Int32Array(capacity));
    this.first = widen(this.first, new Int32Array(capacity));
    this.next = widen(this.next, new Int32Array(capacity));
    this.missing = widen(this.missing, new Uint8Array(capacity));
  }
}

/** Trees handed back by `releaseSyntax`, reused by the next copies (a nested script is copied while its outer tree is in use). */
const freeTrees: SyntaxTree[] = [];
const MAX_FREE_TREES = 4;

function acquireTree(): SyntaxTree {
  return freeTrees.pop() ?? new SyntaxTree();
}

/** Hands a tree from `copyTree` back for reuse; the caller must not read it afterwards. */
export function releaseSyntax(tree: SyntaxTree): void {
  // Type infos are shared, so a recycled tree keeps nothing alive.
  if (freeTrees.length < MAX_FREE_TREES && !freeTrees.includes(tree)) freeTrees.push(tree);
}

/** A node of a `SyntaxTree` as a plain object with its children, for tests and debugging. */
export interface SyntaxNodeView {
  type: string;
  named: boolean;
  start: number;
  end: number;
  missing: boolean;
  children: SyntaxNodeView[];
}

export function nodeView(tree: SyntaxTree, node = 0): SyntaxNodeView {
  const children: SyntaxNodeView[] = [];
  for (let c = tree.first[node]; c >= 0; c = tree.next[c]) children.push(nodeView(tree, c));
  return { type: tree.type(node), named: tree.named(node), start: tree.start[node], end: tree.end[node], missing: tree.isMissing(node), children };
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

/** What the copier needs to know about a node type, worked out once per type id. */
export interface TypeInfo {
  type: string;
  named: boolean;
  /** Named and not a token: its children are copied. Tokens never have children; asking would cost a call. */
  parent: boolean;
  /** For a fixed-text token, its length (its end is start + length); else -1. */
  fixedLength: number;
}

/**
 * Type infos by type id: a dense array of the grammar's types, filled before any walk (so no wasm
 * call is made mid-walk to learn a type), and the ids outside it (ERROR is 65535), which a dense
 * array must not hold: one entry that far out turns its elements into a slow dictionary.
 */
interface TypeTable {
  byId: TypeInfo[];
  other: Map<number, TypeInfo>;
}

const typeTables = new WeakMap<Language, TypeTable>();

function readTypeInfo(language: Language, id: number): TypeInfo {
  // Error nodes carry an id outside the types table.
  const type = language.types[id] ?? "ERROR";
  const named = type === "ERROR" || language.nodeTypeIsNamed(id);
  return { type, named, parent: named && !TOKEN_TYPES.has(type), fixedLength: !named && FIXED_TEXT.test(type) ? type.length : -1 };
}

function typeInfo(language: Language, table: TypeTable, id: number): TypeInfo {
  return table.byId[id] ?? otherTypeInfo(language, table, id);
}

function otherTypeInfo(language: Language, table: TypeTable, id: number): TypeInfo {
  let info = table.other.get(id);
  if (!info) table.other.set(id, (info = readTypeInfo(language, id)));
  return info;
}

function typeTable(language: Language): TypeTable {
  let table = typeTables.get(language);
  if (!table) {
    const byId: TypeInfo[] = [];
    for (let id = 0; id < language.types.length; id++) byId.push(readTypeInfo(language, id));
    typeTables.set(language, (table = { byId, other: new Map() }));
  }
  return table;
}

/**
 * Copies a tree. To save calls into wasm, an end offset is computed where that is exact: a
 * fixed-text token ends at start + its length, and (in a tree without errors) a parent ends where
 * its last child ends. Error trees ask for every end. With a bound module (`bindTreeSitterModule`)
 * the tree is walked with a cursor through the module's own exports; otherwise through
 * web-tree-sitter's `Node` objects. Both give the same copy.
 */
export function copyTree(tree: Tree): SyntaxTree {
  const language = tree.language;
  const table = typeTable(language);
  const root = tree.rootNode;
  const out = acquireTree();
  out.reset(root.hasError);
  const top = out.add(typeInfo(language, table, root.typeId), root.startIndex, false);
  out.end[top] = root.endIndex;
  if (cursorExports) copyWithCursor(tree, root, out, language, table, cursorExports);
  else copyChildren(root, top, out, language, table);
  return out;
}

/** The end of a node just copied, from its start, its type and its last child where that is exact. */
function copiedEnd(out: SyntaxTree, info: TypeInfo, start: number, lastChild: number, endIndex: () => number): number {
  if (out.hasError) return endIndex();
  if (info.fixedLength >= 0) return start + info.fixedLength;
  if (lastChild >= 0) return out.end[lastChild];
  return endIndex();
}

/** Copies the children of `node` through web-tree-sitter's `Node` API (one `children` call per parent). */
function copyChildren(node: Node, parent: number, out: SyntaxTree, language: Language, table: TypeTable): number {
  let prev = -1;
  for (const child of node.children) {
    if (!child) continue;
    const info = typeInfo(language, table, child.typeId);
    const start = child.startIndex;
    const n = out.add(info, start, out.hasError ? child.isMissing : false);
    if (prev < 0) out.first[parent] = n;
    else out.next[prev] = n;
    prev = n;
    const last = info.parent ? copyChildren(child, n, out, language, table) : -1;
    out.end[n] = copiedEnd(out, info, start, last, () => child.endIndex);
  }
  return prev;
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

function copyWithCursor(tree: Tree, root: Node, out: SyntaxTree, language: Language, table: TypeTable, wasm: CursorExports): void {
  const cursor = root.walk() as CursorWords;
  const treeAddress = (tree as unknown as Record<0, number>)[0];
  const buffer = wasm.buffer;
  let view = wasm.module.HEAP_DATA_VIEW;
  for (let i = 0; i < 4; i++) view.setInt32(buffer + 4 * i, cursor[i as 0 | 1 | 2 | 3], true);
  try {
    if (wasm.gotoFirstChild(treeAddress)) walkLevel(wasm, treeAddress, 0, out, language, table);
  } finally {
    // Hand the moved cursor back so that `delete` frees what it holds now.
    view = wasm.module.HEAP_DATA_VIEW;
    for (let i = 0; i < 4; i++) cursor[i as 0 | 1 | 2 | 3] = view.getInt32(buffer + 4 * i, true);
    cursor.delete();
  }
}

/**
 * Copies the node under the cursor and its following siblings as the children of `parent`; leaves
 * the cursor on the last. Returns the last one copied.
 */
function walkLevel(wasm: CursorExports, tree: number, parent: number, out: SyntaxTree, language: Language, table: TypeTable): number {
  const hasError = out.hasError;
  let prev = -1;
  do {
    const info = typeInfo(language, table, wasm.typeId(tree));
    const start = wasm.startIndex(tree);
    const n = out.add(info, start, hasError ? wasm.isMissing(tree) === 1 : false);
    if (prev < 0) out.first[parent] = n;
    else out.next[prev] = n;
    prev = n;
    let last = -1;
    if (info.parent && wasm.gotoFirstChild(tree)) {
      last = walkLevel(wasm, tree, n, out, language, table);
      wasm.gotoParent(tree);
    }
    // Inline rather than `copiedEnd`: this loop runs once per node of every script.
    if (hasError) out.end[n] = wasm.endIndex(tree);
    else if (info.fixedLength >= 0) out.end[n] = start + info.fixedLength;
    else if (last >= 0) out.end[n] = out.end[last];
    else out.end[n] = wasm.endIndex(tree);
  } while (wasm.gotoNextSibling(tree));
  return prev;
}
