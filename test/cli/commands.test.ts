import { beforeAll, expect, test, vi } from "vitest";
import { ensureBuilt, expectNoStack, shipshape, tempTree } from "./helpers.js";

// Each case spawns the CLI a few times; a loaded CI machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 300_000);

test("--version prints the package version", () => {
  const r = shipshape(["--version"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});

test("help: the main page, and each command's options from the option table", () => {
  const main = shipshape(["--help"]);
  expect(main.status).toBe(0);
  for (const cmd of ["lint", "parse", "rules", "explain"]) expect(main.stdout).toContain(`  ${cmd}`);
  const lint = shipshape(["help", "lint"]);
  expect(lint.stdout).toMatch(/^Usage: shipshape lint/);
  for (const flag of ["--format", "--kind", "--config", "--select", "--extend-select", "--ignore", "--failure-threshold", "--fix", "--compose-file", "--env-file", "--shard"]) {
    expect(lint.stdout).toContain(flag);
  }
  expect(shipshape(["lint", "--help"]).stdout).toBe(lint.stdout);
});

test("rules --format json: the contract's fields for every rule", () => {
  const r = shipshape(["rules", "--format", "json"]);
  expect(r.status).toBe(0);
  const rules = JSON.parse(r.stdout) as Record<string, unknown>[];
  expect(rules.length).toBeGreaterThan(5);
  for (const rule of rules) {
    expect(Object.keys(rule)).toEqual(["code", "name", "aliases", "kind", "category", "severity", "enabledByDefault", "fixable", "summary", "docs"]);
  }
  expect(rules.some((x) => x.code === "DL3007")).toBe(true);
});

test("rules --format markdown is a table", () => {
  const r = shipshape(["rules", "--format", "markdown"]);
  expect(r.stdout.split("\n")[0]).toMatch(/^\| code \| name \|/);
  expect(r.stdout).toContain("[DL3007](https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/DL3007.md)");
});

test("explain accepts codes, names and aliases, case-insensitively", () => {
  const byCode = shipshape(["explain", "DL3007"]);
  expect(byCode.status).toBe(0);
  expect(byCode.stdout).toContain("latest-tag");
  expect(shipshape(["explain", "latest-tag"]).stdout).toBe(byCode.stdout);
  expect(shipshape(["explain", "dl3007"]).stdout).toBe(byCode.stdout);
  // A rule that does what a BuildKit check does answers to the check's name too.
  const rules = JSON.parse(shipshape(["rules", "--format", "json"]).stdout) as { code: string; aliases: string[] }[];
  const aliased = rules.find((r) => r.aliases.length > 0)!;
  expect(shipshape(["explain", aliased.aliases[0]!]).stdout).toBe(shipshape(["explain", aliased.code]).stdout);
  const unknown = shipshape(["explain", "NOPE123"]);
  expect(unknown.status).toBe(2);
  expectNoStack(unknown.stderr);
});

test("parse: json tree, BuildKit dump, refusals exit 1, unreadable files and Compose files exit 2", () => {
  const t = tempTree({ Dockerfile: "FROM alpine\nRUN echo hi\n", Bad: "ENV PATH\n", "compose.yaml": "services:\n  web:\n    image: nginx\n" });
  try {
    const tree = shipshape(["parse", "Dockerfile"], { cwd: t.root });
    expect(tree.status).toBe(0);
    expect(JSON.parse(tree.stdout)).toHaveProperty("ast");
    const dump = shipshape(["parse", "Dockerfile", "--format", "buildkit"], { cwd: t.root });
    expect(dump.stdout).toBe('(from "alpine")\n(run "echo hi")\n');
    const bad = shipshape(["parse", "Bad", "--format", "buildkit"], { cwd: t.root });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^shipshape: Bad: .+/);
    const missing = shipshape(["parse", "nope"], { cwd: t.root });
    expect(missing.status).toBe(2);
    expectNoStack(missing.stderr + bad.stderr);
    const compose = shipshape(["parse", "compose.yaml"], { cwd: t.root });
    expect(compose.status).toBe(2);
    expect(compose.stdout).toBe("");
    expect(compose.stderr).toBe("shipshape: compose.yaml is a Compose file; parse reads a Dockerfile (shipshape lint compose.yaml checks a Compose file)\n");
    const stdin = shipshape(["parse", "-", "--format", "buildkit"], { input: "FROM scratch\n" });
    expect(stdin.stdout).toBe('(from "scratch")\n');
  } finally {
    t.remove();
  }
});
