import { execFileSync, spawn } from "node:child_process";
import { chmodSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { BIN, ensureBuilt, expectNoStack, shipshape, tempTree } from "./helpers.js";

// Each case spawns the CLI a few times; a loaded CI machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 300_000);

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});
function tree(files: Record<string, string | Buffer>): string {
  const t = tempTree(files);
  cleanup.push(t.remove);
  return t.root;
}

const LATEST = "FROM debian:latest\nRUN echo hi\n";
const CLEAN = 'FROM debian:12.7\nCMD ["echo", "hi"]\n';

type Json = { file: string; line: number; column: number; endColumn: number; code: string; severity: string }[];
const json = (out: string) => JSON.parse(out) as Json;

describe("shipshape lint", () => {
  test("a finding: JSON with the exact range, exit 1", () => {
    const root = tree({ Dockerfile: LATEST });
    const r = shipshape(["lint", "Dockerfile", "--format", "json"], { cwd: root });
    expect(r.status).toBe(1);
    const d = json(r.stdout).find((x) => x.code === "DL3007");
    expect(d).toMatchObject({ file: "Dockerfile", line: 1, column: 13, endColumn: 19, severity: "warning" });
  });

  test("a clean file: stylish summary, exit 0", () => {
    const root = tree({ Dockerfile: CLEAN });
    const r = shipshape(["lint"], { cwd: root });
    expect(r.stdout).toBe("No problems found in 1 file.\n");
    expect(r.status).toBe(0);
  });

  test("stylish shows the code frame with carets", () => {
    const root = tree({ Dockerfile: LATEST });
    const r = shipshape(["lint", "Dockerfile", "--select", "DL3007"], { cwd: root });
    expect(r.stdout).toBe(
      [
        "Dockerfile:1:13: warning[DL3007] Pin a version instead of 'latest' (latest-tag)",
        "1 | FROM debian:latest",
        "  |             ^^^^^^",
        "",
        "1 problem (0 errors, 1 warning, 0 info, 0 style) in 1 file.",
        "",
      ].join("\n"),
    );
  });

  test("a 100 KB line: the frame is a window onto the finding and the message quotes the word's ends only", () => {
    const word = `X${"D".repeat(100_000)}Y`;
    const root = tree({ Dockerfile: `FROM alpine:3.21\n${word} now\n` });
    const r = shipshape(["lint", "Dockerfile", "--select", "DF102"], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeLessThan(1000);
    const [header, source, carets] = r.stdout.split("\n");
    expect(header).toBe(`Dockerfile:2:1: error[DF102] Unknown instruction '${"X" + "D".repeat(158)}…${"D".repeat(58)}Y' (unknown-instruction)`);
    expect(source).toBe(`2 | ${"X" + "D".repeat(159)}…`);
    expect(carets).toBe(`  | ${"^".repeat(160)}`);
    const reported = json(shipshape(["lint", "Dockerfile", "--select", "DF102", "--format", "json"], { cwd: root }).stdout);
    expect(reported).toMatchObject([{ line: 2, column: 1, endLine: 2, endColumn: 100_003 }]);
    expect(reported[0]!.message.length).toBeLessThan(260);
  });

  test("colour only when forced or on a TTY, never with --no-color", () => {
    const root = tree({ Dockerfile: LATEST });
    expect(shipshape(["lint", "--color", "Dockerfile"], { cwd: root }).stdout).toMatch(/\x1b\[/);
    expect(shipshape(["lint", "Dockerfile"], { cwd: root, env: { NO_COLOR: undefined, FORCE_COLOR: "1" } }).stdout).toMatch(/\x1b\[/);
    expect(shipshape(["lint", "--no-color", "Dockerfile"], { cwd: root, env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(/\x1b\[/);
    expect(shipshape(["lint", "Dockerfile"], { cwd: root, env: { NO_COLOR: undefined } }).stdout).not.toMatch(/\x1b\[/);
  });

  test("an unreadable path: exit 2, message on stderr, the other files still reported", () => {
    const root = tree({ Dockerfile: LATEST });
    const r = shipshape(["lint", "missing/Dockerfile", "Dockerfile", "--format", "json"], { cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("missing/Dockerfile: no such file or directory");
    expect(json(r.stdout).some((d) => d.code === "DL3007")).toBe(true);
    expectNoStack(r.stderr);
  });

  test("bad usage: exit 2, one line, no stack", () => {
    for (const args of [["lint", "--bogus"], ["lint", "--format", "nope"], ["lint", "--failure-threshold", "high"], ["lint", "--shard", "3/2"], ["frobnicate"]]) {
      const r = shipshape(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^shipshape: /);
      expectNoStack(r.stderr);
    }
  });

  test("failure threshold: flag > SHIPSHAPE_* > HADOLINT_*, and --no-fail", () => {
    const root = tree({ Dockerfile: LATEST });
    const status = (args: string[], env: Record<string, string> = {}) => shipshape(["lint", "Dockerfile", "--select", "DL3007", ...args], { cwd: root, env }).status;
    expect(status([])).toBe(1);
    expect(status(["--failure-threshold", "error"])).toBe(0);
    expect(status([], { HADOLINT_FAILURE_THRESHOLD: "error" })).toBe(0);
    expect(status([], { SHIPSHAPE_FAILURE_THRESHOLD: "warning", HADOLINT_FAILURE_THRESHOLD: "error" })).toBe(1);
    expect(status(["--failure-threshold", "warning"], { SHIPSHAPE_FAILURE_THRESHOLD: "error" })).toBe(1);
    expect(status(["-t", "none"])).toBe(0);
    expect(status(["--no-fail"])).toBe(0);
    expect(status([], { HADOLINT_NOFAIL: "yes" })).toBe(0);
    expect(status([], { HADOLINT_NOFAIL: "nope" })).toBe(1);
    expect(status(["-t", "error", "--max-warnings", "0"])).toBe(1);
    expect(status(["-t", "error", "--max-warnings", "1"])).toBe(0);
    // As in hadolint (env < config file < flags), a config's failure-threshold wins over HADOLINT_*, not over SHIPSHAPE_*.
    writeFileSync(path.join(root, ".hadolint.yaml"), "failure-threshold: error\nformat: json\n");
    expect(status([], { HADOLINT_FAILURE_THRESHOLD: "info" })).toBe(0);
    expect(status([], { SHIPSHAPE_FAILURE_THRESHOLD: "info" })).toBe(1);
    expect(shipshape(["lint", "Dockerfile", "--select", "DL3007"], { cwd: root, env: { HADOLINT_FORMAT: "checkstyle" } }).stdout).toMatch(/^\[/);
  });

  test("formats from the environment, hadolint's names included", () => {
    const root = tree({ Dockerfile: LATEST });
    const r = shipshape(["lint", "Dockerfile", "--select", "DL3007"], { cwd: root, env: { HADOLINT_FORMAT: "gitlab_codeclimate" } });
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ check_name: "DL3007", location: { path: "Dockerfile", lines: { begin: 1 } } });
    const gnu = shipshape(["lint", "Dockerfile", "--select", "DL3007", "-f", "gnu"], { cwd: root, env: { SHIPSHAPE_FORMAT: "json" } });
    expect(gnu.stdout).toBe("Dockerfile:1.13-18: warning: Pin a version instead of 'latest' [DL3007]\n");
  });

  test("--ignore and HADOLINT_IGNORE add up; --select and codes by name", () => {
    const root = tree({ Dockerfile: "FROM debian:latest\nMAINTAINER me\n" });
    const codes = (args: string[], env: Record<string, string> = {}) =>
      json(shipshape(["lint", "Dockerfile", "-f", "json", ...args], { cwd: root, env }).stdout).map((d) => d.code).sort();
    const all = codes([]);
    expect(all).toEqual(expect.arrayContaining(["DL3007", "DL4000"]));
    expect(codes(["--ignore", "DL3007"], { HADOLINT_IGNORE: "DL4000" })).toEqual(all.filter((c) => c !== "DL3007" && c !== "DL4000"));
    expect(codes(["--select", "latest-tag"])).toEqual(["DL3007"]);
  });

  test("a .hadolint.yaml found upward applies its ignores and threshold; the flag still wins; --config picks another", () => {
    const root = tree({
      ".hadolint.yaml": "ignored:\n  - DL3007\nfailure-threshold: error\n",
      "strict.yaml": "failure-threshold: style\n",
      "sub/Dockerfile": "FROM debian:latest\nCMD echo hi\n",
    });
    const run = (args: string[], env: Record<string, string> = {}) => shipshape(["lint", "sub/Dockerfile", "-f", "json", ...args], { cwd: root, env });
    const withConfig = run([]);
    expect(json(withConfig.stdout).map((d) => d.code)).not.toContain("DL3007");
    expect(json(withConfig.stdout).length).toBeGreaterThan(0);
    expect(withConfig.status).toBe(0);
    expect(run(["-t", "warning"]).status).toBe(1);
    for (const other of [run(["--config", "strict.yaml"]), run([], { SHIPSHAPE_CONFIG: "strict.yaml" })]) {
      expect(json(other.stdout).map((d) => d.code)).toContain("DL3007");
      expect(other.status).toBe(1);
    }
  });

  test("stdin with -", () => {
    const r = shipshape(["lint", "-", "-f", "json", "--select", "DL3007"], { input: LATEST });
    expect(json(r.stdout)).toMatchObject([{ file: "-", line: 1, column: 13, code: "DL3007" }]);
  });

  test("folders: recognised names, .gitignore honoured, node_modules skipped", () => {
    const root = tree({
      ".gitignore": "ignored/\n",
      "a/Dockerfile": LATEST,
      "b/api.dockerfile": LATEST,
      "b/Dockerfile.dockerignore": "*\n",
      "ignored/Dockerfile": LATEST,
      "node_modules/x/Dockerfile": LATEST,
      "notes.txt": LATEST,
    });
    const r = shipshape(["lint", ".", "-f", "json", "--select", "DL3007"], { cwd: root });
    expect([...new Set(json(r.stdout).map((d) => d.file))]).toEqual(["a/Dockerfile", "b/api.dockerfile"]);
  });

  test("folders: the .dockerignore and config files beside walked files are found (from the walk's listings)", () => {
    const root = tree({
      "svc/Dockerfile": "FROM alpine:3.20\nCOPY secret.txt /\n",
      "svc/.dockerignore": "secret.txt\n",
      "quiet/Dockerfile": LATEST,
      "quiet/.hadolint.yaml": "ignored: [DL3007]\n",
      "loud/Dockerfile": LATEST,
      "named/Dockerfile": "FROM alpine:3.20\nCOPY a.txt b.txt /\n",
      "named/Dockerfile.dockerignore": "b.txt\n",
    });
    const r = shipshape(["lint", ".", "-f", "json", "--select", "DL3007,CopyIgnoredFile"], { cwd: root });
    expect(json(r.stdout).map((d) => `${d.file} ${d.code}`)).toEqual(["loud/Dockerfile DL3007", "named/Dockerfile CopyIgnoredFile", "svc/Dockerfile CopyIgnoredFile"]);
  });

  test("UTF-16 files are read as UTF-16: a Dockerfile gets DF010 (docker build cannot read it), a compose file is linted as it reads", () => {
    const utf16 = (text: string, bigEndian = false) => {
      const le = Buffer.from(`\uFEFF${text}`, "utf16le");
      return bigEndian ? Buffer.from(le.map((_, i) => le[i ^ 1]!)) : le;
    };
    const root = tree({ "Dockerfile": utf16("FROM debian:latest\nRUN echo hi\n"), "be/Dockerfile": utf16("FROM debian:latest\n", true), "compose.yaml": utf16("services:\n  a:\n    image: x\n") });
    const r = shipshape(["lint", ".", "-f", "json", "--select", "DF010,DL3007,DC011"], { cwd: root });
    expect(json(r.stdout).map((d) => `${d.file}:${d.line}:${d.column}-${d.endColumn} ${d.code}`)).toEqual([
      "Dockerfile:1:1-19 DF010",
      "Dockerfile:1:13-19 DL3007",
      "be/Dockerfile:1:1-19 DF010",
      "be/Dockerfile:1:13-19 DL3007",
      "compose.yaml:3:12-13 DC011",
    ]);
    expect(json(r.stdout)[2]!.message).toContain("UTF-16 (big-endian)");
  });

  test("binary files: archives and images named like Dockerfiles are not walked; a binary Dockerfile gets DF011 alone", () => {
    const binary = Buffer.concat([Buffer.from("\x1f\x8b\x08\x00"), Buffer.alloc(64, 7), Buffer.from("\nFROM x\nRUN y\n")]);
    const root = tree({
      "Dockerfile.tar.gz": binary,
      "img/dockerfile.png": binary,
      "bin/Dockerfile": binary,
      "ok/Dockerfile": LATEST,
    });
    const r = shipshape(["lint", ".", "-f", "json"], { cwd: root });
    expect(r.status).toBe(1);
    const found = json(r.stdout);
    expect(found.filter((d) => d.file === "bin/Dockerfile").map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.code} ${d.severity}`)).toEqual(["1:4-5 DF011 error"]);
    expect(found.filter((d) => d.file === "bin/Dockerfile")[0]!.message).toContain("binary data");
    expect(new Set(found.map((d) => d.file))).toEqual(new Set(["bin/Dockerfile", "ok/Dockerfile"]));
    // Named on the command line, an archive is linted as a Dockerfile (as hadolint does), and is binary.
    const named = shipshape(["lint", "Dockerfile.tar.gz", "-f", "json"], { cwd: root });
    expect(json(named.stdout).map((d) => d.code)).toEqual(["DF011"]);
    // Ignored, nothing is reported for it at all.
    expect(json(shipshape(["lint", "bin/Dockerfile", "-f", "json", "--ignore", "DF011"], { cwd: root }).stdout)).toEqual([]);
  });

  test("ShellCheck checks the scripts of many Dockerfiles in one process, each finding on its own file and line", () => {
    // A stand-in ShellCheck: logs each call, and reports SC2086 on the first character of every script file it is given.
    const root = tree({
      "a/Dockerfile": "FROM alpine:3.20\nRUN echo one\nRUN echo two\n",
      "b/Dockerfile": "FROM alpine:3.20\nRUN echo three\n",
      "c/Dockerfile": "FROM alpine:3.20\nWORKDIR /x\nRUN echo one\n",
      "d/Dockerfile": 'FROM alpine:3.20\nCMD ["true"]\n',
    });
    const log = path.join(root, "calls.log");
    const fake = path.join(root, "fake-shellcheck");
    writeFileSync(
      fake,
      `#!/bin/sh\necho "$*" >> '${log}'\nprintf '{"comments":['; sep=''; for a in "$@"; do case "$a" in *.sh) printf '%s{"file":"%s","line":2,"endLine":2,"column":1,"endColumn":5,"level":"info","code":2086,"message":"quote it"}' "$sep" "$a"; sep=',';; esac; done; printf ']}'; exit 1\n`,
      { mode: 0o755 },
    );
    const r = shipshape(["lint", ".", "-f", "json", "--select", "shellcheck"], { cwd: root, env: { SHIPSHAPE_SHELLCHECK: fake } });
    expect(json(r.stdout).map((d) => `${d.file}:${d.line}:${d.column}-${d.endColumn} ${d.code}`)).toEqual([
      "a/Dockerfile:2:5-9 SC2086",
      "a/Dockerfile:3:5-9 SC2086",
      "b/Dockerfile:2:5-9 SC2086",
      "c/Dockerfile:3:5-9 SC2086",
    ]);
    // One process for the three Dockerfiles; the script that c repeats from a is checked once.
    const calls = readFileSync(log, "utf8").trim().split("\n");
    expect(calls).toHaveLength(1);
    expect(calls[0]!.split(" ").filter((a) => a.endsWith(".sh"))).toHaveLength(3);
  });

  test("--shard splits the files deterministically and completely", () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`s${i}/Dockerfile`, LATEST]));
    const root = tree(files);
    const shard = (i: number) => json(shipshape(["lint", ".", "-f", "json", "--select", "DL3007", "--shard", `${i}/3`], { cwd: root }).stdout).map((d) => d.file);
    const parts = [shard(1), shard(2), shard(3)];
    expect(parts.flat().sort()).toEqual(Object.keys(files).sort());
    expect(shard(2)).toEqual(parts[1]);
    expect(new Set(parts.flat()).size).toBe(12);
  });

  test("many files go through the worker pool with the same, ordered output", () => {
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`svc${String(i).padStart(2, "0")}/Dockerfile`, LATEST]));
    const root = tree(files);
    // Two workers whatever the cores (by default a 2-core machine lints on the main thread).
    const r = shipshape(["lint", ".", "-f", "json", "--select", "DL3007"], { cwd: root, env: { SHIPSHAPE_WORKERS: "2" } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(json(r.stdout).map((d) => d.file)).toEqual(Object.keys(files).sort());
    expectNoStack(r.stderr);
  });

  test("a reader that goes away early (| head) ends the run without a stack trace", async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`d${i}/Dockerfile`, "FROM debian:latest\n".repeat(100)]));
    const root = tree(files);
    const child = spawn(process.execPath, [BIN, "lint", ".", "-f", "json"], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expectNoStack(stderr);
    expect(stderr).toBe("");
    expect([0, 1]).toContain(status);
  });

  test("hadolint's command line: stdin named with --file-path-in-report, --require-label, --strict-labels, -V", () => {
    const root = tree({ ".hadolint.yaml": "label-schema:\n  version: semver\n" });
    const input = 'FROM alpine:3.21\nLABEL maintainer="not-an-email" extra=1\n';
    const r = shipshape(["lint", "-V", "--require-label", "maintainer:email", "--strict-labels", "--file-path-in-report", "app/Dockerfile", "-f", "json", "-"], { cwd: root, input });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("shipshape: -: config .hadolint.yaml\n");
    expect(json(r.stdout).map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      "app/Dockerfile:1:1 DL3049", // version, from the config file's schema (the two schemas are merged)
      "app/Dockerfile:2:18 DL3058",
      "app/Dockerfile:2:33 DL3050",
    ]);
    // The frame of the stylish format comes from stdin's text under the new name.
    const stylish = shipshape(["lint", "--require-label", "maintainer:email", "--file-path-in-report", "app/Dockerfile", "-"], { cwd: root, input });
    expect(stylish.stdout).toContain('app/Dockerfile:2:18: warning[DL3058]');
    expect(stylish.stdout).toContain('2 | LABEL maintainer="not-an-email" extra=1');
    const env = shipshape(["lint", "-f", "json", "-"], { cwd: root, input, env: { HADOLINT_REQUIRE_LABELS: "maintainer:email", HADOLINT_STRICT_LABELS: "true" } });
    expect(json(env.stdout).map((d) => d.code)).toEqual(["DL3049", "DL3058", "DL3050"]);
  });

  test("a .hadolint.yaml's format, outputs and no-color shape the report, unless a flag or variable says otherwise", () => {
    const root = tree({ Dockerfile: LATEST, ".hadolint.yaml": "formats: [sarif, json]\noutputs: [report.sarif]\nno-color: true\n" });
    const r = shipshape(["lint", "Dockerfile"], { cwd: root, env: { FORCE_COLOR: "1" } });
    // As hadolint: the SARIF report to the output in its place, the JSON one (no output of its own) to stdout.
    expect(JSON.parse(readFileSync(path.join(root, "report.sarif"), "utf8")).version).toBe("2.1.0");
    expect(json(r.stdout).map((d) => d.code)).toContain("DL3007");
    expect(r.status).toBe(1);
    // no-color wins over FORCE_COLOR (but not over --color).
    const coloured = (config: string, args: string[] = []) =>
      /\x1b\[/.test(shipshape(["lint", "Dockerfile", ...args], { cwd: tree({ Dockerfile: LATEST, ".hadolint.yaml": config }), env: { FORCE_COLOR: "1", NO_COLOR: undefined } }).stdout);
    expect(coloured("ignored: []\n")).toBe(true);
    expect(coloured("no-color: true\n")).toBe(false);
    expect(coloured("no-color: true\n", ["--color"])).toBe(true);
    const flagged = shipshape(["lint", "Dockerfile", "-f", "gnu", "--output", "report.txt"], { cwd: root });
    expect(readFileSync(path.join(root, "report.txt"), "utf8")).toMatch(/^Dockerfile:1\.13-18: warning: /);
    expect(flagged.stdout).toBe("");
  });

  test("a JSON report of hundreds of findings (written in pieces) is the one array, to stdout and to a file", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`svc${String(i).padStart(2, "0")}/Dockerfile`] = "FROM debian:latest\nMAINTAINER me\nRUN apt-get install curl\nADD x /x\n";
    const root = tree(files);
    const r = shipshape(["lint", ".", "-f", "json"], { cwd: root });
    const parsed = json(r.stdout);
    expect(parsed.length).toBeGreaterThan(300); // more than one piece of 200
    expect(r.stdout).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(new Set(parsed.map((d) => d.file)).size).toBe(60);
    const toFile = shipshape(["lint", ".", "-f", "json", "-o", "report.json"], { cwd: root });
    expect(toFile.stdout).toBe("");
    expect(readFileSync(path.join(root, "report.json"), "utf8")).toBe(r.stdout);
  });

  test("-o writes the report to a file", () => {
    const root = tree({ Dockerfile: LATEST });
    const r = shipshape(["lint", "Dockerfile", "-f", "checkstyle", "-o", "report.xml", "--select", "DL3007"], { cwd: root });
    expect(r.stdout).toBe("");
    expect(readFileSync(path.join(root, "report.xml"), "utf8")).toContain('source="DL3007"');
  });
});

describe("a project moving from dclint", () => {
  const compose = 'services:\n  web:\n    image: nginx:edge\n    ports: ["8080:80"]\n';
  const files = { "app/compose.yaml": compose, "legacy/compose.yaml": compose, "app/Dockerfile": LATEST };
  const lintJson = (root: string) => json(shipshape(["lint", ".", "-f", "json"], { cwd: root }).stdout).map((d) => `${d.file} ${d.code} ${d.severity}`);

  test("its .dclintrc sets compose rules' levels and options, and its exclude skips walked compose files", () => {
    const before = lintJson(tree(files));
    expect(before).toEqual(expect.arrayContaining(["app/compose.yaml DC011 warning", "legacy/compose.yaml DC011 warning", "app/Dockerfile DL3007 warning"]));
    const root = tree({
      ...files,
      ".dclintrc": JSON.stringify({ rules: { "no-unbound-port-interfaces": 2, "service-image-require-explicit-tag": [1, { prohibitedTags: ["nightly"] }] }, exclude: ["legacy"] }),
    });
    const after = lintJson(root);
    expect(after).toContain("app/compose.yaml DC005 error");
    expect(after.filter((d) => d.includes("DC011") || d.startsWith("legacy/"))).toEqual([]);
    expect(after).toContain("app/Dockerfile DL3007 warning"); // a dclint config is about compose files
    // A file named on the command line is linted whatever `exclude` says, as dclint does.
    expect(json(shipshape(["lint", "legacy/compose.yaml", "-f", "json"], { cwd: root }).stdout).length).toBeGreaterThan(0);
  });

  test("quiet in package.json#dclint reports the compose files' errors only; a JavaScript config is reported, not run", () => {
    const quiet = lintJson(tree({ ...files, "package.json": JSON.stringify({ name: "x", dclint: { quiet: true, rules: { "no-unbound-port-interfaces": 2 } } }) }));
    expect(quiet.filter((d) => d.includes("compose.yaml")).every((d) => d.endsWith(" error"))).toBe(true);
    expect(quiet).toContain("app/compose.yaml DC005 error");
    expect(quiet).toContain("app/Dockerfile DL3007 warning");
    const script = lintJson(tree({ ...files, "dclint.config.js": "module.exports = { rules: {} };\n" }));
    expect(script).toContain("dclint.config.js invalid-config warning");
  });
});

describe("compose projects", () => {
  const files = {
    "app/compose.yaml": 'include:\n  - ../common/db.compose.yaml\nservices:\n  web:\n    image: "nginx:${TAG}"\n',
    "app/compose.override.yaml": 'version: "3"\nservices:\n  web:\n    ports: ["127.0.0.1:8080:80"]\n',
    "common/db.compose.yaml": "services:\n  db:\n    image: postgres:16\n",
  };
  const codes = (root: string, args: string[] = [], env: Record<string, string> = {}) =>
    json(shipshape(["lint", ".", "-f", "json", ...args], { cwd: root, env }).stdout).map((d) => `${d.file} ${d.code}`);

  test("a folder's compose.yaml and override are linted once, as one project", () => {
    const root = tree(files);
    const found = codes(root);
    expect(found.filter((c) => c === "app/compose.override.yaml CF010")).toHaveLength(1);
    expect(found).toContain("app/compose.yaml CF009");
  });

  test("a rule's finding in the override names the override, at the word at fault", () => {
    const root = tree({ "compose.yaml": "services:\n  web:\n    image: nginx:1.27\n", "compose.override.yaml": "services:\n  web:\n    image: nginx:latest\n  db:\n    image: redis:latest\n" });
    const out = shipshape(["lint", ".", "-f", "gnu", "--select", "DC011"], { cwd: root }).stdout;
    expect(out.trim().split("\n").map((l) => l.split(": ")[0])).toEqual(["compose.override.yaml:3.12-23", "compose.override.yaml:5.12-23"]);
  });

  test("files reached through include and extends get the rules' findings too, once, in their own names", () => {
    const root = tree({
      "compose.yaml": "include:\n  - inc.yaml\nservices:\n  web:\n    extends: {file: base.yaml, service: base}\n",
      "inc.yaml": "services:\n  db:\n    image: redis:latest\n",
      "base.yaml": "services:\n  base:\n    image: nginx\n",
    });
    const out = shipshape(["lint", ".", "-f", "gnu", "--select", "DC011"], { cwd: root }).stdout;
    expect(out.trim().split("\n").map((l) => l.split(": ")[0])).toEqual(["base.yaml:3.12-16", "inc.yaml:3.12-23"]);
    // Named on its own, the included file is linted as a project of its own, as before.
    expect(shipshape(["lint", "inc.yaml", "-f", "gnu", "--select", "DC011"], { cwd: root }).stdout).toContain("inc.yaml:3.12-23");
  });

  test("interpolation sees the environment and --env-file", () => {
    const root = tree({ ...files, "vars.env": "TAG=1.27\n" });
    expect(codes(root, [], { TAG: "1.27" })).not.toContain("app/compose.yaml CF009");
    expect(codes(root, ["--env-file", "vars.env"])).not.toContain("app/compose.yaml CF009");
  });

  test("--env-file given twice reads both, the later file winning", () => {
    const root = tree({ "compose.yaml": 'services:\n  web:\n    image: nginx:1.27\n    container_name: "${NAME}"\n    ports: ["${PORT}:80"]\n', "one.env": "PORT=eighty\nNAME=first\n", "two.env": "PORT=8080\n" });
    const codesWith = (...envFiles: string[]) => json(shipshape(["lint", ".", "-f", "json", ...envFiles.flatMap((f) => ["--env-file", f])], { cwd: root }).stdout).map((d) => d.code);
    // NAME comes from the first file (no CF009), PORT from the second (a valid port: no CF105).
    expect(codesWith("one.env", "two.env")).toEqual([]);
    expect(codesWith("one.env")).toEqual(["CF105"]);
    expect(codesWith("two.env")).toEqual(["CF009"]);
  });
;
});


describe("the working directory", () => {
  // Every kind of path a project's files give relative to themselves: include (with project_directory and
  // env_file), extends.file, env_file, label_file, configs/secrets files, a bind mount, the build context,
  // its Dockerfile and .dockerignore, and the implicit .env. All of them exist, so the only finding is the
  // deliberate one that needs the Dockerfile's .dockerignore.
  const files = {
    "proj/compose.yaml": [
      "include:",
      "  - path: sub/compose.yaml",
      "    project_directory: .",
      "    env_file: sub/defaults.env",
      "services:",
      "  web:",
      "    build: {context: app, dockerfile: Dockerfile, target: runtime}",
      "    env_file: web.env",
      "    label_file: web.labels",
      "    image: example/web:${WEB_TAG}",
      "    volumes: [./data:/data]",
      "    configs: [cfg]",
      "    secrets: [token]",
      "  worker:",
      "    extends: {file: base/common.yaml, service: common}",
      "configs:",
      "  cfg: {file: ./app/config.txt}",
      "secrets:",
      "  token: {file: ./token.txt}",
      "",
    ].join("\n"),
    "proj/sub/compose.yaml": "services:\n  db:\n    image: postgres:${PG_VERSION}\n",
    "proj/sub/defaults.env": "PG_VERSION=16\n",
    "proj/.env": "WEB_TAG=1.2.3\n",
    "proj/web.env": "A=1\n",
    "proj/web.labels": "com.example.a=1\n",
    "proj/data/.keep": "",
    "proj/token.txt": "x\n",
    "proj/base/common.yaml": "services:\n  common:\n    image: alpine:3.20\n    env_file: common.env\n",
    "proj/base/common.env": "B=2\n",
    "proj/app/Dockerfile": 'FROM alpine:3.20 AS build\nRUN echo hi > /x\nFROM alpine:3.20 AS runtime\nCOPY --from=build /x /x\nCOPY config.txt /etc/config.txt\nUSER 1000\nCMD ["cat", "/x"]\n',
    "proj/app/config.txt": "cfg\n",
    "proj/app/.dockerignore": "config.txt\n",
  };

  test("does not change the findings: from the project, from folders above it, from below it, by absolute path", () => {
    const root = tree(files);
    const proj = path.join(root, "proj");
    const from = (cwd: string, arg: string) => {
      const r = shipshape(["lint", arg, "-f", "json"], { cwd });
      expect(r.stderr).toBe("");
      return json(r.stdout).map((d) => `${path.relative(root, path.resolve(cwd, d.file))}:${d.line}:${d.column} ${d.code}`);
    };
    const expected = ["proj/app/Dockerfile:5:6 CopyIgnoredFile"];
    expect(from(proj, ".")).toEqual(expected);
    expect(from(root, "proj")).toEqual(expected);
    expect(from(path.dirname(root), path.basename(root))).toEqual(expected);
    expect(from(path.join(proj, "sub"), "..")).toEqual(expected);
    expect(from("/", proj)).toEqual(expected);
  });
});
describe("shipshape lint --fix", () => {
  test("applies safe fixes, keeps BOM and CRLF, reports what is left", () => {
    const original = "\uFEFFFROM node:20 as build\r\nRUN echo hi\r\n";
    const root = tree({ Dockerfile: original });
    const r = shipshape(["lint", "--fix", "Dockerfile", "-f", "json"], { cwd: root });
    const fixed = readFileSync(path.join(root, "Dockerfile"), "utf8");
    expect(fixed).toBe("\uFEFFFROM node:20 AS build\r\nRUN echo hi\r\n");
    expect(json(r.stdout).map((d) => d.code)).not.toContain("FromAsCasing");
    expectNoStack(r.stderr);
  });

  test("writes through a symbolic link and keeps hard links, and says so when a file cannot be written", () => {
    const root = tree({ "real/Dockerfile.base": "from debian:12\nRUN true\n", "hard/Dockerfile": "from debian:12\nRUN true\n" });
    symlinkSync("real/Dockerfile.base", path.join(root, "Dockerfile"));
    linkSync(path.join(root, "hard/Dockerfile"), path.join(root, "hard/Dockerfile.copy"));
    const r = shipshape(["lint", "--fix", "Dockerfile", "hard/Dockerfile", "-f", "json"], { cwd: root });
    expect(r.stderr).toBe("");
    expect(lstatSync(path.join(root, "Dockerfile")).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(root, "real/Dockerfile.base"), "utf8")).toBe("FROM debian:12\nRUN true\n");
    expect(statSync(path.join(root, "hard/Dockerfile")).nlink).toBe(2);
    expect(readFileSync(path.join(root, "hard/Dockerfile.copy"), "utf8")).toBe("FROM debian:12\nRUN true\n");
    expect(readdirSync(path.join(root, "real")).concat(readdirSync(path.join(root, "hard")))).toEqual(["Dockerfile.base", "Dockerfile", "Dockerfile.copy"]);
    // A file the user may not write: a message naming it and exit 2, not an internal error; the file is as it was.
    writeFileSync(path.join(root, "ro.Dockerfile"), "from debian:12\nRUN true\n");
    chmodSync(path.join(root, "ro.Dockerfile"), 0o444);
    chmodSync(root, 0o755);
    const ro = shipshape(["lint", "--fix", "ro.Dockerfile", "-f", "json"], { cwd: root, asNobody: true });
    if (ro.skipped) return; // cannot drop root's rights here
    expect(ro.status).toBe(2);
    expect(ro.stderr).toMatch(/ro\.Dockerfile: cannot write the fixes \(permission denied\)/);
    expect(ro.stdout).not.toContain("internal-error");
    expect(readFileSync(path.join(root, "ro.Dockerfile"), "utf8")).toBe("from debian:12\nRUN true\n");
  });

  test("--diff (and dclint's --fix-dry-run) prints what --fix would change, writes nothing, and the patch applies to the same result", () => {
    // A BOM and a CRLF line: the patch is against the bytes on disk and gives the bytes --fix writes.
    const original = "\uFEFFfrom alpine:3.21 as b\nrun apk add curl=8.0-r0\r\nENV A 1\n";
    const files = { "app/Dockerfile": original, "clean.Dockerfile": "FROM alpine:3.21\nRUN echo ok\n" };
    const root = tree(files);
    const r = shipshape(["lint", "--diff", "app/Dockerfile", "clean.Dockerfile"], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(
      ["--- a/app/Dockerfile", "+++ b/app/Dockerfile", "@@ -1,3 +1,3 @@", " \uFEFFfrom alpine:3.21 as b", "-run apk add curl=8.0-r0\r", "-ENV A 1", "+run apk add --no-cache curl=8.0-r0\r", "+env A=1", ""].join("\n"),
    );
    expect(readFileSync(path.join(root, "app/Dockerfile"), "utf8")).toBe(original);
    // Applied with git apply, the patch gives what --fix writes.
    writeFileSync(path.join(root, "fixes.patch"), r.stdout);
    execFileSync("git", ["apply", "fixes.patch"], { cwd: root });
    const fixedByPatch = readFileSync(path.join(root, "app/Dockerfile"), "utf8");
    const other = tree(files);
    shipshape(["lint", "--fix", "app/Dockerfile"], { cwd: other });
    expect(fixedByPatch).toBe(readFileSync(path.join(other, "app/Dockerfile"), "utf8"));
    // Nothing to fix: no output, exit 0; with --fix too: a usage error.
    expect(shipshape(["lint", "--fix-dry-run", "clean.Dockerfile"], { cwd: root })).toMatchObject({ status: 0, stdout: "" });
    expect(shipshape(["lint", "--fix", "--diff", "clean.Dockerfile"], { cwd: root }).status).toBe(2);
  });

  test("leaves files that are not UTF-8 byte for byte as they were, and says why", () => {
    const invalid = Buffer.concat([Buffer.from("FROM node:20 as build\nRUN echo "), Buffer.from([0xff, 0xfe]), Buffer.from(" x\n")]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("FROM node:20 as build\n", "utf16le")]);
    const root = tree({ "a/Dockerfile": invalid, "b/Dockerfile": utf16 });
    const r = shipshape(["lint", "--fix", "a/Dockerfile", "b/Dockerfile", "-f", "json"], { cwd: root });
    expect(readFileSync(path.join(root, "a/Dockerfile")).equals(invalid)).toBe(true);
    expect(readFileSync(path.join(root, "b/Dockerfile")).equals(utf16)).toBe(true);
    expect(r.stderr).toBe("shipshape: a/Dockerfile has bytes that are not UTF-8; --fix leaves it as it is\nshipshape: b/Dockerfile is UTF-16LE; --fix leaves it as it is\n");
    // Both are still linted: the fix they would get is reported.
    expect(json(r.stdout).filter((d) => d.code === "FromAsCasing").map((d) => d.file)).toEqual(["a/Dockerfile", "b/Dockerfile"]);
  });

  test("a file with nothing to fix is not written", async () => {
    const root = tree({ Dockerfile: CLEAN });
    const file = path.join(root, "Dockerfile");
    const before = statSync(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(shipshape(["lint", "--fix", "Dockerfile"], { cwd: root }).status).toBe(0);
    const after = statSync(file);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });
});

describe("folders that cannot be read", () => {
  test("a named one is an error (exit 2); one inside a walk is skipped with a warning", () => {
    const root = tree({ "named/Dockerfile": "FROM debian:12\n", "walk/inner/Dockerfile": "FROM debian:12\n", "walk/Dockerfile": "FROM debian:12\n" });
    chmodSync(root, 0o755);
    chmodSync(path.join(root, "walk"), 0o755);
    chmodSync(path.join(root, "named"), 0o000);
    chmodSync(path.join(root, "walk/inner"), 0o000);
    try {
      const named = shipshape(["lint", "named", "-f", "json"], { cwd: root, asNobody: true });
      if (named.skipped) return; // cannot drop root's rights here
      expect(named.status).toBe(2);
      expect(named.stderr).toBe("shipshape: named: permission denied\n");
      const walked = shipshape(["lint", "walk", "-f", "json"], { cwd: root, asNobody: true });
      expect(walked.status).toBe(0);
      expect(walked.stderr).toBe(`shipshape: warning: ${path.join("walk", "inner")}: permission denied; the folder was not walked\n`);
    } finally {
      chmodSync(path.join(root, "named"), 0o755);
      chmodSync(path.join(root, "walk/inner"), 0o755);
    }
  });
});

describe("a config file that cannot be read", () => {
  test("--config or SHIPSHAPE_CONFIG naming a missing file or a folder is bad usage: exit 2, nothing linted", () => {
    const root = tree({ Dockerfile: "from debian:12\nRUN true\n" });
    const missing = shipshape(["lint", "Dockerfile", "--config", "nope.yaml", "-f", "json"], { cwd: root });
    expect(missing).toMatchObject({ status: 2, stdout: "" });
    expect(missing.stderr).toBe("shipshape: nope.yaml: no such file or directory (the config file given by --config or SHIPSHAPE_CONFIG)\n");
    const folder = shipshape(["lint", "Dockerfile", "-f", "json"], { cwd: root, env: { SHIPSHAPE_CONFIG: "." } });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/^shipshape: \.: is a directory/);
  });
});

describe("-q", () => {
  test("reports errors only, and only they can fail the run", () => {
    const root = tree({ Dockerfile: "FROM debian:latest\nRUN apt-get update && apt-get install -y curl\n", "bad.Dockerfile": "FROM debian:12\nEXPOSE 99999\n" });
    const quiet = shipshape(["lint", "Dockerfile", "-q", "-f", "json"], { cwd: root });
    expect(quiet).toMatchObject({ status: 0, stdout: "[]\n" });
    expect(shipshape(["lint", "Dockerfile", "-f", "json"], { cwd: root }).status).toBe(1);
    const errors = shipshape(["lint", "bad.Dockerfile", "-q", "-f", "json"], { cwd: root });
    expect(errors.status).toBe(1);
    expect(json(errors.stdout).every((d) => d.severity === "error")).toBe(true);
  });
});

describe("rule names on the command line", () => {
  test("--select naming no rule is bad usage; --ignore and --extend-select warn; codes, names, aliases and SC codes are taken", () => {
    const root = tree({ Dockerfile: "from debian:12\nRUN true\n" });
    const bad = shipshape(["lint", "Dockerfile", "--select", "DL3007,DL3O07", "-f", "json"], { cwd: root });
    expect(bad).toMatchObject({ status: 2, stdout: "" });
    expect(bad.stderr).toBe("shipshape: --select (or SHIPSHAPE_SELECT) names no rule: DL3O07 (`shipshape rules` lists them)\n");
    const loose = shipshape(["lint", "Dockerfile", "--ignore", "DL3005", "-f", "json"], { cwd: root, env: { SHIPSHAPE_EXTEND_SELECT: "nope" } });
    expect(loose.status).toBe(1);
    expect(loose.stderr).toBe("shipshape: warning: --ignore or --extend-select names no rule: nope, DL3005\n");
    const good = shipshape(["lint", "Dockerfile", "--select", "consistent-instruction-casing,SC2046,all", "--ignore", "FromAsCasing", "-f", "json"], { cwd: root });
    expect(good).toMatchObject({ status: 1, stderr: "" });
  });
});

describe("a hadolint project's old config", () => {
  test("retired codes are taken silently; another config problem is shown but fails nothing, as hadolint goes on", () => {
    const root = tree({ Dockerfile: 'FROM debian:12.5\nUSER 1000\nCMD ["true"]\n', ".hadolint.yaml": "ignored:\n  - DL3005\n  - DL3039\n" });
    expect(shipshape(["lint", "Dockerfile", "-f", "json"], { cwd: root })).toMatchObject({ status: 0, stdout: "[]\n" });
    writeFileSync(path.join(root, ".hadolint.yaml"), "ignored: [DL3005]\nfoo: bar\n");
    const r = shipshape(["lint", "Dockerfile", "-f", "json"], { cwd: root });
    expect(r.status).toBe(0);
    expect(json(r.stdout).map((d) => `${d.file} ${d.code}`)).toEqual([".hadolint.yaml invalid-config"]);
    // The same problem in shipshape's own config still fails the run.
    writeFileSync(path.join(root, ".shipshape.yaml"), "foo: bar\n");
    expect(shipshape(["lint", "Dockerfile", "-f", "json"], { cwd: root }).status).toBe(1);
  });
});
