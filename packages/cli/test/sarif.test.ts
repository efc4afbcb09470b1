import { execFileSync } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { fileUri, sarif } from "../src/reporters/sarif.js";
import { ALL, IMAGE, LATEST, RULES, diag, options } from "./fixtures.js";

const log = () => JSON.parse(sarif(ALL, RULES, options())) as any;

describe("SARIF 2.1.0 structure", () => {
  test("one run, a driver with rules, results pointing at them", () => {
    const doc = log();
    expect(doc.version).toBe("2.1.0");
    expect(doc.$schema).toMatch(/sarif-2\.1\.0/);
    expect(doc.runs).toHaveLength(1);
    const run = doc.runs[0];
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.tool.driver).toMatchObject({ name: "shipshape", version: "1.2.3" });
    const rules = run.tool.driver.rules as any[];
    expect(rules.map((r) => r.id)).toEqual(["CS001", "DL3007", "DL3015", "DL9999"]);
    for (const result of run.results as any[]) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(["error", "warning", "note"]).toContain(result.level);
      expect(result.message.text).toMatch(/\.$/);
      expect(result.locations).toHaveLength(1);
    }
  });

  test("rules carry help text, a help URI to the rule's page and a default level", () => {
    const latest = log().runs[0].tool.driver.rules[1];
    expect(latest).toMatchObject({
      id: "DL3007",
      name: "LatestTag",
      shortDescription: { text: "Pin base images to a version, not latest." },
      helpUri: "https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/DL3007.md",
      help: { markdown: "## What it does\nFlags `:latest`." },
      defaultConfiguration: { level: "warning" },
    });
    const security = log().runs[0].tool.driver.rules[0];
    expect(security.properties).toEqual({ tags: ["compose", "security"], "security-severity": "8.0" });
  });

  test("regions with start and end columns; fixes as replacements", () => {
    const result = log().runs[0].results[1];
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "web/Dockerfile" },
      region: { startLine: 1, startColumn: 13, endLine: 1, endColumn: 19 },
    });
    expect(result.fixes[0].artifactChanges[0].replacements).toEqual([
      { deletedRegion: { startLine: 1, startColumn: 13, endLine: 1, endColumn: 19 }, insertedContent: { text: "12" } },
    ]);
    expect(log().runs[0].results[2].level).toBe("note");
  });

  test("URIs: relative paths stay relative and get percent-encoded", () => {
    expect(fileUri("./a b/Dockerfile")).toBe("a%20b/Dockerfile");
    expect(fileUri("dir\\Dockerfile#1")).toBe("dir/Dockerfile%231");
    expect(fileUri("/abs/x y")).toBe("file:///abs/x%20y");
    expect(fileUri("C:\\w\\Dockerfile")).toBe("file:///C:/w/Dockerfile");
  });

  test("an empty report is still a valid log with one run", () => {
    const doc = JSON.parse(sarif([], RULES, options())) as any;
    expect(doc.runs[0].results).toEqual([]);
    expect(doc.runs[0].tool.driver.rules).toEqual([]);
  });

  test("codes the registry does not list (parse errors, internal-error) still get a rule entry", () => {
    const doc = JSON.parse(sarif([diag({ file: "f", line: 1, column: 1, code: "internal-error", rule: "internal-error", severity: "error" }), IMAGE, LATEST], [], options())) as any;
    expect(doc.runs[0].tool.driver.rules.map((r: any) => r.id)).toEqual(["CS001", "DL3007", "internal-error"]);
  });
});

/** Microsoft's SARIF validator (the npm package's native binary), when it can run on this platform. */
function multitool(): string | undefined {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve("@microsoft/sarif-multitool-linux/package.json"));
    const bin = path.join(dir, "Sarif.Multitool");
    accessSync(bin, constants.X_OK);
    return bin;
  } catch {
    return undefined;
  }
}

const tool = process.platform === "linux" ? multitool() : undefined;
const work = mkdtempSync(path.join(tmpdir(), "shipshape-sarif-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Errors and warnings the validator reports. URLs point at loopback so its reachability rule makes no outside requests. */
function validate(text: string, name: string): string[] {
  const input = path.join(work, `${name}.sarif`);
  const output = path.join(work, `${name}.out.sarif`);
  writeFileSync(input, text.replace(/https:\/\/(?:github\.com|json\.schemastore\.org)\//g, "http://127.0.0.1:9/"));
  execFileSync(tool!, ["validate", input, "--output", output], { stdio: "pipe", timeout: 60_000 });
  const report = JSON.parse(readFileSync(output, "utf8")) as any;
  return (report.runs[0].results ?? []).filter((r: any) => r.level === "error" || r.level === "warning").map((r: any) => `${r.ruleId} ${JSON.stringify(r.message.arguments)}`);
}

describe.skipIf(!tool)("Microsoft SARIF validator (@microsoft/sarif-multitool)", () => {
  test("reports nothing above note for our log", () => {
    expect(validate(sarif(ALL, RULES, options()), "ours")).toEqual([]);
  }, 120_000);
  test("does flag a broken log (so the check above can fail)", () => {
    const broken = log();
    delete broken.runs[0].tool.driver.name;
    delete broken.runs[0].results[0].message;
    expect(validate(JSON.stringify(broken), "broken").length).toBeGreaterThan(0);
  }, 120_000);
});
