import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import { discoverFiles } from "../src/discover.js";
import { configFinder, mayBeExecutable, PRIME_YAML_AT, primeYaml, runUnits } from "../src/lint-runner.js";
import { makeTree } from "./tree.js";

// A linter whose session fails on one file, to check that the failure stays on that file.
vi.mock("@shipshape/linter", () => ({
  LintSession: class {
    async lintUnit(inputs: { path: string }[]) {
      if (inputs[0]!.path === "bad/Dockerfile") throw new Error("boom\n    at somewhere (x.js:1:1)");
      return [{ file: inputs[0]!.path, line: 1, column: 1, endLine: 1, endColumn: 5, code: "X1", rule: "x", aliases: [], severity: "warning", message: "m" }];
    }
    async configFor() {
      return { failureThreshold: "error" };
    }
    configDiagnostics() {
      return [];
    }
  },
}));

// The YAML parser's priming, counted.
const primed = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@shipshape/compose", () => ({
  primeYamlParser() {
    primed.calls++;
  },
}));

let remove = () => {};
afterEach(() => remove());

const settings = { cwd: "/", env: { SHIPSHAPE_SHELLCHECK: "0" }, extendSelect: [], ignore: [], severity: {}, config: {} };

test("an exception on one unit becomes internal-error on its file; the others are still linted", async () => {
  const units = [
    { kind: "compose" as const, files: ["a/compose.yaml"] },
    { kind: "compose" as const, files: ["bad/Dockerfile"] },
    { kind: "compose" as const, files: ["c/compose.yaml"] },
  ];
  const texts = new Map(units.map((u) => [u.files[0]!, "x"]));
  const result = await runUnits(units, texts, settings);
  expect(result.units.map((u) => u.diagnostics.map((d) => `${d.file} ${d.code}`))).toEqual([["a/compose.yaml X1"], ["bad/Dockerfile internal-error"], ["c/compose.yaml X1"]]);
  const failure = result.units[1]!.diagnostics[0]!;
  expect(failure).toMatchObject({ severity: "error", line: 1, column: 1, message: "shipshape failed on this file: boom" });
  expect(result.units[0]!.failureThreshold).toBe("error");
});

test("config look-up: .shipshape.yaml upward, else .hadolint.yaml, else hadolint's user files; stdin from the working directory", async () => {
  const t = makeTree({ "repo/.hadolint.yaml": "", "repo/svc/.shipshape.yml": "", "repo/svc/deep/Dockerfile": "", "repo/other/Dockerfile": "", "home/.config/hadolint.yaml": "", "elsewhere/Dockerfile": "" });
  remove = t.remove;
  const home = path.join(t.root, "home");
  const find = configFinder(path.join(t.root, "repo"), { HOME: home });
  expect(await find("svc/deep/Dockerfile")).toBe(path.join("svc", ".shipshape.yml"));
  expect(await find("other/Dockerfile")).toBe(".hadolint.yaml");
  expect(await find("-")).toBe(".hadolint.yaml");
  expect(await find(path.join(t.root, "elsewhere/Dockerfile"))).toBe(path.join(home, ".config/hadolint.yaml"));
  mkdirSync(path.join(t.root, "empty"));
  writeFileSync(path.join(t.root, "empty/Dockerfile"), "");
  expect(await configFinder(path.join(t.root, "empty"), { HOME: path.join(t.root, "nohome") })("Dockerfile")).toBeUndefined();
});

test("config look-up for compose files: dclint's config after .shipshape.yaml and before .hadolint.yaml", async () => {
  const t = makeTree({
    "repo/.hadolint.yaml": "",
    "repo/app/.dclintrc": "{}",
    "repo/app/compose.yaml": "",
    "repo/app/Dockerfile": "",
    "repo/web/package.json": '{"name": "web"}',
    "repo/web/compose.yaml": "",
    "repo/api/package.json": '{"name": "api", "dclint": {"quiet": true}}',
    "repo/api/.config/dclintrc.yaml": "",
    "repo/api/compose.yaml": "",
    "repo/svc/.shipshape.yaml": "",
    "repo/svc/inner/.dclintrc.json": "{}",
    "repo/svc/inner/compose.yaml": "",
    "repo/js/dclint.config.js": "",
    "repo/js/docker-compose.yml": "",
  });
  remove = t.remove;
  const find = configFinder(path.join(t.root, "repo"), { HOME: path.join(t.root, "nohome") });
  expect(await find("app/compose.yaml", "compose")).toBe(path.join("app", ".dclintrc"));
  expect(await find("app/compose.yaml")).toBe(path.join("app", ".dclintrc")); // the kind from the name
  expect(await find("app/Dockerfile", "dockerfile")).toBe(".hadolint.yaml");
  expect(await find("web/compose.yaml", "compose")).toBe(".hadolint.yaml"); // a package.json without a dclint key is no config
  expect(await find("api/compose.yaml", "compose")).toBe(path.join("api", "package.json")); // cosmiconfig's order
  expect(await find("svc/inner/compose.yaml", "compose")).toBe(path.join("svc", ".shipshape.yaml"));
  expect(await find("js/docker-compose.yml", "compose")).toBe(path.join("js", "dclint.config.js")); // found, to be reported
});

test("config look-up remembers each folder's answer without mixing up siblings and nested configs", async () => {
  const t = makeTree({
    "repo/.shipshape.yaml": "",
    "repo/a/b/Dockerfile": "",
    "repo/a/c/.shipshape.yml": "",
    "repo/a/c/d/Dockerfile": "",
    "repo/a/e/Dockerfile": "",
    "repo/x/.hadolint.yaml": "",
    "repo/x/y/Dockerfile": "",
  });
  remove = t.remove;
  const find = configFinder(path.join(t.root, "repo"), { HOME: path.join(t.root, "nohome") });
  // Asked in an order where each answer could come from a folder remembered for another file.
  expect(await find("a/b/Dockerfile")).toBe(".shipshape.yaml");
  expect(await find("a/c/d/Dockerfile")).toBe(path.join("a", "c", ".shipshape.yml"));
  expect(await find("a/e/Dockerfile")).toBe(".shipshape.yaml");
  // A .shipshape file higher up wins over a nearer .hadolint file, as before.
  expect(await find("x/y/Dockerfile")).toBe(".shipshape.yaml");
  expect(await find("a/c/Dockerfile")).toBe(path.join("a", "c", ".shipshape.yml"));
});

test("config look-up with a walk's listings finds the same configs, and asks the listings rather than the disk", async () => {
  const t = makeTree({ "repo/.hadolint.yaml": "", "repo/svc/.shipshape.yml": "", "repo/svc/deep/Dockerfile": "", "repo/other/Dockerfile": "", "repo/late/Dockerfile": "" });
  remove = t.remove;
  const cwd = path.join(t.root, "repo");
  const { listings } = await discoverFiles(["svc", "other", "late"], { cwd });
  // Written after the walk: the listings (of the walk's moment) do not have it; the disk does.
  writeFileSync(path.join(cwd, "late/.shipshape.yaml"), "");
  const env = { HOME: path.join(t.root, "nohome") };
  const listed = configFinder(cwd, env, listings);
  const disk = configFinder(cwd, env);
  expect(await listed("svc/deep/Dockerfile")).toBe(path.join("svc", ".shipshape.yml"));
  expect(await listed("other/Dockerfile")).toBe(".hadolint.yaml"); // in a folder above the walks: from the disk
  expect(await listed("late/Dockerfile")).toBe(".hadolint.yaml");
  expect(await disk("late/Dockerfile")).toBe(path.join("late", ".shipshape.yaml"));
});

test("config look-up without a walk lists each folder once and still tells files from folders and links", async () => {
  const t = makeTree({
    "repo/.hadolint.yaml": "",
    "repo/dir/.shipshape.yaml/keep": "", // a folder of that name is no config
    "repo/dir/Dockerfile": "",
    "real/dclint.yaml": "{}",
    "repo/linked/compose.yaml": "",
    "repo/dangling/compose.yaml": "",
    "repo/cfg/.config/dclintrc.yml": "",
    "repo/cfg/sub/compose.yaml": "",
  });
  remove = t.remove;
  const repo = path.join(t.root, "repo");
  symlinkSync(path.join(t.root, "real/dclint.yaml"), path.join(repo, "linked/.dclintrc.json")); // a link to a file counts
  symlinkSync(path.join(t.root, "real/missing.yaml"), path.join(repo, "dangling/.dclintrc.json")); // a dangling one does not
  const find = configFinder(repo, { HOME: path.join(t.root, "nohome") });
  expect(await find("dir/Dockerfile")).toBe(".hadolint.yaml");
  expect(await find("linked/compose.yaml")).toBe(path.join("linked", ".dclintrc.json"));
  expect(await find("dangling/compose.yaml")).toBe(".hadolint.yaml");
  expect(await find("cfg/sub/compose.yaml")).toBe(path.join("cfg", ".config", "dclintrc.yml")); // under .config, a folder up
  expect(await find("missing/compose.yaml")).toBe(".hadolint.yaml"); // a folder that is not there
});

test("mayBeExecutable: false only when no candidate file exists (the ShellCheck runner's module is then not loaded)", () => {
  const t = makeTree({ "bin/shellcheck": "#!/bin/sh\n", "win/shellcheck.exe": "", "empty/.keep": "" });
  remove = t.remove;
  const dirs = (...names: string[]) => names.map((n) => path.join(t.root, n)).join(path.delimiter);
  expect(mayBeExecutable("shellcheck", dirs("empty", "bin"))).toBe(true);
  expect(mayBeExecutable("shellcheck", dirs("win"))).toBe(true);
  expect(mayBeExecutable("shellcheck", dirs("empty", "missing"))).toBe(false);
  expect(mayBeExecutable("shellcheck", "")).toBe(false);
  expect(mayBeExecutable(path.join(t.root, "bin/shellcheck"), "")).toBe(true);
  expect(mayBeExecutable(path.join(t.root, "empty/shellcheck"), dirs("bin"))).toBe(false);
});

test("a thread primes the YAML parser only when it has many compose files to parse", async () => {
  primed.calls = 0;
  await primeYaml(PRIME_YAML_AT - 1);
  expect(primed.calls).toBe(0);
  await primeYaml(PRIME_YAML_AT);
  expect(primed.calls).toBe(1);
  // runUnits counts the files of its compose units (a project's files are all parsed), not the units
  const files = (n: number) => Array.from({ length: n }, (_, i) => `p/compose.${i}.yaml`);
  const texts = new Map(files(PRIME_YAML_AT).map((f) => [f, "x"]));
  primed.calls = 0;
  await runUnits([{ kind: "compose", files: files(PRIME_YAML_AT - 1) }, { kind: "dockerfile", files: ["Dockerfile"] }], texts, settings);
  expect(primed.calls).toBe(0);
  await runUnits([{ kind: "compose", files: files(PRIME_YAML_AT / 2) }, { kind: "compose", files: files(PRIME_YAML_AT).slice(PRIME_YAML_AT / 2) }], texts, settings);
  expect(primed.calls).toBe(1);
});
