import { defineConfig } from "vitest/config";
import { sharedAliases } from "./vitest.shared.js";

/**
 * Test files that need a module registry of their own: one replaces modules (`vi.mock`), four check the
 * shell package before its grammar is loaded, and one a lint whose grammar cannot be loaded.
 */
const fresh = [
  "packages/cli/test/lint-runner.test.ts",
  "packages/shell/test/uninitialised.test.ts",
  "packages/shell/test/configure.test.ts",
  "packages/shell/test/compiled-wasm.test.ts",
  "packages/shell/test/wasm-memory.test.ts",
  "packages/linter/test/shell-unavailable.test.ts",
];
const include = ["packages/*/test/**/*.test.ts", "test/**/*.test.ts", "grammars/tests/**/*.test.ts"];
const exclude = ["**/node_modules/**", "**/*.conformance.test.ts", "**/*.e2e.test.ts"];

export default defineConfig({
  resolve: { alias: sharedAliases },
  test: {
    // Not vitest's 5 s: many tests start node, npx or a language server, and CI machines run the test files
    // side by side on two cores, where a 2 s start took 5 s. A hang still fails, after 30 s.
    testTimeout: 30_000,
    projects: [
      // Every other file shares its worker's modules (isolate: false): loading the linter's rules once per
      // worker instead of once per test file takes `npm test` from minutes to well under one.
      { extends: true, test: { name: "unit", include, exclude: [...exclude, ...fresh], isolate: false } },
      { extends: true, test: { name: "unit-isolated", include: fresh, exclude } },
    ],
  },
});
