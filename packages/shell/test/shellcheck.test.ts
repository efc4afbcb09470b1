import { beforeAll, describe, expect, it } from "vitest";
import { applyEdits } from "@shipshape/text";
import {
  buildShellcheckRequest, initShell, parseShellcheckOutput, shellcheckDiagnostic, shellcheckRequestsFor, shellScriptsOf,
  toSourceFromPieces,
} from "@shipshape/shell";
import { createShellcheckRunner } from "../src/shellcheck-process.js";
import { instructionFrom } from "./dockerfile-snippet.js";
import { hasShellcheck } from "./shellcheck-helpers.js";

beforeAll(() => initShell());

const identity = { toSource: (o: number) => o };

describe("buildShellcheckRequest", () => {
  it("passes the dialect, severity and hadolint's exclusions, reading stdin", () => {
    const r = buildShellcheckRequest({ text: "ls", ...identity }, { dialect: "bash" });
    expect(r.args).toEqual(["--format=json1", "--shell=bash", "--severity=style", "--exclude=SC2187,SC1090,SC1091", "-"]);
  });

  it("normalises codes and adds include and enable", () => {
    const r = buildShellcheckRequest({ text: "ls", ...identity }, { exclude: ["2086"], include: ["SC2154"], enable: ["all"], severity: "warning" });
    expect(r.args).toEqual(["--format=json1", "--shell=sh", "--severity=warning", "--exclude=SC2086", "--include=SC2154", "--enable=all", "-"]);
  });

  it("declares the proxy and stage variables after the leading comments", () => {
    const r = buildShellcheckRequest({ text: "#!/bin/sh\n# shellcheck disable=SC2086\necho $VERSION", ...identity }, { declaredVariables: ["VERSION", "not-a-name"] });
    const lines = r.stdin.split("\n");
    expect(lines[0]).toBe("#!/bin/sh");
    expect(lines[1]).toBe("# shellcheck disable=SC2086");
    expect(lines[2]).toMatch(/^export HTTP_PROXY=1 .* VERSION=1$/);
    expect(lines[2]).not.toContain("not-a-name");
    expect(lines[3]).toBe("echo $VERSION");
    expect([r.insertedAtLine, r.insertedLines]).toEqual([2, 1]);
  });
});

describe("shellcheckRequestsFor", () => {
  const shells = (source: string, options: Parameters<typeof shellcheckRequestsFor>[1] = {}) =>
    shellcheckRequestsFor(instructionFrom(source), options).map((r) => [r.script.kind, r.request.args[1]]);

  it("checks RUN with the stage's shell", () => {
    expect(shells("RUN ls")).toEqual([["shell-form", "--shell=sh"]]);
    expect(shells("RUN ls", { shell: ["/bin/bash", "-o", "pipefail", "-c"] })).toEqual([["shell-form", "--shell=bash"]]);
  });

  it("skips PowerShell, cmd and zsh stages", () => {
    expect(shells("RUN dir", { shell: ["cmd", "/S", "/C"] })).toEqual([]);
    expect(shells("RUN Get-Item x", { shell: ["pwsh", "-Command"] })).toEqual([]);
    expect(shells("RUN ls", { shell: ["zsh", "-c"] })).toEqual([]);
  });

  it("checks CMD only when asked", () => {
    expect(shells("CMD ls")).toEqual([]);
    expect(shells("CMD ls", { allInstructions: true })).toEqual([["shell-form", "--shell=sh"]]);
  });

  it("uses a heredoc's shebang or reader, and skips non-shell heredocs", () => {
    expect(shells("RUN <<EOF\n#!/bin/bash\nls\nEOF\n")).toEqual([["heredoc-script", "--shell=bash"]]);
    expect(shells("RUN <<EOF\n#!/usr/bin/env python3\nprint()\nEOF\n")).toEqual([]);
    expect(shells("RUN <<EOF bash\nls\nEOF\n")).toEqual([["shell-form", "--shell=sh"], ["heredoc-stdin", "--shell=bash"]]);
  });

  it("checks exec-form shell scripts only when asked", () => {
    const source = 'RUN ["bash", "-c", "echo $1"]';
    const run = instructionFrom(source);
    const form = { kind: "JsonForm" as const, range: { start: 4, end: source.length }, elements: [
      { value: "bash", range: { start: 5, end: 11 } }, { value: "-c", range: { start: 13, end: 17 } },
      { value: "echo $1", range: { start: 19, end: 28 } },
    ] };
    const withJson = { ...run, command: form } as typeof run;
    expect(shellcheckRequestsFor(withJson).length).toBe(0);
    const [r] = shellcheckRequestsFor(withJson, { execForm: true });
    expect([r.script.kind, r.request.args[1], r.script.text]).toEqual(["exec-form-shell", "--shell=bash", "echo $1"]);
    expect(source.slice(r.script.toSource(5), r.script.toSource(7))).toBe("$1");
  });

  it("passes the declared variables on", () => {
    const [r] = shellcheckRequestsFor(instructionFrom("RUN echo $V"), { declaredVariables: ["V"] });
    expect(r.request.stdin.split("\n")[0]).toMatch(/ V=1$/);
  });
});

describe("parseShellcheckOutput", () => {
  const json = (comments: unknown[]) => JSON.stringify({ comments });

  it("maps lines after the declaration line and counts columns in code points", () => {
    const script = "echo 😀 $a\necho $b";
    const request = buildShellcheckRequest({ text: script, toSource: (o) => o + 10 });
    // Line 1 of stdin is the declaration; the script's line 1 is stdin line 2.
    const out = parseShellcheckOutput(request, json([
      { line: 2, endLine: 2, column: 8, endColumn: 10, level: "info", code: 2086, message: "Double quote", fix: null },
      { line: 3, endLine: 3, column: 6, endColumn: 8, level: "warning", code: 2154, message: "b is not assigned" },
      { line: 1, endLine: 1, column: 1, endColumn: 2, level: "style", code: 9999, message: "on the declaration" },
    ]));
    expect(out.map((f) => [f.code, f.level, script.slice(f.scriptRange.start, f.scriptRange.end), f.range.start - f.scriptRange.start])).toEqual([
      ["SC2086", "info", "$a", 10],
      ["SC2154", "warning", "$b", 10],
    ]);
  });

  it("never throws on bad output", () => {
    const request = buildShellcheckRequest({ text: "ls", ...identity });
    expect(parseShellcheckOutput(request, "not json")).toEqual([]);
    expect(parseShellcheckOutput(request, "{}")).toEqual([]);
    expect(parseShellcheckOutput(request, json([null, { line: "x" }]))).toEqual([]);
  });

  it("keeps a fix only when its edits map straight onto the source", () => {
    // Script "echo $x" where a continuation sits right before "$x": inserting the opening quote
    // before or after the continuation would differ, so the fix is dropped.
    const broken = toSourceFromPieces([{ script: 0, source: 100, length: 5 }, { script: 5, source: 200, length: 2 }]);
    const straight = toSourceFromPieces([{ script: 0, source: 100, length: 7 }]);
    const comment = {
      line: 2, endLine: 2, column: 6, endColumn: 8, level: "info", code: 2086, message: "q",
      fix: { replacements: [
        { line: 2, endLine: 2, column: 6, endColumn: 6, replacement: '"' },
        { line: 2, endLine: 2, column: 8, endColumn: 8, replacement: '"' },
      ] },
    };
    const fixed = parseShellcheckOutput(buildShellcheckRequest({ text: "echo $x", toSource: straight }), json([comment]))[0];
    expect(fixed.fix?.edits.map((e) => [e.range.start, e.text])).toEqual([[105, '"'], [107, '"']]);
    expect(fixed.fix?.safety).toBe("unsafe");
    const unfixed = parseShellcheckOutput(buildShellcheckRequest({ text: "echo $x", toSource: broken }), json([comment]))[0];
    expect(unfixed.fix).toBeUndefined();
  });

  it("converts to a Diagnostic", () => {
    const request = buildShellcheckRequest({ text: "echo $1", ...identity });
    const [f] = parseShellcheckOutput(request, json([{ line: 2, endLine: 2, column: 6, endColumn: 8, level: "info", code: 2086, message: "Double quote" }]));
    expect(shellcheckDiagnostic(f)).toMatchObject({ code: "SC2086", severity: "info", rule: "shellcheck", range: { start: 5, end: 7 } });
  });
});

describe.skipIf(!hasShellcheck)("ShellCheck on Dockerfile scripts (needs the shellcheck binary)", () => {
  it("reports at the exact Dockerfile range across a continuation, and its fix applies", async () => {
    const source = "RUN mkdir -p /app \\\n  && cp $1 /app";
    const [script] = shellScriptsOf(instructionFrom(source));
    const runner = createShellcheckRunner()!;
    const result = await runner.check(buildShellcheckRequest(script));
    expect(result.error).toBeUndefined();
    const sc2086 = result.findings.find((f) => f.code === "SC2086")!;
    expect(source.slice(sc2086.range.start, sc2086.range.end)).toBe("$1");
    expect(applyEdits(source, sc2086.fix!.edits).text).toBe('RUN mkdir -p /app \\\n  && cp "$1" /app');
  });

  it("does not report declared ARG/ENV names as unassigned, but does report others", async () => {
    const source = "RUN echo \"$VERSION\" \"$http_proxy\" \"$other\"";
    const [script] = shellScriptsOf(instructionFrom(source));
    const runner = createShellcheckRunner()!;
    const result = await runner.check(buildShellcheckRequest(script, { declaredVariables: ["VERSION"] }));
    const unassigned = result.findings.filter((f) => f.code === "SC2154").map((f) => source.slice(f.range.start, f.range.end));
    expect(unassigned).toEqual(["$other"]);
  });

  it("checks a heredoc script with bash and maps into the body", async () => {
    const source = "RUN <<EOF\n#!/bin/bash\n[[ -f x ]] && echo `date`\nEOF\n";
    const [script] = shellScriptsOf(instructionFrom(source));
    const runner = createShellcheckRunner()!;
    const result = await runner.check(buildShellcheckRequest(script, { dialect: "bash" }));
    const sc2006 = result.findings.find((f) => f.code === "SC2006")!;
    expect(source.slice(sc2006.range.start, sc2006.range.end)).toBe("`date`");
    expect(result.findings.some((f) => f.code === "SC3010")).toBe(false);
  });

  it("maps columns after non-ASCII text and tabs to UTF-16 offsets", async () => {
    const source = 'RUN echo "😀 é" \\\n\t&& cp $1 /app';
    const [script] = shellScriptsOf(instructionFrom(source));
    const result = await createShellcheckRunner()!.check(buildShellcheckRequest(script));
    const sc2086 = result.findings.find((f) => f.code === "SC2086")!;
    expect(source.slice(sc2086.range.start, sc2086.range.end)).toBe("$1");
  });

  it("keeps a file-wide directive at the top file-wide", async () => {
    const runner = createShellcheckRunner()!;
    const result = await runner.check(buildShellcheckRequest({ text: "# shellcheck disable=SC2086\necho $1\necho $2", ...identity }));
    expect(result.findings.filter((f) => f.code === "SC2086")).toEqual([]);
  });

  it("runs many scripts with a concurrency limit", async () => {
    const runner = createShellcheckRunner({ concurrency: 2 })!;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      runner.check(buildShellcheckRequest({ text: `echo $${i + 1}`, ...identity }))));
    expect(results.map((r) => r.findings.map((f) => f.code))).toEqual(Array(6).fill(["SC2086"]));
  });

  it("reports a failing run as an error instead of throwing", async () => {
    const runner = createShellcheckRunner()!;
    const result = await runner.check({ ...buildShellcheckRequest({ text: "ls", ...identity }), args: ["--shell=nosuchshell", "-"] });
    expect(result.findings).toEqual([]);
    expect(result.error).toMatch(/exited with/);
  });
});

describe("createShellcheckRunner", () => {
  it("is undefined when the executable is not on the path", () => {
    expect(createShellcheckRunner({ pathEnv: "/nonexistent-dir" })).toBeUndefined();
    expect(createShellcheckRunner({ binary: "/nonexistent/shellcheck" })).toBeUndefined();
  });

  it("times out a process that does not finish", async () => {
    // `sleep` stands in for a hung shellcheck: it ignores stdin and outlives the limit.
    const runner = createShellcheckRunner({ binary: "sleep", timeoutMs: 100 })!;
    const result = await runner.check({ ...buildShellcheckRequest({ text: "ls", ...identity }), args: ["5"] });
    expect(result.error).toMatch(/timed out/);
  });
});
