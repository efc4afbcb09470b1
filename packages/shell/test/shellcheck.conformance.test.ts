import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile, type Instruction } from "@shipshape/dockerfile";
import { applyEdits } from "@shipshape/text";
import { buildShellcheckRequest, initShell, isPosixShell, shellDialect, shellScriptsOf } from "@shipshape/shell";
import { createShellcheckRunner } from "../src/shellcheck-process.js";
import { corpusDockerfiles, filesBelow, hasShellcheck } from "./shellcheck-helpers.js";

/** The SHELL argv in force at each instruction (reset by FROM; stage inheritance is ignored here). */
function withShell(instructions: Instruction[]): { instr: Instruction; shell: string[] }[] {
  let shell: string[] = [];
  return instructions.map((instr) => {
    if (instr.kind === "From") shell = [];
    if (instr.kind === "Shell" && instr.command?.kind === "JsonForm") shell = instr.command.elements.map((e) => e.value);
    return { instr, shell };
  });
}

beforeAll(() => initShell());

describe.skipIf(!hasShellcheck)("ShellCheck over a sample of corpus scripts", () => {
  it("runs without errors, and every finding and fix lands inside its instruction", async () => {
    const runner = createShellcheckRunner({ concurrency: 4 })!;
    const jobs: Promise<string[]>[] = [];
    let findings = 0;
    let n = 0;
    for (const file of filesBelow(corpusDockerfiles)) {
      const source = readFileSync(file, "utf8");
      const { ast } = parseDockerfile(source);
      const declared = ast.instructions.flatMap((i) =>
        i.kind === "Arg" ? i.declarations.map((d) => d.name.value) : i.kind === "Env" ? i.pairs.map((p) => p.key.value) : []);
      for (const { instr, shell } of withShell(ast.instructions)) {
        if (!isPosixShell(shell)) continue;
        for (const script of shellScriptsOf(instr)) {
          // Every 12th script keeps the run short while covering many files.
          if (n++ % 12 !== 0) continue;
          const dialect = script.interpreter ? shellDialect(script.interpreter) : shellDialect(shell);
          if (!dialect) continue;
          const where = `${path.relative(corpusDockerfiles, file)}:${instr.startLine}`;
          jobs.push(runner.check(buildShellcheckRequest(script, { dialect, declaredVariables: declared })).then((result) => {
            const problems: string[] = [];
            findings += result.findings.length;
            if (result.error) problems.push(`${where}: ${result.error}`);
            for (const f of result.findings) {
              if (f.range.start < instr.range.start || f.range.end > instr.range.end || f.range.start > f.range.end) {
                problems.push(`${where}: ${f.code} range ${f.range.start}-${f.range.end} outside ${instr.range.start}-${instr.range.end}`);
              }
              if (f.fix && applyEdits(source, f.fix.edits).skipped.length > 0) problems.push(`${where}: ${f.code} fix edits overlap`);
            }
            return problems;
          }));
        }
      }
    }
    const problems = (await Promise.all(jobs)).flat();
    expect(problems.slice(0, 10)).toEqual([]);
    expect(jobs.length).toBeGreaterThan(200);
    expect(findings).toBeGreaterThan(50);
  });
});
