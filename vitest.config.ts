import { defineConfig } from "vitest/config";
import { sharedAliases } from "./vitest.shared.js";

export default defineConfig({
  resolve: { alias: sharedAliases },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts", "grammars/tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/*.conformance.test.ts", "**/*.e2e.test.ts"],
  },
});
