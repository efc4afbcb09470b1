/**
 * Runs the TextMate grammar tests with vscode-tmgrammar-test:
 * - assertion tests: the `# SYNTAX TEST` files beside this file (our scopes, and where embedded shell
 *   begins and ends);
 * - snapshot tests: every fixture Dockerfile and Compose file, tokenised and compared with the snapshot in
 *   grammars/tests/snapshots/. The fixtures are copied to a temporary folder with their snapshot, because
 *   the tool writes snapshots beside the file it reads. `UPDATE_GRAMMAR_SNAPSHOTS=1` rewrites them.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const config = path.join(here, "grammars.json");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const update = process.env.UPDATE_GRAMMAR_SNAPSHOTS === "1";

function run(tool: string, args: string[], cwd = root): { ok: boolean; output: string } {
  try {
    const output = execFileSync(bin(tool), args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { ok: true, output };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
  }
}

describe("grammar assertion tests", () => {
  const cases = readdirSync(here, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(Dockerfile|compose\.yaml)$/.test(f))
    .filter((f) => !f.startsWith("snapshots"));
  // One run of the tool for all files (it starts slowly); each file is then its own test.
  let result: { ok: boolean; output: string } = { ok: false, output: "" };
  beforeAll(() => {
    result = run("vscode-tmgrammar-test", ["--config", config, ...cases.map((f) => path.join(here, f))]);
  });

  it("finds its test files", () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases)("%s", (file) => {
    const report = result.output.split(/\n(?=[✓✖] )/).find((block) => block.includes(path.join(here, file)) || block.includes(file)) ?? "";
    expect(report, result.output).toMatch(/^✓ /);
  });

  it("the tool exits 0", () => {
    expect(result.ok, result.output).toBe(true);
  });
});

describe("grammar snapshots of the fixtures", () => {
  const fixtures = path.join(root, "fixtures");
  const snapshots = path.join(here, "snapshots");
  const work = mkdtempSync(path.join(tmpdir(), "shipshape-grammar-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const files = [
    ...readdirSync(fixtures, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(fixtures, d.name, "Dockerfile")))
      .map((d) => ({ source: path.join(fixtures, d.name, "Dockerfile"), name: `${d.name}.Dockerfile`, scope: "source.dockerfile.shipshape" })),
    { source: path.join(fixtures, "compose.yaml"), name: "compose.yaml", scope: "source.yaml.compose.shipshape" },
  ];
  const outputs = new Map<string, { ok: boolean; output: string }>();

  beforeAll(() => {
    for (const f of files) {
      copyFileSync(f.source, path.join(work, f.name));
      const snap = path.join(snapshots, `${f.name}.snap`);
      if (existsSync(snap)) copyFileSync(snap, path.join(work, `${f.name}.snap`));
    }
    // One run per scope: the tool takes a single -s for all its files.
    for (const scope of new Set(files.map((f) => f.scope))) {
      const names = files.filter((f) => f.scope === scope).map((f) => f.name);
      outputs.set(scope, run("vscode-tmgrammar-snap", ["--config", config, "-s", scope, ...(update ? ["-u"] : []), ...names], work));
    }
    if (update) {
      mkdirSync(snapshots, { recursive: true });
      for (const f of files) copyFileSync(path.join(work, `${f.name}.snap`), path.join(snapshots, `${f.name}.snap`));
    }
  });

  it.each(files)("$name", ({ name, scope }) => {
    expect(existsSync(path.join(snapshots, `${name}.snap`)), `missing snapshot; run with UPDATE_GRAMMAR_SNAPSHOTS=1`).toBe(true);
    const result = outputs.get(scope)!;
    expect(result.output).not.toContain(`ERROR in test case ${name}`);
    expect(result.output.split("\n"), result.output).toContain(`✓ ${name} run successfully.`);
  });
});
