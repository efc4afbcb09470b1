import type { RuleInfo } from "@shipshape/text";
import { type CliIO, EXIT_OK } from "../io.js";
import type { ParsedCommand } from "../main.js";
import { UsageError } from "../settings.js";
import { ruleDocUrl } from "../reporters/common.js";

/** Every rule in the linter's order (kind, then code). */
async function loadRules(): Promise<RuleInfo[]> {
  const { listRules } = await import("@shipshape/linter");
  return listRules();
}

/** `shipshape rules [--format text|json|markdown]`. */
export async function rulesCommand({ values, positionals }: ParsedCommand, io: CliIO): Promise<number> {
  const format = (values.format as string | undefined) ?? "text";
  if (!["text", "json", "markdown"].includes(format)) throw new UsageError(`rules: --format must be text, json or markdown, got '${format}'`);
  if (positionals.length) throw new UsageError("rules: takes no arguments");
  const rules = await loadRules();
  io.stdout.write(format === "json" ? rulesJson(rules) : format === "markdown" ? rulesMarkdown(rules) : rulesText(rules));
  return EXIT_OK;
}

/** `shipshape explain CODE`: a rule's documentation, found by code, name or alias (case-insensitive). */
export async function explainCommand({ positionals }: ParsedCommand, io: CliIO): Promise<number> {
  if (positionals.length !== 1) throw new UsageError("explain: expected one rule code, name or alias");
  const { explainRule } = await import("@shipshape/linter");
  const page = explainRule(positionals[0]!);
  if (page === undefined) throw new UsageError(`explain: no rule is called '${positionals[0]}' (see 'shipshape rules')`);
  io.stdout.write(page.endsWith("\n") ? page : `${page}\n`);
  return EXIT_OK;
}

export function rulesJson(rules: readonly RuleInfo[]): string {
  return (
    JSON.stringify(
      rules.map((r) => ({
        code: r.code,
        name: r.name,
        aliases: r.aliases,
        kind: r.kind,
        category: r.category,
        severity: r.severity,
        enabledByDefault: r.enabledByDefault,
        fixable: r.fixable,
        summary: r.summary,
        docs: r.docs,
      })),
      null,
      2,
    ) + "\n"
  );
}

export function rulesText(rules: readonly RuleInfo[]): string {
  const rows = rules.map((r) => [
    r.code,
    r.name,
    r.severity,
    r.enabledByDefault ? "on" : "off",
    r.fixable ? "fix" : "",
    r.summary,
  ]);
  const header = ["CODE", "NAME", "SEVERITY", "DEFAULT", "FIX", "SUMMARY"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), ...rows.map(line), "", `${rules.length} rules. 'shipshape explain CODE' shows one rule's documentation.`].join("\n") + "\n";
}

export function rulesMarkdown(rules: readonly RuleInfo[]): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const out = ["| code | name | kind | category | severity | default | fixable | aliases | summary |", "|---|---|---|---|---|---|---|---|---|"];
  for (const r of rules) {
    out.push(
      `| [${cell(r.code)}](${ruleDocUrl(r.code)}) | ${cell(r.name)} | ${r.kind} | ${r.category} | ${r.severity} | ${r.enabledByDefault ? "on" : "off"} | ${r.fixable ? "yes" : "no"} | ${cell(r.aliases.join(", "))} | ${cell(r.summary)} |`,
    );
  }
  return out.join("\n") + "\n";
}
