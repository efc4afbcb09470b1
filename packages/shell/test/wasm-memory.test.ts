// configureShell with the runtime's wasm memory made by the host (the CLI's bin makes it before it loads its
// bundle: see packages/cli/bin/load-bundle.js): the runtime runs in that memory, and one with other limits
// than the runtime's own is refused rather than half used.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { configureShell, initShell, isShellReady, parseShell } from "@shipshape/shell";

const require = createRequire(import.meta.url);
const compile = (file: string) => WebAssembly.compile(readFileSync(require.resolve(file)));

describe("configureShell with a wasm memory", () => {
  it("refuses a memory with other limits than the runtime's own (initShell rejects)", async () => {
    configureShell({
      runtimeWasm: () => compile("web-tree-sitter/web-tree-sitter.wasm"),
      wasm: () => compile("tree-sitter-bash/tree-sitter-bash.wasm"),
      memory: new WebAssembly.Memory({ initial: 16, maximum: 64 }),
    });
    await expect(initShell()).rejects.toThrow(/memory import/);
    expect(isShellReady()).toBe(false);
  });

  it("runs the runtime in the memory given (512 pages, at most 32768), and parses as with its own", async () => {
    const memory = new WebAssembly.Memory({ initial: 512, maximum: 32768 });
    const used = () => new Uint8Array(memory.buffer).some((b) => b !== 0);
    expect(used()).toBe(false);
    configureShell({
      runtimeWasm: () => compile("web-tree-sitter/web-tree-sitter.wasm"),
      wasm: () => compile("tree-sitter-bash/tree-sitter-bash.wasm"),
      memory,
    });
    await initShell();
    expect(isShellReady()).toBe(true);
    expect(used()).toBe(true); // the grammar's tables, the parser's state
    const script = parseShell('apt-get install -y curl && echo "$HOME" | tee /tmp/x');
    expect(script.commands.map((c) => c.name?.value)).toEqual(["apt-get", "echo", "tee"]);
  });
});
