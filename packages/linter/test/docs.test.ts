/**
 * Every rule's documentation: the fixed headings are present, and the code blocks under "Example"
 * report the rule while those under "Use instead" do not.
 */
import { describe, expect, it } from "vitest";
import { codeBlocks, docSections, DOC_HEADINGS, md, docSummary } from "../src/docs.js";
import { lintSync } from "../src/lint.js";
import { initShell } from "@shipshape/shell";
import { applySafeFixes, MAX_FIX_ROUNDS } from "../src/fix.js";
import { ALL_RULES } from "../src/rules/all.js";
import { defineRule, type Rule } from "../src/rule.js";

// Syntax rules are the parsers' errors (documented from their tables); `shellcheck` needs the executable.
// Rules that read shell commands need the bash grammar; lintSync does not load it.
await initShell();

const documented = ALL_RULES.filter((r) => r.category !== "syntax" && r.code !== "shellcheck");

function run(rule: Rule, code: string, options: Record<string, unknown> | undefined) {
  const path = rule.kind === "compose" ? "compose.yaml" : "Dockerfile";
  return lintSync(
    { path, text: code, kind: rule.kind },
    // An empty file system: a file an example refers to (a service's Dockerfile) is known to be missing.
    { rules: ALL_RULES, config: { extendSelect: [rule.code], ruleOptions: options ? { [rule.code]: options } : undefined }, noConfigSearch: true, readFile: () => undefined },
  ).filter((d) => d.code === rule.code);
}

describe("rule docs", () => {
  it("has rules to check", () => expect(documented.length).toBeGreaterThan(0));

  describe.each(documented.map((r) => [r.code, r] as const))("%s", (_code, rule) => {
    const sections = docSections(rule.docs);

    it("has the fixed headings", () => {
      for (const h of DOC_HEADINGS) expect(sections.has(h), `missing '## ${h}'`).toBe(true);
      expect(docSummary(rule.docs)).not.toBe("");
    });

    it("reports its Example", () => {
      const blocks = codeBlocks(sections.get("Example") ?? "");
      expect(blocks.length).toBeGreaterThan(0);
      for (const b of blocks) expect(run(rule, b.code, b.options), b.code).not.toEqual([]);
    });

    it.runIf(rule.fix === "safe")("has safe fixes that clear its Example", () => {
      for (const b of codeBlocks(sections.get("Example") ?? "")) {
        let text = b.code;
        for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
          const next = applySafeFixes(text, run(rule, text, b.options)).text;
          if (next === text) break;
          text = next;
        }
        const left = run(rule, text, b.options).filter((d) => d.fix?.safety === "safe");
        expect(left.map((d) => d.message), text).toEqual([]);
      }
    });

    it("accepts its Use instead", () => {
      const blocks = codeBlocks(sections.get("Use instead") ?? "");
      expect(blocks.length).toBeGreaterThan(0);
      for (const b of blocks) expect(run(rule, b.code, b.options).map((d) => d.message), b.code).toEqual([]);
    });
  });
});

describe("md and doc helpers", () => {
  it("keeps ordinary escapes (\\\\ is one backslash); defineRule dedents the docs when they are read", () => {
    const docs = md`
      ## Example
      \`\`\`dockerfile
      RUN a \\
        b
      \`\`\`
    `;
    expect(docs).toBe("\n      ## Example\n      ```dockerfile\n      RUN a \\\n        b\n      ```\n    ");
    const rule = defineRule({ code: "T1", name: "t", kind: "dockerfile", category: "style", severity: "info", enabledByDefault: true, docs, create: () => ({}) });
    expect(rule.docs).toBe("## Example\n```dockerfile\nRUN a \\\n  b\n```");
    expect({ ...rule }.docs).toBe(rule.docs);
    expect(Object.isFrozen(rule)).toBe(true);
  });

  it("takes docs as a function too, called once, when the docs are first read", () => {
    let calls = 0;
    const docs = () => {
      calls++;
      return md`
        ## What it does
        Flags a thing.
      `;
    };
    const rule = defineRule({ code: "T2", name: "t2", kind: "dockerfile", category: "style", severity: "info", enabledByDefault: true, docs, create: () => ({}) });
    expect(calls).toBe(0);
    expect(rule.docs).toBe("## What it does\nFlags a thing.");
    expect(rule.docs).toBe("## What it does\nFlags a thing.");
    expect(calls).toBe(1);
    expect({ ...rule }.docs).toBe(rule.docs);
  });

  it("reads options from a code block's info string", () => {
    expect(codeBlocks('```dockerfile {"x": ["a"]}\nFROM a\n```\n')).toEqual([
      { lang: "dockerfile", options: { x: ["a"] }, code: "FROM a\n" },
    ]);
  });

  it("takes the first sentence of What it does as the summary", () => {
    expect(docSummary("## What it does\nFlags a thing. More text.\n\n## Example\n")).toBe("Flags a thing.");
  });
});
