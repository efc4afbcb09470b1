/**
 * The runner learns each Dockerfile rule's hooks from its first visitor and skips creating a rule
 * whose hooks cannot fire in a file. That holds only if `create` returns the same hooks for every
 * file and every option value: checked here for every rule over every docs example.
 */
import { describe, expect, it } from "vitest";
import { initShell } from "@shipshape/shell";
import { codeBlocks, docSections } from "../src/docs.js";
import { lintSync } from "../src/lint.js";
import { ALL_RULES } from "../src/rules/all.js";
import { defineRule, type DockerfileRule, type Rule } from "../src/rule.js";
import { md } from "../src/docs.js";

await initShell();

const dockerfileRules = ALL_RULES.filter((r): r is DockerfileRule => r.kind === "dockerfile");

/** Every Dockerfile in the rules' docs, with the options its block names. */
const samples = ALL_RULES.filter((r) => r.kind === "dockerfile").flatMap((r) => {
  const sections = docSections(r.docs);
  return [...codeBlocks(sections.get("Example") ?? ""), ...codeBlocks(sections.get("Use instead") ?? "")]
    .filter((b) => b.lang === "dockerfile" || b.lang === "Dockerfile")
    .map((b) => ({ code: b.code, options: b.options, owner: r.code }));
});

describe("rule hooks", () => {
  it("has samples", () => expect(samples.length).toBeGreaterThan(100));

  it("every Dockerfile rule returns the same hooks for every file and options", () => {
    const seen = new Map<string, string>();
    const mismatches: string[] = [];
    for (const sample of samples) {
      // Fresh wrapper objects each time: the runner has not learnt their hooks, so it creates them all.
      const wrapped = dockerfileRules.map((rule) => ({
        ...rule,
        create: (ctx: Parameters<DockerfileRule["create"]>[0]) => {
          const visitor = rule.create(ctx) ?? {};
          const hooks = Object.keys(visitor).filter((k) => typeof (visitor as Record<string, unknown>)[k] === "function").sort().join(",");
          const before = seen.get(rule.code);
          if (before === undefined) seen.set(rule.code, hooks);
          else if (before !== hooks) mismatches.push(`${rule.code}: ${before} vs ${hooks} on ${JSON.stringify(sample.code)}`);
          return visitor;
        },
      })) as Rule[];
      const ruleOptions = sample.options ? { [sample.owner]: sample.options } : undefined;
      lintSync({ path: "Dockerfile", text: sample.code }, { rules: wrapped, config: { select: ["all"], ruleOptions }, noConfigSearch: true });
    }
    expect(mismatches).toEqual([]);
    expect(seen.size).toBe(dockerfileRules.length);
  });
});

const docs = md`
  ## What it does
  Test rule.
`;

describe("rules whose hooks cannot fire", () => {
  function labelRule(counter: { creates: number; calls: number }) {
    return defineRule({
      code: "W010", name: "label-only", kind: "dockerfile", category: "style", severity: "info", enabledByDefault: true,
      onbuild: true, docs,
      create: (ctx) => {
        counter.creates++;
        return { Label: (l) => { counter.calls++; ctx.report(l, "label"); } };
      },
    });
  }

  it("are not created for a file without their instructions, and are for one with them", () => {
    const counter = { creates: 0, calls: 0 };
    const rule = labelRule(counter);
    const lintText = (text: string) => lintSync({ path: "Dockerfile", text }, { rules: [rule], noConfigSearch: true });
    expect(lintText("FROM a\nLABEL x=1\n").map((d) => d.message)).toEqual(["label"]);
    expect(counter).toEqual({ creates: 1, calls: 1 });
    expect(lintText("FROM a\nRUN x\n")).toEqual([]);
    expect(counter.creates).toBe(1);
    // An ONBUILD trigger counts as its instruction.
    expect(lintText("FROM a\nONBUILD LABEL y=2\n").map((d) => d.message)).toEqual(["label"]);
    expect(counter).toEqual({ creates: 2, calls: 2 });
  });
});

describe("visitors of local rules", () => {
  it("are made once per rule list and report into the file being linted; a throw stops them for that file only", async () => {
    const { lint } = await import("../src/lint.js");
    let creates = 0;
    const rule = defineRule({
      code: "W011", name: "kept-visitor", kind: "dockerfile", category: "style", severity: "info", enabledByDefault: true,
      local: true, docs,
      create: (ctx) => {
        creates++;
        return {
          Run: (r) => {
            if (ctx.text(r).includes("boom")) throw new Error("boom");
            ctx.report(r.keywordWord, `run: ${ctx.text(r)}`);
          },
        };
      },
    });
    const files = [
      { path: "a/Dockerfile", text: "FROM a\nRUN one\n" },
      { path: "b/Dockerfile", text: "FROM a\nRUN boom\nRUN after\n" },
      { path: "c/Dockerfile", text: "FROM a\nRUN two\n" },
    ];
    const found = await lint(files, { rules: [rule], noConfigSearch: true });
    expect(found.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`)).toEqual([
      "a/Dockerfile:2 W011 run: RUN one",
      "b/Dockerfile:2 internal-error Rule W011 (kept-visitor) failed: boom",
      "c/Dockerfile:2 W011 run: RUN two",
    ]);
    expect(creates).toBe(1);
    // An editor's memo records each call, so it makes the visitor per file as before.
    const { lintDocument } = await import("../src/lint.js");
    await lintDocument(files[0]!, { rules: [rule], noConfigSearch: true, memoize: true });
    expect(creates).toBe(2);
  });
});
