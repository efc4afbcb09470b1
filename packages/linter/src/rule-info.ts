/** Rule metadata as `shipshape rules` prints it, and look-up by code, name or alias. */
import type { RuleInfo } from "@shipshape/text";
import { docSummary } from "./docs.js";
import { defaultRuleSet } from "./rules/all.js";
import type { Rule } from "./rule.js";

export function ruleInfo(rule: Rule): RuleInfo {
  return {
    code: rule.code,
    name: rule.name,
    aliases: [...(rule.aliases ?? [])],
    kind: rule.kind,
    category: rule.category,
    severity: rule.severity,
    enabledByDefault: rule.enabledByDefault,
    fixable: rule.fix !== undefined,
    summary: docSummary(rule.docs),
    docs: rule.docs,
  };
}

/** Every rule, sorted by kind then code. */
export function listRules(): RuleInfo[] {
  return [...defaultRuleSet().rules]
    .sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code, "en", { numeric: true }) : a.kind < b.kind ? -1 : 1))
    .map(ruleInfo);
}

/** The rule a code, name or alias names (case-insensitive). */
export function resolveRule(codeOrName: string): RuleInfo | undefined {
  const rule = defaultRuleSet().resolve(codeOrName);
  return rule ? ruleInfo(rule) : undefined;
}

/** A rule's documentation as markdown, headed by its code and name; undefined for an unknown rule. */
export function explainRule(codeOrName: string): string | undefined {
  const rule = defaultRuleSet().resolve(codeOrName);
  if (!rule) return undefined;
  const aliases = rule.aliases?.length ? ` (also ${rule.aliases.join(", ")})` : "";
  const facts = [
    `Kind: ${rule.kind}`,
    `Category: ${rule.category}`,
    `Default severity: ${rule.severity}`,
    rule.enabledByDefault ? "Enabled by default" : "Off by default",
    rule.fix ? `Fix: ${rule.fix}` : "No fix",
  ].join(" · ");
  return `# ${rule.code}: ${rule.name}${aliases}\n\n${facts}\n\n${rule.docs}\n`;
}
