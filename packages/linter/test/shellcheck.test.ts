/** The ShellCheck wiring, with a stand-in runner that reports every unquoted `$NAME` the way SC2086 does. */
import { describe, expect, it } from "vitest";
import type { ShellcheckFinding, ShellcheckRequest } from "@shipshape/shell";
import { lint } from "../src/lint.js";
import { ALL_RULES } from "../src/rules/all.js";
import type { ShellcheckRunner } from "../src/engine/shellcheck.js";

function fakeRunner(seen: ShellcheckRequest[] = []): ShellcheckRunner {
  return {
    async check(request) {
      seen.push(request);
      const findings: ShellcheckFinding[] = [];
      const declared = new Set(/^export (.*)$/m.exec(request.stdin)?.[1]?.split(" ").map((a) => a.split("=")[0]) ?? []);
      for (const m of request.script.matchAll(/(?<!")\$([A-Z_]+)/g)) {
        const start = m.index!;
        const end = start + m[0].length;
        findings.push({
          code: declared.has(m[1]!) ? "SC2086" : "SC2154",
          level: declared.has(m[1]!) ? "info" : "warning",
          message: `about ${m[1]}`,
          range: { start: request.toSource(start), end: request.toSource(end - 1) + 1 },
          scriptRange: { start, end },
        });
      }
      return { findings };
    },
  };
}

const run = (text: string, options: Parameters<typeof lint>[1] = {}, seen?: ShellcheckRequest[]) =>
  lint([{ path: "Dockerfile", text }], { rules: ALL_RULES, select: ["shellcheck"], noConfigSearch: true, shellcheck: fakeRunner(seen), ...options });

describe("ShellCheck", () => {
  it("maps findings to SC codes at the word, with the stage's ARG/ENV declared", async () => {
    const seen: ShellcheckRequest[] = [];
    const out = await run("FROM a:1\nARG DIR\nRUN cd $DIR && echo $OTHER\n", {}, seen);
    expect(out.map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.code} ${d.severity}`)).toEqual([
      "3:8-12 SC2086 info",
      "3:21-27 SC2154 warning",
    ]);
    expect(seen[0]!.args).toContain("--shell=sh");
  });

  it("skips exec form and non-POSIX shells, checks ONBUILD RUN", async () => {
    const seen: ShellcheckRequest[] = [];
    await run('FROM a:1\nRUN ["sh", "-c", "$X"]\nONBUILD RUN echo $Y\nFROM b:1\nSHELL ["pwsh", "-c"]\nRUN echo $Z\n', {}, seen);
    expect(seen.map((r) => r.script)).toEqual(["echo $Y"]);
  });

  it("honours pragmas, ignore and severity overrides for SC codes", async () => {
    const text = "FROM a:1\n# hadolint ignore=SC2154\nRUN echo $A\nRUN echo $B\n";
    expect((await run(text)).map((d) => `${d.line} ${d.code}`)).toEqual(["4 SC2154"]);
    expect(await run(text, { ignore: ["SC2154"] })).toEqual([]);
    expect(await run(text, { ignore: ["shellcheck"] })).toEqual([]);
    expect((await run(text, { severity: { SC2154: "error" } })).map((d) => d.severity)).toEqual(["error"]);
  });

  it("runs only selected SC codes when select names some", async () => {
    const seen: ShellcheckRequest[] = [];
    await run("FROM a:1\nRUN echo $A\n", { select: ["SC2086"] }, seen);
    expect(seen[0]!.args).toContain("--include=SC2086");
    seen.length = 0;
    await run("FROM a:1\nRUN echo $A\n", { select: ["DL3007"] }, seen);
    expect(seen).toEqual([]);
  });

  it("reports a runner failure as internal-error", async () => {
    const failing: ShellcheckRunner = { check: async () => ({ findings: [], error: "timeout" }) };
    const out = await lint([{ path: "Dockerfile", text: "FROM a:1\nRUN true\n" }], { rules: ALL_RULES, select: ["shellcheck"], noConfigSearch: true, shellcheck: failing });
    expect(out.map((d) => [d.code, d.message])).toEqual([["internal-error", "ShellCheck gave no answer: timeout"]]);
  });

  it("sends a Dockerfile's scripts to checkAll together, in order, with the same findings as check", async () => {
    const text = "FROM a:1\nARG DIR\nRUN cd $DIR\n# hadolint ignore=SC2154\nRUN echo $A\nONBUILD RUN echo $B\nRUN echo ok\n";
    const perScript = await run(text);
    const batches: string[][] = [];
    const inner = fakeRunner();
    const batching: ShellcheckRunner = {
      check: () => Promise.reject(new Error("check must not be used when checkAll exists")),
      async checkAll(requests) {
        batches.push(requests.map((r) => r.script));
        return Promise.all(requests.map((r) => inner.check(r)));
      },
    };
    const batched = await run(text, { shellcheck: batching });
    expect(batches).toEqual([["cd $DIR", "echo $A", "echo $B", "echo ok"]]);
    expect(batched).toEqual(perScript);
    expect(batched.map((d) => `${d.line} ${d.code}`)).toEqual(["3 SC2086", "6 SC2154"]);
  });

  it("reports a checkAll that fails or answers for the wrong number of scripts as internal-error on each script", async () => {
    const text = "FROM a:1\nRUN true\nRUN false\n";
    const throwing: ShellcheckRunner = { check: async () => ({ findings: [] }), checkAll: () => Promise.reject(new Error("spawn failed")) };
    const short: ShellcheckRunner = { check: async () => ({ findings: [] }), checkAll: async () => [{ findings: [] }] };
    const lines = async (runner: ShellcheckRunner) => (await run(text, { shellcheck: runner })).map((d) => `${d.line} ${d.code} ${d.message}`);
    expect(await lines(throwing)).toEqual(["2 internal-error ShellCheck failed: Error: spawn failed", "3 internal-error ShellCheck failed: Error: spawn failed"]);
    expect(await lines(short)).toEqual([
      "2 internal-error ShellCheck failed: the runner answered 1 of 2 scripts",
      "3 internal-error ShellCheck failed: the runner answered 1 of 2 scripts",
    ]);
  });
});
