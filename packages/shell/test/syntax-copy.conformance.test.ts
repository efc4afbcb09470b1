import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser as ParserType, Tree } from "web-tree-sitter";
import { parseDockerfile } from "@shipshape/dockerfile";
import { shellScriptsOf } from "../src/dockerfile.js";
import { bindTreeSitterModule, copyTree, nodeView, releaseSyntax } from "../src/syntax.js";

/** A tree's copy as plain nested objects (the flat copy handed back for reuse). */
function copied(tree: Tree) {
  const flat = copyTree(tree);
  const copy = { root: nodeView(flat), hasError: flat.hasError };
  releaseSyntax(flat);
  return copy;
}
import { corpus, files } from "./corpus-files.js";


const wasmModule: Record<string, unknown> = {};
let parser: ParserType;

beforeAll(async () => {
  // A web-tree-sitter instance of its own: the package's first `Parser.init` call in a process fills
  // its options object with the module's exports, and other test files may have called it already.
  const require = createRequire(import.meta.url);
  const { Parser, Language } = (await import(`${pathToFileURL(require.resolve("web-tree-sitter")).href}?own-instance`)) as typeof import("web-tree-sitter");
  await Parser.init(wasmModule);
  const language = await Language.load(require.resolve("tree-sitter-bash/tree-sitter-bash.wasm"));
  parser = new Parser();
  parser.setLanguage(language);
});

describe("copyTree on every shell script of the corpus", () => {
  it("copies the same tree through the module's cursor exports as through Node objects", () => {
    let scripts = 0;
    let withErrors = 0;
    const differing: string[] = [];
    for (const file of files(corpus)) {
      for (const instr of parseDockerfile(readFileSync(file, "utf8")).ast.instructions) {
        for (const { text } of shellScriptsOf(instr)) {
          const tree = parser.parse(text)!;
          try {
            bindTreeSitterModule();
            const viaNodes = copied(tree);
            bindTreeSitterModule(wasmModule);
            const viaCursor = copied(tree);
            scripts++;
            if (viaNodes.hasError) withErrors++;
            if (JSON.stringify(viaCursor) !== JSON.stringify(viaNodes)) differing.push(`${path.relative(corpus, file)}: ${text.slice(0, 60)}`);
          } finally {
            bindTreeSitterModule();
            tree.delete();
          }
        }
      }
    }
    expect(differing).toEqual([]);
    // The corpus has thousands of scripts, some with syntax errors (the copy that reads every end).
    expect(scripts).toBeGreaterThan(2000);
    expect(withErrors).toBeGreaterThan(10);
  });
});
