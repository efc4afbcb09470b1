import { describe, expect, it } from "vitest";
import { parseDockerfile, type Instruction } from "@shipshape/dockerfile";
import { DEFAULT_SHELL, indexStages, shellOf } from "../src/engine/stages.js";

/** The shell in force at each instruction (and ONBUILD trigger) of `text`, as `kind: shell words`. */
function shells(text: string, hints: { global?: string; byStage: Map<number, string> } = { byStage: new Map() }): string[] {
  const { ast } = parseDockerfile(text);
  const index = indexStages(ast);
  const out: string[] = [];
  const show = (i: Instruction, label: string) => out.push(`${label}: ${shellOf(i, index, hints).join(" ")}`);
  for (const instr of ast.instructions) {
    show(instr, instr.kind);
    if (instr.kind === "Onbuild" && instr.trigger) show(instr.trigger, `${instr.trigger.kind} (trigger)`);
  }
  return out;
}

describe("shellOf", () => {
  it("is the last SHELL before the instruction in its stage, else /bin/sh -c", () => {
    const text = ["FROM a:1", "RUN one", 'SHELL ["bash", "-c"]', "RUN two", 'SHELL ["zsh", "-c"]', "RUN three", "FROM b:1", "RUN four", ""].join("\n");
    expect(shells(text)).toEqual([
      "From: /bin/sh -c",
      "Run: /bin/sh -c",
      "Shell: /bin/sh -c", // a SHELL does not apply to itself
      "Run: bash -c",
      "Shell: bash -c",
      "Run: zsh -c",
      "From: /bin/sh -c",
      "Run: /bin/sh -c",
    ]);
  });

  it("inherits the last SHELL of the stage a stage builds on, whatever its position there", () => {
    const text = ["FROM a:1 AS base", 'SHELL ["pwsh", "-Command"]', "RUN x", 'SHELL ["bash", "-c"]', "FROM base AS app", "RUN y", "FROM BASE", "RUN z", ""].join("\n");
    expect(shells(text).filter((s) => s.startsWith("Run"))).toEqual(["Run: pwsh -Command", "Run: bash -c", "Run: bash -c"]);
  });

  it("falls back to the stage's shell hint, then the file's, and ignores a SHELL not in JSON form", () => {
    const text = ["FROM a:1", "SHELL bash -c", "RUN x", "FROM b:1", "RUN y", ""].join("\n");
    const hints = { global: "bash -o pipefail -c", byStage: new Map([[1, "pwsh -Command"]]) };
    expect(shells(text, hints).filter((s) => s.startsWith("Run"))).toEqual(["Run: bash -o pipefail -c", "Run: pwsh -Command"]);
  });

  it("gives an ONBUILD trigger the shell in force at its ONBUILD", () => {
    const text = ["FROM a:1", "ONBUILD RUN x", 'SHELL ["bash", "-c"]', "ONBUILD RUN y", ""].join("\n");
    expect(shells(text).filter((s) => s.includes("trigger"))).toEqual(["Run (trigger): /bin/sh -c", "Run (trigger): bash -c"]);
  });

  it("follows a chain of stages, each built on the one before, to the nearest SHELL or hint; answers kept per hints", () => {
    const text = [
      "FROM a:1 AS s0",
      'SHELL ["bash", "-c"]',
      "FROM s0 AS s1",
      "RUN one",
      "FROM s1 AS s2",
      "RUN two",
      'SHELL ["zsh", "-c"]',
      "FROM s2 AS s3",
      "RUN three",
      "FROM S3 AS s4",
      "RUN four",
      "",
    ].join("\n");
    const runs = (hints: { global?: string; byStage: Map<number, string> }) => shells(text, hints).filter((s) => s.startsWith("Run"));
    expect(runs({ byStage: new Map() })).toEqual(["Run: bash -c", "Run: bash -c", "Run: zsh -c", "Run: zsh -c"]);
    // A hint on s1 stands in for s0's SHELL from s1 on; s2's own SHELL still wins below it.
    expect(runs({ byStage: new Map([[1, "pwsh -Command"]]) })).toEqual(["Run: pwsh -Command", "Run: pwsh -Command", "Run: zsh -c", "Run: zsh -c"]);
    // The same index asked with other hints: nothing kept from the calls before.
    const { ast } = parseDockerfile(text);
    const index = indexStages(ast);
    const four = ast.instructions.at(-1)!;
    const two = ast.instructions[5]!;
    expect(shellOf(two, index, { byStage: new Map() }).join(" ")).toBe("bash -c");
    expect(shellOf(two, index, { byStage: new Map([[0, "ash -c"]]) }).join(" ")).toBe("bash -c"); // s0's SHELL is after its hint's place
    expect(shellOf(four, index, { byStage: new Map([[3, "ksh -c"]]) }).join(" ")).toBe("ksh -c");
    expect(shellOf(four, index, { byStage: new Map() }).join(" ")).toBe("zsh -c");
  });

  it("hands instructions under the same SHELL the same array, and the default to all others", () => {
    const { ast } = parseDockerfile(["FROM a:1", "RUN a", 'SHELL ["bash", "-c"]', "RUN b", "RUN c", ""].join("\n"));
    const index = indexStages(ast);
    const [, a, , b, c] = ast.instructions.map((i) => shellOf(i, index, { byStage: new Map() }));
    expect(a).toBe(DEFAULT_SHELL);
    expect(b).toBe(c);
  });
});
