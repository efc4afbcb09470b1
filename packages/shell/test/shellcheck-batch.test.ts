// checkAll: a Dockerfile's scripts in one ShellCheck process, with the same findings as one process per script.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildShellcheckRequest, initShell, shellScriptsOf, type ShellcheckRequest } from "@shipshape/shell";
import { createShellcheckRunner } from "../src/shellcheck-process.js";
import { instructionFrom } from "./dockerfile-snippet.js";
import { hasShellcheck } from "./shellcheck-helpers.js";

beforeAll(() => initShell());

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "shipshape-sc-batch-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in executable that logs each call (arguments and working folder) and then runs `body`. */
function loggingBinary(body: string): { binary: string; calls: () => { args: string[]; cwd: string }[] } {
  const log = path.join(dir, "calls.log");
  const binary = path.join(dir, "fake-shellcheck");
  writeFileSync(binary, `#!/bin/sh\nprintf '%s\\t%s\\n' "$(pwd)" "$*" >> '${log}'\n${body}\n`);
  chmodSync(binary, 0o755);
  return {
    binary,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, "utf8").trim().split("\n").map((line) => {
            const [cwd, args] = line.split("\t");
            return { cwd: cwd!, args: args!.split(" ") };
          })
        : [],
  };
}

/** Requests as the linter builds them, from RUN instructions. */
function requestsFrom(sources: string[], options: Parameters<typeof buildShellcheckRequest>[1] = {}): ShellcheckRequest[] {
  return sources.map((source) => buildShellcheckRequest(shellScriptsOf(instructionFrom(source))[0]!, options));
}

describe.skipIf(!hasShellcheck)("checkAll with the real shellcheck", () => {
  it("finds exactly what one process per script finds, mapped to the same Dockerfile ranges", async () => {
    const sh = requestsFrom([
      "RUN cd /app && cp $1 /app",
      'RUN echo "😀 é" \\\n\t&& cp $2 /x',
      "RUN <<EOF\n# shellcheck disable=SC2086\necho $3 $4\nEOF\n",
      "RUN if then",
      'RUN echo "$VERSION" "$undeclared"',
    ], { declaredVariables: ["VERSION"] });
    const bash = requestsFrom(["RUN test -n x && [[ -f x ]] && echo `date`"], { dialect: "bash" });
    const requests = [sh[0]!, bash[0]!, ...sh.slice(1)];
    const batched = await createShellcheckRunner()!.checkAll(requests);
    // Another runner: one runner answers a script it has checked from what it kept.
    const single = await Promise.all(requests.map((r) => createShellcheckRunner()!.check(r)));
    expect(batched).toEqual(single);
    expect(batched.map((r) => r.findings.map((f) => f.code))).toEqual(single.map((r) => r.findings.map((f) => f.code)));
    expect(batched.every((r) => r.error === undefined)).toBe(true);
    // Something was found, so the comparison means something.
    expect(batched.flatMap((r) => r.findings.map((f) => f.code))).toEqual(expect.arrayContaining(["SC2086", "SC2006", "SC1073", "SC2154"]));
    // The directive at the top of one script is file-wide for that script only.
    expect(batched[3]!.findings).toEqual([]);
    expect(batched[0]!.findings.map((f) => f.code)).toEqual(["SC2086"]);
  });

  it("reads the .shellcheckrc of its working folder, as ShellCheck does for stdin", async () => {
    writeFileSync(path.join(dir, ".shellcheckrc"), "disable=SC2086\n");
    const runner = createShellcheckRunner({ cwd: dir })!;
    const requests = requestsFrom(["RUN echo $1", "RUN echo $2 && cd /x"]);
    const results = await runner.checkAll(requests);
    expect(results.map((r) => r.findings.map((f) => f.code))).toEqual([[], ["SC2164"]]);
  });
});

describe("checkAll's processes", () => {
  it("starts one process per set of options, passing the scripts as files", async () => {
    const fake = loggingBinary(`echo '{"comments":[]}'`);
    const runner = createShellcheckRunner({ binary: fake.binary })!;
    const sh = requestsFrom(["RUN a", "RUN b", "RUN c"]);
    const bash = requestsFrom(["RUN d"], { dialect: "bash" });
    const results = await runner.checkAll([sh[0]!, bash[0]!, sh[1]!, sh[2]!]);
    expect(results).toEqual([{ findings: [] }, { findings: [] }, { findings: [] }, { findings: [] }]);
    const calls = fake.calls();
    expect(calls).toHaveLength(2);
    const batch = calls.find((c) => c.args.includes("--shell=sh"))!;
    expect(batch.args.slice(-4)).toEqual(["--", "0.sh", "1.sh", "2.sh"]);
    // The lone bash script goes through stdin, as check() does.
    expect(calls.find((c) => c.args.includes("--shell=bash"))!.args.at(-1)).toBe("-");
    // The temporary folder is gone afterwards.
    expect(existsSync(batch.cwd)).toBe(false);
  });

  it("maps each finding back to its script by file name", async () => {
    // Findings for 1.sh only: column 6-8 of its second line (the first is the inserted declaration line).
    const fake = loggingBinary(
      `echo '{"comments":[{"file":"1.sh","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,"message":"quote it"}]}'; exit 1`,
    );
    const runner = createShellcheckRunner({ binary: fake.binary })!;
    const sources = ["RUN echo $1", "RUN echo $2"];
    const results = await runner.checkAll(requestsFrom(sources));
    expect(results[0]!.findings).toEqual([]);
    const [finding] = results[1]!.findings;
    expect(finding!.code).toBe("SC2086");
    expect(sources[1]!.slice(finding!.range.start, finding!.range.end)).toBe("$2");
  });

  it("splits a large group over processes of at most 200 scripts, and maps findings back within each", async () => {
    // Every process reports a finding for its second file.
    const fake = loggingBinary(
      `echo '{"comments":[{"file":"1.sh","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,"message":"quote it"}]}'; exit 1`,
    );
    const runner = createShellcheckRunner({ binary: fake.binary, concurrency: 2 })!;
    const sources = Array.from({ length: 450 }, (_, i) => `RUN echo $${i % 9} ${i}`);
    const results = await runner.checkAll(requestsFrom(sources));
    const calls = fake.calls();
    expect(calls.map((c) => c.args.filter((a) => a.endsWith(".sh")).length).sort((a, b) => a - b)).toEqual([50, 200, 200]);
    expect(results).toHaveLength(450);
    expect(results.flatMap((r, i) => (r.findings.length ? [i] : []))).toEqual([1, 201, 401]);
    expect(results.every((r) => r.error === undefined)).toBe(true);
  });

  it("checks together the calls made in one turn of the event loop, and answers each call with its own scripts", async () => {
    // A finding on the second line of every script file it is given (the first is the inserted declaration line).
    const fake = loggingBinary(
      `printf '{"comments":['; sep=''; for a in "$@"; do case "$a" in *.sh) printf '%s{"file":"%s","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,"message":"quote it"}' "$sep" "$a"; sep=',';; esac; done; printf ']}'; exit 1`,
    );
    const runner = createShellcheckRunner({ binary: fake.binary })!;
    // Three Dockerfiles' calls at once (as the CLI makes them), the same script text in two of them.
    const files = [["RUN echo $1", "RUN echo $2"], ["RUN echo $3"], ["RUN echo $1", "RUN echo $4", "RUN echo $5"]];
    const results = await Promise.all(files.map((sources) => runner.checkAll(requestsFrom(sources))));
    expect(fake.calls()).toHaveLength(1);
    expect(fake.calls()[0]!.args.filter((a) => a.endsWith(".sh"))).toHaveLength(5);
    expect(results.map((r) => r.length)).toEqual([2, 1, 3]);
    results.forEach((r, f) =>
      r.forEach((result, i) => {
        const [finding] = result.findings;
        expect(files[f]![i]!.slice(finding!.range.start, finding!.range.end)).toBe(`$${files[f]![i]!.at(-1)}`);
      }),
    );
    // A call in a later turn gets a process of its own.
    await runner.checkAll(requestsFrom(["RUN echo $6", "RUN echo $7"]));
    expect(fake.calls()).toHaveLength(2);
  });

  it("spreads a large group over the processes it may run at once, at least 32 scripts each", async () => {
    const fake = loggingBinary(`echo '{"comments":[]}'`);
    const sizes = async (count: number, concurrency: number): Promise<number[]> => {
      const before = fake.calls().length;
      await createShellcheckRunner({ binary: fake.binary, concurrency })!.checkAll(requestsFrom(Array.from({ length: count }, (_, i) => `RUN echo ${i}`)));
      return fake.calls().slice(before).map((c) => c.args.filter((a) => a.endsWith(".sh")).length).sort((a, b) => a - b);
    };
    expect(await sizes(100, 4)).toEqual([4, 32, 32, 32]);
    expect(await sizes(400, 4)).toEqual([100, 100, 100, 100]);
    expect(await sizes(40, 4)).toEqual([8, 32]);
    expect(await sizes(20, 4)).toEqual([20]);
  });

  it("checks a script once per runner: copies in one call and scripts of later calls are answered at their own places", async () => {
    // Reports columns 6-8 of the second line of 0.sh, or of stdin (the first line is the inserted declaration line).
    const fake = loggingBinary(
      `echo '{"comments":[{"file":"0.sh","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,"message":"quote it"},` +
        `{"file":"-","line":2,"endLine":2,"column":6,"endColumn":8,"level":"info","code":2086,"message":"quote it"}]}'; exit 1`,
    );
    const runner = createShellcheckRunner({ binary: fake.binary })!;
    // The same RUN text at three places (other stages, other files), and one other script.
    const sources = ["RUN echo $1", "RUN echo $1", "RUN true", "RUN echo $1"];
    const requests = requestsFrom(sources).map((r, i) => ({ ...r, toSource: (o: number) => r.toSource(o) + 1000 * i }));
    const results = await runner.checkAll(requests);
    expect(fake.calls().flatMap((c) => c.args.filter((a) => a.endsWith(".sh")))).toEqual(["0.sh", "1.sh"]);
    expect(results.map((r) => r.findings.map((f) => f.range.start))).toEqual([[9], [1009], [], [3009]]);
    // Later calls, a Dockerfile linted after: no new process for a script already checked.
    const again = await runner.checkAll([requests[3]!, requests[2]!]);
    expect(again.map((r) => r.findings.map((f) => f.range.start))).toEqual([[3009], []]);
    expect(await runner.check(requests[1]!)).toEqual(results[1]);
    expect(fake.calls()).toHaveLength(1);
  });

  it("checks again once the .shellcheckrc it reads has changed", async () => {
    const fake = loggingBinary(`echo '{"comments":[]}'`);
    writeFileSync(path.join(dir, ".shellcheckrc"), "disable=SC2086\n");
    const runner = createShellcheckRunner({ binary: fake.binary, cwd: dir })!;
    const requests = requestsFrom(["RUN a", "RUN b"]);
    await runner.checkAll(requests);
    await runner.checkAll(requests);
    expect(fake.calls()).toHaveLength(1);
    writeFileSync(path.join(dir, ".shellcheckrc"), "disable=SC2086,SC2164\n");
    await runner.checkAll(requests);
    await runner.check(requests[0]!);
    expect(fake.calls()).toHaveLength(2);
  });

  it("does not keep a failed run's answer", async () => {
    const marker = path.join(dir, "failed-once");
    const fake = loggingBinary(`if [ ! -e '${marker}' ]; then touch '${marker}'; echo boom >&2; exit 3; fi; echo '{"comments":[]}'`);
    const runner = createShellcheckRunner({ binary: fake.binary })!;
    const [request] = requestsFrom(["RUN a"]);
    expect((await runner.check(request!)).error).toBe("shellcheck exited with 3: boom");
    expect(await runner.check(request!)).toEqual({ findings: [] });
    expect(await runner.check(request!)).toEqual({ findings: [] });
    expect(fake.calls()).toHaveLength(2);
  });

  it("gives every script of a failed process the error, and never rejects", async () => {
    const fake = loggingBinary("echo 'bad option' >&2; exit 3");
    const runner = createShellcheckRunner({ binary: fake.binary })!;
    const results = await runner.checkAll(requestsFrom(["RUN a", "RUN b"]));
    expect(results.map((r) => [r.findings, r.error])).toEqual([
      [[], "shellcheck exited with 3: bad option"],
      [[], "shellcheck exited with 3: bad option"],
    ]);
    expect(await runner.checkAll([])).toEqual([]);
  });

  it("reports output that is not ShellCheck's JSON as an error", async () => {
    const fake = loggingBinary("echo 'not json'");
    const results = await createShellcheckRunner({ binary: fake.binary })!.checkAll(requestsFrom(["RUN a", "RUN b"]));
    expect(results.map((r) => r.error)).toEqual(["shellcheck printed no JSON", "shellcheck printed no JSON"]);
  });
});
