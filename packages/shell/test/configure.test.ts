// configureShell: where a later initShell() without options finds the wasm files (paths or byte loaders);
// it loads nothing itself. The installed packages (no configureShell) are what every other test file uses.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { configureShell, initShell, isShellReady, parseShell } from "@shipshape/shell";

const require = createRequire(import.meta.url);

describe("configureShell", () => {
  it("is used by initShell() without options, and loads nothing by itself; a failed load is retried", async () => {
    // A runtime that cannot start rejects with the plain reason, not emscripten's "Aborted(...)" wrapping.
    configureShell({ runtimeWasm: "/nonexistent/web-tree-sitter.wasm" });
    await expect(initShell()).rejects.toThrow(/^ENOENT: no such file or directory, open '\/nonexistent\/web-tree-sitter\.wasm'$/);
    configureShell({ wasm: "/nonexistent/tree-sitter-bash.wasm" });
    expect(isShellReady()).toBe(false);
    await expect(initShell()).rejects.toBeDefined();
    expect(isShellReady()).toBe(false);
    configureShell({
      wasm: () => {
        throw new Error("unreadable");
      },
    });
    await expect(initShell()).rejects.toThrow("unreadable");
    expect(isShellReady()).toBe(false);
  });

  it("takes byte loaders, called once each when the parser is loaded (not when configured)", async () => {
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
    expect(parseShell("apt-get update && ls").commands.length).toBe(2);
  });
});
