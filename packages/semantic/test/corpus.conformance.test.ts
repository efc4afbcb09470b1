import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { analyzeDockerfile } from "../src/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.resolve(repoRoot, "../shared/corpus");
const dockerfiles = path.join(corpus, "dockerfiles");

/** Paths (relative to dockerfiles/) of the generator templates the manifest marks. */
function templates(): Set<string> {
  const rows = fs.readFileSync(path.join(corpus, "MANIFEST.tsv"), "utf8").split("\n").slice(1);
  const out = new Set<string>();
  for (const row of rows) {
    const [set, , repo, , file, , , isTemplate] = row.split("\t");
    if (set === "dockerfiles" && isTemplate === "yes") out.add(`${repo.replace("/", "__")}/${file}`);
  }
  return out;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}

describe.skipIf(!fs.existsSync(dockerfiles))("semantic model over the real-world Dockerfiles", () => {
  const files = fs.existsSync(dockerfiles) ? listFiles(dockerfiles) : [];
  const templateSet = fs.existsSync(corpus) ? templates() : new Set<string>();

  it("analyzes every file with consistent stages, ranges and references", () => {
    expect(files.length).toBeGreaterThan(700);
    let uses = 0;
    for (const file of files) {
      const rel = path.relative(dockerfiles, file);
      const text = fs.readFileSync(file, "utf8");
      const { ast } = parseDockerfile(text);
      const model = analyzeDockerfile(ast);
      const where = (what: string) => `${rel}: ${what}`;

      // Every instruction belongs to exactly one stage once the first FROM is seen.
      const firstFrom = ast.instructions.findIndex((i) => i.kind === "From");
      const staged = model.stages.flatMap((s) => [s.from, ...s.instructions]);
      expect(staged.length, where("partition")).toBe(firstFrom < 0 ? 0 : ast.instructions.length - firstFrom);

      uses += model.uses.length;
      for (const use of model.uses) {
        const inside = use.instruction.range.start <= use.range.start && use.range.end <= use.instruction.range.end;
        expect(inside, where(`use of ${use.name} outside its instruction`)).toBe(true);
        const written = text.slice(use.range.start, use.range.end);
        if (use.redeclaration) expect(written, where("re-declaration range")).toBe(use.name);
        else expect(/^[$%]/.test(written), where(`use range ${JSON.stringify(written)}`)).toBe(true);
        expect(text.slice(use.nameRange.start, use.nameRange.end), where("name range")).toBe(use.name);
      }

      for (const ref of model.stageReferences) {
        if (ref.kind !== "from") expect(text.slice(ref.range.start, ref.range.end), where("reference range")).toBe(ref.value);
        if (ref.target.kind === "stage" && ref.kind === "from") expect(ref.target.stage.name).toBe(ref.value);
      }

      if (!templateSet.has(rel)) {
        const structural = model.problems.filter((p) => p.code === "instruction-before-from" || p.code === "no-stages");
        expect(structural, where("structure")).toEqual([]);
      }
    }
    expect(uses).toBeGreaterThan(1000);
  });
});
