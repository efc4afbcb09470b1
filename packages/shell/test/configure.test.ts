// configureShell: where a later initShell() without options finds the wasm files; it loads nothing itself.
import { describe, expect, it } from "vitest";
import { configureShell, initShell, isShellReady, parseShell } from "@shipshape/shell";

describe("configureShell", () => {
  it("is used by initShell() without options, and loads nothing by itself", async () => {
    configureShell({ wasm: "/nonexistent/tree-sitter-bash.wasm" });
    expect(isShellReady()).toBe(false);
    await expect(initShell()).rejects.toBeDefined();
    expect(isShellReady()).toBe(false);
    // Back to the installed packages: the next call retries and succeeds.
    configureShell({});
    await initShell();
    expect(isShellReady()).toBe(true);
    expect(parseShell("apt-get update").commands.length).toBe(1);
  });
});
