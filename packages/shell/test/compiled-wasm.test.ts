// configureShell with wasm modules already compiled (the CLI starts compiling them before it loads its
// bundle, so that V8 compiles them on background threads): the parser works from the modules as it does
// from the bytes, and a runtime that cannot be instantiated rejects initShell instead of leaving it pending.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { configureShell, initShell, isShellReady, parseShell } from "@shipshape/shell";

const require = createRequire(import.meta.url);
const compile = (file: string) => WebAssembly.compile(readFileSync(require.resolve(file)));

// (module (import "nothere" "f" (func))): compiles, but no instance can be made with emscripten's imports.
const unlinkable = Uint8Array.of(
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...[0x01, 0x04, 0x01, 0x60, 0x00, 0x00],
  ...[0x02, 0x0d, 0x01, 0x07, ...Buffer.from("nothere"), 0x01, 0x66, 0x00, 0x00],
);

describe("configureShell with compiled modules", () => {
  it("rejects when the compiled runtime cannot be instantiated", async () => {
    const runtime = await WebAssembly.compile(unlinkable);
    configureShell({ runtimeWasm: runtime, wasm: () => compile("tree-sitter-bash/tree-sitter-bash.wasm") });
    await expect(initShell()).rejects.toBeDefined();
    expect(isShellReady()).toBe(false);
  });

  it("loads from promised modules, each asked for once, and parses as from the bytes", async () => {
    const asked: string[] = [];
    const loader = (file: string) => () => {
      asked.push(file);
      return compile(file);
    };
    configureShell({ wasm: loader("tree-sitter-bash/tree-sitter-bash.wasm"), runtimeWasm: loader("web-tree-sitter/web-tree-sitter.wasm") });
    await Promise.all([initShell(), initShell()]);
    expect(asked.sort()).toEqual(["tree-sitter-bash/tree-sitter-bash.wasm", "web-tree-sitter/web-tree-sitter.wasm"]);
    expect(isShellReady()).toBe(true);
    const script = parseShell('apt-get install -y curl && echo "$HOME" | tee /tmp/x');
    expect(script.commands.map((c) => c.name?.value)).toEqual(["apt-get", "echo", "tee"]);
  });
});
