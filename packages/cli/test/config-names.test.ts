import { COMPOSE_CONFIG_NAMES, LABEL_TYPES as RULE_LABEL_TYPES } from "@shipshape/linter";
import { expect, test } from "vitest";
import { DCLINT_CONFIGS } from "../src/lint-runner.js";
import { LABEL_TYPES } from "../src/settings.js";

test("the CLI looks for the same dclint config names as the linter, in the same order", () => {
  expect(DCLINT_CONFIGS).toEqual([...COMPOSE_CONFIG_NAMES]);
});

test("--require-label takes exactly the label types the label rules know", () => {
  expect([...LABEL_TYPES].sort()).toEqual([...RULE_LABEL_TYPES].sort());
});
