import path from "node:path";
import { expect, test } from "vitest";
import { groupComposeProjects } from "../src/compose-projects.js";

const refs = (map: Record<string, string[]>) => (file: string) => map[file] ?? [];

test("compose.yaml and its override in one folder are one project; other folders stay apart", () => {
  expect(groupComposeProjects(["a/compose.yaml", "a/compose.override.yaml", "b/compose.yaml"])).toEqual([
    { files: ["a/compose.yaml", "a/compose.override.yaml"], members: ["a/compose.yaml", "a/compose.override.yaml"] },
    { files: ["b/compose.yaml"], members: ["b/compose.yaml"] },
  ]);
});

test("docker compose's choice of default and override file when several exist", () => {
  const files = ["docker-compose.yml", "compose.yml", "compose.override.yaml", "docker-compose.override.yml", "compose.prod.yaml"];
  expect(groupComposeProjects(files).map((p) => p.files)).toEqual([
    ["docker-compose.yml"],
    ["compose.yml", "compose.override.yaml"],
    ["docker-compose.override.yml"],
    ["compose.prod.yaml"],
  ]);
});

test("an override with no default file is a project of its own", () => {
  expect(groupComposeProjects(["x/compose.override.yml"]).map((p) => p.files)).toEqual([["x/compose.override.yml"]]);
});

test("files reached through include or extends belong to the project that reaches them", () => {
  const files = ["app/compose.yaml", "common/db.compose.yaml", "common/base.compose.yaml", "tools/compose.yaml"];
  const projects = groupComposeProjects(
    files,
    refs({ "app/compose.yaml": ["common/db.compose.yaml"], "common/db.compose.yaml": [path.join("common", "..", "common", "base.compose.yaml")] }),
  );
  expect(projects).toEqual([
    { files: ["app/compose.yaml"], members: ["app/compose.yaml", "common/db.compose.yaml", "common/base.compose.yaml"] },
    { files: ["tools/compose.yaml"], members: ["tools/compose.yaml"] },
  ]);
});

test("a file reached from two projects is part of both; references outside the walk are ignored", () => {
  const projects = groupComposeProjects(["a/compose.yaml", "b/compose.yaml", "shared.compose.yaml"], refs({ "a/compose.yaml": ["shared.compose.yaml", "elsewhere.yaml"], "b/compose.yaml": ["shared.compose.yaml"] }));
  expect(projects.map((p) => p.members)).toEqual([
    ["a/compose.yaml", "shared.compose.yaml"],
    ["b/compose.yaml", "shared.compose.yaml"],
  ]);
});

test("an include cycle with no outside entry is still linted once, from its first file", () => {
  const projects = groupComposeProjects(["b.compose.yaml", "a.compose.yaml"], refs({ "a.compose.yaml": ["b.compose.yaml"], "b.compose.yaml": ["a.compose.yaml"] }));
  expect(projects).toEqual([{ files: ["a.compose.yaml"], members: ["a.compose.yaml", "b.compose.yaml"] }]);
});

test("the override's own includes count for the merged project", () => {
  const projects = groupComposeProjects(["compose.yaml", "compose.override.yaml", "extra.compose.yaml"], refs({ "compose.override.yaml": ["extra.compose.yaml"] }));
  expect(projects).toEqual([{ files: ["compose.yaml", "compose.override.yaml"], members: ["compose.yaml", "compose.override.yaml", "extra.compose.yaml"] }]);
});

test("mayReference: only a text with include, extends or a backslash can name another file", async () => {
  const { mayReference } = await import("../src/compose-references.js");
  expect(mayReference("services:\n  web:\n    image: nginx\n")).toBe(false);
  expect(mayReference("include:\n  - a.yaml\n")).toBe(true);
  expect(mayReference("services:\n  web:\n    extends: {file: b.yaml, service: x}\n")).toBe(true);
  expect(mayReference('"\\x65xtends": x\n')).toBe(true);
});
