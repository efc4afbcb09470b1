// checkAll over real Dockerfiles: one ShellCheck process per Dockerfile finds exactly what one process per
// script finds, at the same Dockerfile ranges, with the same fixes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile, type Instruction } from "@shipshape/dockerfile";
import { buildShellcheckRequest, initShell, isPosixShell, shellDialect, shellScriptsOf, type ShellcheckRequest } from "@shipshape/shell";
import { createShellcheckRunner } from "../src/shellcheck-process.js";
import { corpusDockerfiles, filesBelow, hasShellcheck } from "./shellcheck-helpers.js";

/** Each script's request, as the linter builds them (SHELL in force per stage; ARG and ENV names declared). */
function requestsOf(source: string): ShellcheckRequest[] {
  const { ast } = parseDockerfile(source);
  const declared = ast.instructions.flatMap((i) =>
    i.kind === "Arg" ? i.declarations.map((d) => d.name.value) : i.kind === "Env" ? i.pairs.map((p) => p.key.value) : []);
  const out: ShellcheckRequest[] = [];
  let shell: string[] = [];
  for (const instr of ast.instructions as Instruction[]) {
    if (instr.kind === "From") shell = [];
    if (instr.kind === "Shell" && instr.command?.kind === "JsonForm") shell = instr.command.elements.map((e) => e.value);
    if (instr.kind !== "Run" || !isPosixShell(shell)) continue;
    for (const script of shellScriptsOf(instr)) {
      const dialect = script.interpreter ? shellDialect(script.interpreter) : shellDialect(shell);
      if (dialect) out.push(buildShellcheckRequest(script, { dialect, declaredVariables: declared }));
    }
  }
  return out;
}

beforeAll(() => initShell());

describe.skipIf(!hasShellcheck)("checkAll over corpus Dockerfiles", () => {
  it("gives each script the findings one process per script gives it, also when it answers from scripts of earlier files", async () => {
    // The batch runner lives for the whole sample, as in a CLI run: scripts it met in earlier files are
    // answered from what it kept, mapped to their new places. The other runner is new for each file, so
    // every answer it gives comes from a ShellCheck process.
    const batchRunner = createShellcheckRunner({ concurrency: 2 })!;
    const all = [...filesBelow(corpusDockerfiles)];
    // Every 20th Dockerfile with at least two scripts keeps the run short while covering many shapes.
    const sample = all.map((f) => ({ file: f, requests: requestsOf(readFileSync(f, "utf8")) })).filter((d) => d.requests.length > 1).filter((_, i) => i % 20 === 0);
    let scripts = 0;
    let findings = 0;
    const differences: string[] = [];
    for (const { file, requests } of sample) {
      const singleRunner = createShellcheckRunner({ concurrency: 2 })!;
      const [batched, single] = await Promise.all([batchRunner.checkAll(requests), Promise.all(requests.map((r) => singleRunner.check(r)))]);
      scripts += requests.length;
      findings += single.reduce((n, r) => n + r.findings.length, 0);
      requests.forEach((_, i) => {
        if (JSON.stringify(batched[i]) !== JSON.stringify(single[i])) differences.push(`${path.relative(corpusDockerfiles, file)} script ${i}`);
      });
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(sample.length).toBeGreaterThan(10);
    // Scripts repeat across the sample's files, so some answers did come from what the runner kept.
    const distinct = new Set(sample.flatMap((d) => d.requests.map((r) => `${r.args.join(" ")}\u0000${r.stdin}`))).size;
    expect(distinct).toBeLessThan(scripts);
    expect(scripts).toBeGreaterThan(50);
    expect(findings).toBeGreaterThan(20);
  }, 300_000);
});
