/** Rule metadata as `shipshape rules` prints it, and look-up by code, name or alias. */
import type { RuleInfo } from "@shipshape/text";
import { docSummary } from "./docs.js";
import { SHELLCHECK_CODE } from "./registry.js";
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

/** The rule a code, name or alias names (case-insensitive); an `SCnnnn` code gives the `shellcheck` rule. */
export function resolveRule(codeOrName: string): RuleInfo | undefined {
  const rule = lookup(codeOrName);
  return rule ? ruleInfo(rule) : undefined;
}

function lookup(codeOrName: string): Rule | undefined {
  const rules = defaultRuleSet();
  return rules.resolve(codeOrName) ?? (SHELLCHECK_CODE.test(codeOrName.trim()) ? rules.resolve("shellcheck") : undefined);
}

/** A rule's documentation as markdown, headed by its code and name; undefined for an unknown rule. */
export function explainRule(codeOrName: string): string | undefined {
  const rule = lookup(codeOrName);
  return rule ? formatRuleDoc(rule) : undefined;
}

/** The page `explain` prints and `docs/rules/<CODE>.md` holds. */
export function formatRuleDoc(rule: Rule): string {
  // dclint's names are often ours too: an alias equal to the name is not repeated.
  const others = (rule.aliases ?? []).filter((a) => a !== rule.name);
  const aliases = others.length ? ` (also ${others.map((a) => `\`${a}\``).join(", ")})` : "";
  const facts = [
    `Kind: ${rule.kind}`,
    `Category: ${rule.category}`,
    `Default severity: ${rule.severity}`,
    rule.enabledByDefault ? "Enabled by default" : rule.enabledByOptions ? "Enabled when its options are set" : "Off by default",
    rule.fix ? `Fix: ${rule.fix}` : "No fix",
  ].join(" · ");
  const options = Object.entries(rule.options ?? {});
  const optionDoc = options.length
    ? "\n\n## Options\n\n" +
      options
        .map(([name, spec]) => {
          const type = spec.type === "enum" ? spec.values.map((v) => `\`${v}\``).join(" \\| ") : `\`${spec.type}\``;
          const def = spec.default !== undefined ? ` Default: \`${JSON.stringify(spec.default)}\`.` : "";
          return `- \`${name}\` (${type}): ${spec.description}${def}`;
        })
        .join("\n")
    : "";
  return `# ${rule.code}: ${rule.name}${aliases}\n\n${facts}\n\n${rule.docs}${optionDoc}\n`;
}
