import { defineConfig } from "vitest/config";
import { sharedAliases } from "./vitest.shared.js";

export default defineConfig({
  resolve: { alias: sharedAliases },
  test: {
    include: ["packages/*/test/**/*.e2e.test.ts", "test/**/*.e2e.test.ts"],
    testTimeout: 600_000,
    passWithNoTests: true,
  },
});
