import { describe, expect, it } from "vitest";
import { defineRule, type DockerfileVisitor } from "../src/rule.js";
import { md } from "../src/docs.js";
import { lintSync } from "../src/lint.js";

const docs = md`
  ## What it does
  Test rule.
`;

/** Records the hooks in the order the walk calls them. */
function recorder(log: string[], onbuild: boolean) {
  return defineRule({
    code: onbuild ? "W002" : "W001", name: onbuild ? "walk-onbuild" : "walk", kind: "dockerfile", category: "style",
    severity: "info", enabledByDefault: true, onbuild, docs,
    create: (ctx): DockerfileVisitor => ({
      File: () => log.push("File"),
      Directive: (d) => log.push(`Directive ${d.name}`),
      Comment: (c) => log.push(`Comment${c.text}`),
      Stage: (s) => log.push(`Stage ${s.index} ${s.name ?? "-"}`),
      Instruction: (i) => log.push(`Instruction ${i.keyword}${i.parentOnbuild ? " (trigger)" : ""} in ${ctx.stage?.index ?? "global"}`),
      Run: (r) => log.push(`Run ${r.parentOnbuild ? "trigger" : "plain"}`),
      "Stage:exit": (s) => log.push(`Stage:exit ${s.index} (${s.instructions.length} instructions)`),
      "File:exit": () => log.push("File:exit"),
    }),
  });
}

const text = "# syntax=docker/dockerfile:1\nARG V=1\nFROM a:1 AS one\n# note\nRUN x\nONBUILD RUN y\nFROM one\nCMD z\n";

describe("the walk", () => {
  it("calls hooks in source order, stage hooks around each stage", () => {
    const log: string[] = [];
    lintSync({ path: "Dockerfile", text }, { rules: [recorder(log, false)], noConfigSearch: true });
    expect(log).toEqual([
      "File",
      "Directive syntax",
      "Instruction ARG in global",
      "Stage 0 one",
      "Instruction FROM in 0",
      "Comment note",
      "Instruction RUN in 0",
      "Run plain",
      "Instruction ONBUILD in 0",
      "Stage:exit 0 (2 instructions)",
      "Stage 1 -",
      "Instruction FROM in 1",
      "Instruction CMD in 1",
      "Stage:exit 1 (1 instructions)",
      "File:exit",
    ]);
  });

  it("shows ONBUILD triggers to rules that ask for them", () => {
    const log: string[] = [];
    lintSync({ path: "Dockerfile", text }, { rules: [recorder(log, true)], noConfigSearch: true });
    expect(log.filter((l) => l.startsWith("Run") || l.includes("trigger"))).toEqual([
      "Run plain",
      "Instruction RUN (trigger) in 0",
      "Run trigger",
    ]);
  });

  it("gives every rule the same lazily built semantic model", () => {
    const seen: unknown[] = [];
    const rule = (code: string) =>
      defineRule({
        code, name: `sem-${code}`, kind: "dockerfile", category: "style", severity: "info", enabledByDefault: true, docs,
        create: (ctx) => ({ "File:exit": () => void seen.push(ctx.semantic) }),
      });
    lintSync({ path: "Dockerfile", text }, { rules: [rule("S1"), rule("S2")], noConfigSearch: true });
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
  });
});
