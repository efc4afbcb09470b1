import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser as ParserType, Tree } from "web-tree-sitter";
import { bindTreeSitterModule, copyTree, nodeView, releaseSyntax } from "../src/syntax.js";

/** A tree's copy as plain nested objects (the flat copy handed back for reuse). */
function copied(tree: Tree) {
  const flat = copyTree(tree);
  const copy = { root: nodeView(flat), hasError: flat.hasError };
  releaseSyntax(flat);
  return copy;
}

/** The object handed to `Parser.init`, which Emscripten fills with the module's exports. */
const wasmModule: Record<string, unknown> = {};
let parser: ParserType;
let webTreeSitter: typeof import("web-tree-sitter");

beforeAll(async () => {
  // A web-tree-sitter instance of its own: the package's first `Parser.init` call in a process fills
  // its options object with the module's exports, and other test files may have called it already.
  const require = createRequire(import.meta.url);
  webTreeSitter = (await import(`${pathToFileURL(require.resolve("web-tree-sitter")).href}?own-instance`)) as typeof import("web-tree-sitter");
  const { Parser, Language } = webTreeSitter;
  await Parser.init(wasmModule);
  const language = await Language.load(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"));
  parser = new Parser();
  parser.setLanguage(language);
});

/** Both copies of one parse: through `Node` objects, then through the module's cursor exports. */
function bothCopies(script: string) {
  const tree = parser.parse(script)!;
  try {
    bindTreeSitterModule();
    const viaNodes = copied(tree);
    expect(bindTreeSitterModule(wasmModule)).toBe(true);
    const viaCursor = copied(tree);
    return { viaNodes, viaCursor };
  } finally {
    bindTreeSitterModule();
    tree.delete();
  }
}

const SCRIPTS = [
  "apt-get update && apt-get install -y curl=7.8 \\\n  git && rm -rf /var/lib/apt/lists/*",
  "set -eux; for f in a b; do echo \"$f ${f:-x}\" | tee -a /log; done",
  "cat <<EOF > /etc/x.conf\nkey=$(hostname)\nEOF\nsh -c 'echo nested' || true",
  "if [ -f x ]; then (cd /tmp && make) 2>&1 >/dev/null; elif ! true; then :; else exit 1; fi",
  "f() { local a=$((1 + 2)); echo `date` <(ls) \"$@\"; }; f x{1,2} 'y' $'z\\n'",
  "echo 'unterminated",
  "if then fi ((",
  "echo \"é😀\" && printf '%s' \"ü\"",
  "",
];

describe("copyTree", () => {
  it("gives the same copy through the cursor exports as through Node objects, errors and missing nodes included", () => {
    for (const script of SCRIPTS) {
      const { viaNodes, viaCursor } = bothCopies(script);
      expect(viaCursor).toEqual(viaNodes);
    }
  });

  it("learns node types during a cursor walk without disturbing it (a fresh language: no type known yet)", async () => {
    const require = createRequire(import.meta.url);
    const fresh = new webTreeSitter.Parser();
    fresh.setLanguage(await webTreeSitter.Language.load(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm")));
    const script = SCRIPTS.join("\n");
    const tree = fresh.parse(script)!;
    try {
      expect(bindTreeSitterModule(wasmModule)).toBe(true);
      const viaCursor = copied(tree);
      bindTreeSitterModule();
      expect(viaCursor).toEqual(copied(tree));
    } finally {
      bindTreeSitterModule();
      tree.delete();
      fresh.delete();
    }
  });

  it("marks missing nodes and reports errors in broken scripts", () => {
    const { viaCursor } = bothCopies("echo $(ls");
    expect(viaCursor.hasError).toBe(true);
    const missing: string[] = [];
    const visit = (n: typeof viaCursor.root) => {
      if (n.missing) missing.push(n.type);
      n.children.forEach(visit);
    };
    visit(viaCursor.root);
    expect(missing).toContain(")");
  });

  it("copies a deeply nested script (the cursor's stack grows inside wasm) the same way", () => {
    const deep = `${"echo $(".repeat(300)}x${")".repeat(300)}`;
    const { viaNodes, viaCursor } = bothCopies(deep);
    expect(viaCursor).toEqual(viaNodes);
    const depth = (n: typeof viaCursor.root): number => 1 + Math.max(0, ...n.children.map(depth));
    expect(depth(viaCursor.root)).toBeGreaterThan(300);
  });

  it("computes ends exactly: every copied node's end is its tree-sitter end", () => {
    const script = SCRIPTS[0] + "\n" + SCRIPTS[2];
    const tree = parser.parse(script)!;
    try {
      bindTreeSitterModule(wasmModule);
      const { root } = copied(tree);
      const ends: number[] = [];
      const visit = (n: typeof root) => {
        ends.push(n.end);
        n.children.forEach(visit);
      };
      visit(root);
      const expected: number[] = [];
      const walk = (n: NonNullable<ReturnType<typeof tree.rootNode.child>>, copyChildren: boolean) => {
        expected.push(n.endIndex);
        if (copyChildren) for (const c of n.children) if (c) walk(c, c.isNamed && c.childCount > 0 && !["word", "raw_string", "heredoc_start", "heredoc_end", "string_content", "comment", "variable_name", "number"].includes(c.type));
      };
      walk(tree.rootNode, true);
      expect(ends).toEqual(expected);
    } finally {
      bindTreeSitterModule();
      tree.delete();
    }
  });
});

describe("recycled trees", () => {
  it("copy a script the same way after a larger and a smaller one used the arrays, and while another copy is held", () => {
    bindTreeSitterModule(wasmModule);
    try {
      const fresh = SCRIPTS.map((script) => {
        const tree = parser.parse(script)!;
        try {
          return copied(tree);
        } finally {
          tree.delete();
        }
      });
      // A held copy (an outer script while a nested one is copied) must not be overwritten.
      const outerTree = parser.parse(SCRIPTS[0])!;
      const held = copyTree(outerTree);
      outerTree.delete();
      const big = parser.parse(SCRIPTS.join("\n").repeat(20))!;
      const bigCopy = copyTree(big);
      expect(bigCopy.size).toBeGreaterThan(256);
      releaseSyntax(bigCopy);
      big.delete();
      SCRIPTS.forEach((script, i) => {
        const tree = parser.parse(script)!;
        try {
          expect(copied(tree)).toEqual(fresh[i]);
        } finally {
          tree.delete();
        }
      });
      expect(nodeView(held)).toEqual(fresh[0].root);
      releaseSyntax(held);
    } finally {
      bindTreeSitterModule();
    }
  });
});

describe("bindTreeSitterModule", () => {
  it("refuses objects without the cursor exports and keeps the Node walk", () => {
    expect(bindTreeSitterModule(undefined)).toBe(false);
    expect(bindTreeSitterModule({})).toBe(false);
    expect(bindTreeSitterModule({ ...wasmModule, _ts_tree_cursor_goto_parent_wasm: undefined })).toBe(false);
    expect(bindTreeSitterModule({ ...wasmModule, HEAP_DATA_VIEW: undefined })).toBe(false);
    // After a refusal copies still work (through Node objects).
    const tree = parser.parse("echo hi")!;
    try {
      expect(copied(tree).root.children[0]!.type).toBe("command");
    } finally {
      tree.delete();
    }
  });
});
