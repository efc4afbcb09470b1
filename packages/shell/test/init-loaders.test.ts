// initShell with byte loaders: functions that return a wasm file's bytes, called only when the parser is loaded.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { configureShell, initShell, isShellReady, parseShell } from "@shipshape/shell";

const require = createRequire(import.meta.url);

describe("initShell with byte loaders", () => {
  it("rejects when a loader throws, and is not ready", async () => {
    configureShell({
      wasm: () => {
        throw new Error("unreadable");
      },
    });
    await expect(initShell()).rejects.toThrow("unreadable");
    expect(isShellReady()).toBe(false);
  });

  it("calls each loader once, when loading (not when configured), and parses with what they returned", async () => {
    const calls: string[] = [];
    const loader = (file: string) => () => {
      calls.push(file);
      return readFileSync(require.resolve(file));
    };
    configureShell({ wasm: loader("tree-sitter-bash/tree-sitter-bash.wasm"), runtimeWasm: loader("web-tree-sitter/web-tree-sitter.wasm") });
    expect(calls).toEqual([]);
    await Promise.all([initShell(), initShell()]);
    await initShell();
    expect(calls.sort()).toEqual(["tree-sitter-bash/tree-sitter-bash.wasm", "web-tree-sitter/web-tree-sitter.wasm"]);
    expect(isShellReady()).toBe(true);
    expect(parseShell("apt-get update && ls").commands.map((c) => c.name?.text ?? c.name)).toHaveLength(2);
  });
});
