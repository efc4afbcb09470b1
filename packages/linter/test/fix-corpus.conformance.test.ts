/**
 * `--fix` on every real-world Dockerfile: the fixed text parses with no new parse error, and fixing it
 * again changes nothing (safe fixes reach a fixed point).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { fixFile } from "../src/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.resolve(repoRoot, "../shared/corpus");

function dockerfiles(): string[] {
  const rows = fs.readFileSync(path.join(corpus, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1);
  return rows
    .map((row) => row.split("\t"))
    .filter(([set]) => set === "dockerfiles")
    .map(([set, , repo, , p]) => path.join(corpus, set!, repo!.replace("/", "__"), p!))
    .filter((f) => fs.existsSync(f));
}

const errorCodes = (text: string) => parseDockerfile(text).errors.map((e) => e.code).sort().join(",");

describe.skipIf(!fs.existsSync(corpus))("--fix over the corpus", () => {
  it("fixes every Dockerfile without new parse errors, and a second run changes nothing", async () => {
    const files = dockerfiles();
    const newErrors: string[] = [];
    const notStable: string[] = [];
    let changed = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      const options = { noConfigSearch: true };
      const first = await fixFile({ path: file, text, kind: "dockerfile" }, options);
      if (!first.changed) continue;
      changed++;
      if (errorCodes(first.text) !== errorCodes(text)) newErrors.push(path.relative(corpus, file));
      const second = await fixFile({ path: file, text: first.text, kind: "dockerfile" }, options);
      if (second.changed) notStable.push(path.relative(corpus, file));
    }
    console.log(`${files.length} Dockerfiles, ${changed} changed by safe fixes`);
    expect(changed).toBeGreaterThan(0);
    expect(newErrors).toEqual([]);
    expect(notStable).toEqual([]);
  }, 900_000);
});
