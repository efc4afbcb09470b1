/** Every rule shipshape has: the generated registry of rule files plus the parsers' syntax rules. */
import { RuleSet } from "../registry.js";
import type { Rule } from "../rule.js";
import { GENERATED_RULES } from "./index.js";
import { SYNTAX_RULES } from "./syntax.js";

export const ALL_RULES: readonly Rule[] = [...GENERATED_RULES, ...SYNTAX_RULES];

let cached: RuleSet | undefined;

export function defaultRuleSet(): RuleSet {
  return (cached ??= new RuleSet(ALL_RULES));
}
