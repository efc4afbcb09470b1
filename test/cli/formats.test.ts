import { execFileSync } from "node:child_process";
import { accessSync, constants, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { ensureBuilt, shipshape, tempTree } from "./helpers.js";

vi.setConfig({ testTimeout: 120_000 });
beforeAll(ensureBuilt, 300_000);

const t = tempTree({
  "web/Dockerfile": "FROM debian:latest\nMAINTAINER me\nRUN cd /x && echo $HOME\nCMD echo hi\n",
  "compose.yaml": 'version: "3"\nservices:\n  web:\n    image: "nginx:${TAG}"\n',
});
afterAll(() => t.remove());
const lint = (format: string) => shipshape(["lint", ".", "--format", format], { cwd: t.root, env: { SHIPSHAPE_SHELLCHECK: "0" } });

test("every format writes a parseable report of the same findings", () => {
  const findings = JSON.parse(lint("json").stdout) as { file: string; line: number; code: string }[];
  expect(findings.length).toBeGreaterThan(3);
  const keys = findings.map((d) => `${d.file}:${d.line}:${d.code}`).sort();

  const sarif = JSON.parse(lint("sarif").stdout);
  expect(sarif.runs[0].results.map((r: any) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}:${r.ruleId}`).sort()).toEqual(keys);
  // Relative URIs name their base, the working directory, as SARIF wants (%SRCROOT%, with a trailing slash).
  expect(sarif.runs[0].originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `file://${t.root.split("/").map(encodeURIComponent).join("/")}/` } });
  expect(sarif.runs[0].results.every((r: any) => r.locations[0].physicalLocation.artifactLocation.uriBaseId === "%SRCROOT%")).toBe(true);
  const gitlab = JSON.parse(lint("gitlab").stdout);
  expect(gitlab.map((i: any) => `${i.location.path}:${i.location.lines.begin}:${i.check_name}`).sort()).toEqual(keys);
  const sonar = JSON.parse(lint("sonarqube").stdout);
  expect(sonar.issues.map((i: any) => `${i.primaryLocation.filePath}:${i.primaryLocation.textRange.startLine}:${i.ruleId}`).sort()).toEqual(keys);
  expect(lint("github").stdout.trim().split("\n")).toHaveLength(keys.length);
  expect(lint("gnu").stdout.trim().split("\n")).toHaveLength(keys.length);
  expect(lint("checkstyle").stdout.match(/<error /g)).toHaveLength(keys.length);
  expect(lint("junit").stdout.match(/<failure /g)).toHaveLength(keys.length);
  expect(lint("compact").stdout.match(/: line \d+, col \d+, /g)).toHaveLength(keys.length);
  const rd = JSON.parse(lint("rdjson").stdout);
  expect(rd.diagnostics.map((d: any) => `${d.location.path}:${d.location.range.start.line}:${d.code.value}`).sort()).toEqual(keys);
  const codacy = lint("codacy").stdout.trim().split("\n").map((l) => JSON.parse(l));
  expect(codacy.map((i: any) => `${i.filename}:${i.line}:${i.patternId}`).sort()).toEqual(keys);
  expect(lint("tty").stdout).toBe(lint("stylish").stdout);
});

function multitool(): string | undefined {
  try {
    const bin = path.join(path.dirname(createRequire(import.meta.url).resolve("@microsoft/sarif-multitool-linux/package.json")), "Sarif.Multitool");
    accessSync(bin, constants.X_OK);
    return bin;
  } catch {
    return undefined;
  }
}
const tool = process.platform === "linux" ? multitool() : undefined;

test.skipIf(!tool)("the CLI's SARIF passes Microsoft's validator with nothing above note", () => {
  const input = path.join(t.root, "report.sarif");
  const output = path.join(t.root, "validation.sarif");
  // Loopback URLs, so the validator's reachability rule sends nothing off this machine.
  writeFileSync(input, lint("sarif").stdout.replace(/https:\/\/(?:github\.com|json\.schemastore\.org)\//g, "http://127.0.0.1:9/"));
  execFileSync(tool!, ["validate", input, "--output", output], { stdio: "pipe", timeout: 60_000 });
  const results = JSON.parse(readFileSync(output, "utf8")).runs[0].results ?? [];
  expect(results.filter((r: any) => r.level === "error" || r.level === "warning").map((r: any) => `${r.ruleId} ${JSON.stringify(r.message.arguments)}`)).toEqual([]);
});
