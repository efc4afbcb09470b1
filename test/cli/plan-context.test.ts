// The context walk behind `shipshape plan`: what the planner is told the build context holds.
import { mkdirSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { listContextFiles } from "../../packages/cli/src/commands/plan.js";
import { tempTree } from "./helpers.js";

const tree = tempTree({
  "Dockerfile": "FROM alpine\n",
  ".dockerignore": "node_modules\n",
  "src/main.c": "",
  "src/lib/util.c": "",
  "node_modules/left-pad/index.js": "",
  ".git/HEAD": "ref: refs/heads/main\n",
});
mkdirSync(path.join(tree.root, "empty"));
symlinkSync("src", path.join(tree.root, "src-link"));
afterAll(() => tree.remove());

test("every file, relative, slash-separated and sorted; nothing skipped; links listed, not followed", () => {
  const { files, complete } = listContextFiles(tree.root, 1000);
  expect(complete).toBe(true);
  // .git and node_modules are sent unless .dockerignore says otherwise, and the planner applies that file.
  expect(files).toEqual([".dockerignore", ".git/HEAD", "Dockerfile", "node_modules/left-pad/index.js", "src-link", "src/lib/util.c", "src/main.c"]);
});

test("the walk stops at the limit and says so", () => {
  // 13 entries: 7 at the top, .git/HEAD, node_modules/left-pad and its file, src/lib, src/main.c, src/lib/util.c.
  expect(listContextFiles(tree.root, 13).complete).toBe(true);
  const cut = listContextFiles(tree.root, 12);
  expect(cut.complete).toBe(false);
});
