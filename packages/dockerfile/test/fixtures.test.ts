import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { dumpParse } from "./ast-dump.js";
import { rangeProblems } from "./nesting.js";

// Each fixtures/<name>.Dockerfile is paired with fixtures/<name>.ast, the reviewed dump of its parse.
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");

describe("parser fixtures", () => {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".Dockerfile"))) {
    it(file, async () => {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const { ast, errors } = parseDockerfile(text);
      expect(rangeProblems(ast, text.length)).toEqual([]);
      await expect(dumpParse(text, ast, errors)).toMatchFileSnapshot(path.join(dir, file.replace(/\.Dockerfile$/, ".ast")));
    });
  }
});
