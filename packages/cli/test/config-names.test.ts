import { COMPOSE_CONFIG_NAMES } from "@shipshape/linter";
import { expect, test } from "vitest";
import { DCLINT_CONFIGS } from "../src/lint-runner.js";

test("the CLI looks for the same dclint config names as the linter, in the same order", () => {
  expect(DCLINT_CONFIGS).toEqual([...COMPOSE_CONFIG_NAMES]);
});
