import { defineConfig } from "vitest/config";
import { sharedAliases } from "./vitest.shared.js";

export default defineConfig({
  resolve: { alias: sharedAliases },
  test: {
    include: ["packages/*/test/**/*.conformance.test.ts", "test/**/*.conformance.test.ts"],
    testTimeout: 600_000,
  },
});
