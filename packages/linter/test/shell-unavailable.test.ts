// A lint whose shell grammar cannot be loaded says so, instead of quietly reporting fewer findings. Runs in a
// module registry of its own (vitest.config.ts): every other file has the grammar loaded.
import { createRequire } from "node:module";
import { configureShell, isShellReady } from "@shipshape/shell";
import { describe, expect, it } from "vitest";
import { LintSession, lint } from "../src/lint.js";

const require = createRequire(import.meta.url);

describe("a shell grammar that cannot be loaded", () => {
  it("gives each Dockerfile with shell an internal-error finding at its first shell instruction, and is tried again", async () => {
    configureShell({ wasm: "/nonexistent/tree-sitter-bash.wasm" });
    const text = "FROM alpine:3.20\nWORKDIR /app\nRUN apk add curl\nCMD [\"sh\"]\n";
    const found = await lint(
      [
        { path: "a/Dockerfile", text },
        { path: "b/Dockerfile", text: "FROM alpine:3.20\nCOPY . /app\n" },
        { path: "c/Dockerfile", text: "FROM alpine:3.20\nONBUILD RUN apk add curl\n" },
      ],
      { noConfigSearch: true, select: ["DL3019"] },
    );
    expect(isShellReady()).toBe(false);
    const errors = found.filter((d) => d.code === "internal-error");
    expect(errors.map((d) => [d.file, d.line, d.column, d.endColumn, d.severity])).toEqual([
      ["a/Dockerfile", 3, 1, 4, "error"],
      ["c/Dockerfile", 2, 1, 8, "error"],
    ]);
    expect(errors[0]!.message).toMatch(/^The shell parser could not be loaded \(.+\), so the rules that read shell commands did not run on this file$/);
    // Nothing else was made up from an unparsed script.
    expect(found.filter((d) => d.code !== "internal-error")).toEqual([]);
  });

  it("keeps nothing made without the grammar: an editor's next lint, once the grammar loads, has every finding", async () => {
    configureShell({ wasm: "/nonexistent/tree-sitter-bash.wasm" });
    const session = new LintSession({ noConfigSearch: true, select: ["DL3019"], memoize: true });
    const input = { path: "Dockerfile", text: "FROM alpine:3.20\nRUN apk add curl\n" };
    expect((await session.lintFile(input)).diagnostics.map((d) => d.code)).toEqual(["internal-error"]);
    configureShell({ wasm: require.resolve("tree-sitter-bash/tree-sitter-bash.wasm") });
    expect((await session.lintFile(input)).diagnostics.map((d) => d.code)).toEqual(["DL3019"]);
    expect(isShellReady()).toBe(true);
  });
});
