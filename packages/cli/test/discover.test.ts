import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { discoverFiles } from "../src/discover.js";
import { makeTree } from "./tree.js";

let remove = () => {};
afterEach(() => remove());

function tree(files: Record<string, string>): string {
  const t = makeTree(files);
  remove = t.remove;
  return t.root;
}

const paths = async (args: string[], cwd: string, kind?: "dockerfile" | "compose") =>
  (await discoverFiles(args, { cwd, kind })).files.map((f) => `${f.path} ${f.kind}`);

test("a walk picks recognised names only, sorted, skipping node_modules and .git", async () => {
  const root = tree({
    "Dockerfile": "",
    "b/compose.yaml": "",
    "a/api.Dockerfile": "",
    "a/Dockerfile.dockerignore": "",
    "a/notes.yaml": "",
    "node_modules/pkg/Dockerfile": "",
    ".git/Dockerfile": "",
    "c/d/Containerfile": "",
  });
  expect(await paths(["."], root)).toEqual(["Dockerfile dockerfile", "a/api.Dockerfile dockerfile", "b/compose.yaml compose", "c/d/Containerfile dockerfile"]);
  expect(await paths(["a"], root)).toEqual(["a/api.Dockerfile dockerfile"]);
});

test(".gitignore at every level, with negation, and ignored folders are not entered", async () => {
  const root = tree({
    ".gitignore": "build/\n*.dev\n",
    "build/Dockerfile": "",
    "Dockerfile.dev": "",
    "Dockerfile": "",
    "svc/.gitignore": "!Dockerfile.dev\ncompose.yaml\n",
    "svc/Dockerfile.dev": "",
    "svc/compose.yaml": "",
    "svc/deep/compose.yaml": "",
    "other/compose.yaml": "",
  });
  expect(await paths(["."], root)).toEqual(["Dockerfile dockerfile", "other/compose.yaml compose", "svc/Dockerfile.dev dockerfile"]);
});

test("a walk below a repository root honours the .gitignore files above it", async () => {
  const root = tree({ ".gitignore": "legacy/\n", "apps/.gitignore": "*.old\n", "apps/web/Dockerfile": "", "apps/web/Dockerfile.old": "", "apps/web/legacy/Dockerfile": "" });
  mkdirSync(path.join(root, ".git"));
  expect(await paths(["apps/web"], root)).toEqual(["apps/web/Dockerfile dockerfile"]);
});

test("explicit files keep their order and get a kind even with unknown names", async () => {
  const root = tree({ "build.txt": "", "stack.yml": "", "Dockerfile": "" });
  expect(await paths(["stack.yml", "build.txt", "Dockerfile"], root)).toEqual(["stack.yml compose", "build.txt dockerfile", "Dockerfile dockerfile"]);
  expect(await paths(["stack.yml"], root, "dockerfile")).toEqual(["stack.yml dockerfile"]);
});

test("--kind filters a walk; a file reached twice is listed once", async () => {
  const root = tree({ "Dockerfile": "", "compose.yaml": "" });
  expect(await paths(["."], root, "compose")).toEqual(["compose.yaml compose"]);
  expect(await paths(["Dockerfile", ".", "./Dockerfile"], root)).toEqual(["Dockerfile dockerfile", "compose.yaml compose"]);
});

test("missing paths are errors, the others still found", async () => {
  const root = tree({ "Dockerfile": "" });
  const result = await discoverFiles(["nope", "Dockerfile"], { cwd: root });
  expect(result.errors).toEqual([{ path: "nope", message: "no such file or directory" }]);
  expect(result.files.map((f) => f.path)).toEqual(["Dockerfile"]);
});

test("symbolic links to files are followed, links to folders are not walked", async () => {
  const root = tree({ "real/Dockerfile": "" });
  symlinkSync(path.join(root, "real"), path.join(root, "loop"));
  symlinkSync(path.join(root, "real/Dockerfile"), path.join(root, "Containerfile"));
  expect(await paths(["."], root)).toEqual(["Containerfile dockerfile", "real/Dockerfile dockerfile"]);
});

test("--exclude patterns skip matching folders and files in walks, relative to the working directory", async () => {
  const root = tree({ "a/Dockerfile": "", "a/vendor/Dockerfile": "", "b/Dockerfile.test": "", "b/Dockerfile": "" });
  const found = await discoverFiles(["."], { cwd: root, exclude: ["vendor/", "*.test"] });
  expect(found.files.map((f) => f.path)).toEqual(["a/Dockerfile", "b/Dockerfile"]);
  const anchored = await discoverFiles(["a", "b"], { cwd: root, exclude: ["/a"] });
  expect(anchored.files.map((f) => f.path)).toEqual(["b/Dockerfile", "b/Dockerfile.test"]);
  const explicit = await discoverFiles(["a/vendor/Dockerfile"], { cwd: root, exclude: ["vendor/"] });
  expect(explicit.files.map((f) => f.path)).toEqual(["a/vendor/Dockerfile"]);
});

test("the walk's folder listings say whether a file exists there, and leave to the file system what they cannot know", async () => {
  const root = tree({ "Dockerfile": "", "svc/compose.yaml": "", "svc/.env": "", "svc/sub/x.txt": "", "ignored/Dockerfile": "", ".gitignore": "ignored/\n" });
  symlinkSync(path.join(root, "svc/.env"), path.join(root, "svc/.env.link"));
  const { listings } = await discoverFiles(["."], { cwd: root });
  const at = (p: string) => listings.isFile(path.join(root, p));
  expect(at("Dockerfile")).toBe(true);
  expect(at("svc/.env")).toBe(true);
  expect(at(".dockerignore")).toBe(false); // absent: no stat needed
  expect(at("svc/.shipshape.yaml")).toBe(false);
  expect(at("svc/sub")).toBe(false); // a folder is not a file
  expect(at("svc/.env.link")).toBeUndefined(); // a link: its target decides
  expect(at("dockerfile")).toBeUndefined(); // differs only in case: a file system that ignores case has it
  expect(at("ignored/Dockerfile")).toBeUndefined(); // a folder the walk did not enter
  expect(at("../outside")).toBeUndefined();
  // In a folder that is not there (dclint's `.config/dclintrc`): absent without a stat; in case-variant or unwalked folders, unknown.
  expect(at("svc/.config/dclintrc")).toBe(false);
  expect(at("svc/SUB/x.txt")).toBeUndefined();
  expect(at("ignored/.config/dclintrc")).toBeUndefined();
  // The listing is of the moment of the walk.
  writeFileSync(path.join(root, "svc/.dockerignore"), "");
  expect(at("svc/.dockerignore")).toBe(false);
});
