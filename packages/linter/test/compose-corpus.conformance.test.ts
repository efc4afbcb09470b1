/**
 * Every compose file of the shared corpus, grouped into projects as the CLI groups a walk (a folder's
 * compose.yaml + compose.override.yaml merged; files reached through include/extends linted with the
 * project that reaches them), linted with the default rule set and a reader over the real files.
 * Dockerfiles come from the corpus's Dockerfile set where the repository is in both.
 * One summary line per file (codes and counts) is snapshotted, so a new false positive shows up in review.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LintSession } from "../src/lint.js";
import { groupComposeProjects } from "../../cli/src/compose-projects.js";
import { composeReferenceReader } from "../../cli/src/compose-references.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.resolve(repoRoot, "../shared/corpus/compose");

const dockerfiles = path.resolve(corpus, "../dockerfiles");

const readText = (p: string) => {
  try {
    return fs.readFileSync(p, "utf8");
  } catch {
    return undefined;
  }
};

/**
 * The real files, and for a file the compose set lacks, the same path of the same repository in the
 * Dockerfile set (the corpus keeps each repository's Dockerfiles there), so builds can be checked.
 */
const readFile = (p: string) => readText(p) ?? (p.startsWith(corpus + path.sep) ? readText(path.join(dockerfiles, path.relative(corpus, p))) : undefined);

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (/\.ya?ml$/i.test(e.name)) out.push(p);
  }
  return out;
}

/** Codes whose findings are about paths the corpus does not carry (build contexts, env files). */
const MISSING_PATHS = new Set(["CF011", "DC203"]);

describe.skipIf(!fs.existsSync(corpus))("compose corpus", () => {
  it("lints every project; the summary per file matches the snapshot", async () => {
    const files = walk(corpus);
    const texts = new Map(files.map((f) => [f, readText(f)!]));
    const projects = groupComposeProjects(files, (await composeReferenceReader(texts)).references);
    const session = new LintSession({ readFile, noConfigSearch: true });
    const byFile = new Map<string, Map<string, number>>(files.map((f) => [f, new Map()]));
    const errors: string[] = [];
    for (const project of projects) {
      const out = await session.lintUnit(project.files.map((p) => ({ path: p, text: texts.get(p)! })));
      for (const d of out) {
        let counts = byFile.get(d.file);
        if (!counts) byFile.set(d.file, (counts = new Map()));
        counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
        if (d.severity === "error" && !MISSING_PATHS.has(d.code)) errors.push(`${path.relative(corpus, d.file)}:${d.line}:${d.column} ${d.code} ${d.message}`);
      }
    }
    const lines = [...byFile.entries()]
      .filter(([file]) => file.startsWith(corpus))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([file, counts]) => {
        const summary = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, n]) => `${code}×${n}`).join(" ");
        return `${path.relative(corpus, file)}: ${summary || "clean"}`;
      });
    await expect(lines.join("\n") + "\n").toMatchFileSnapshot("./__snapshots__/compose-corpus.conformance.txt");
    // Printed for review: errors other than missing paths are false positives or real bugs in the corpus.
    if (errors.length) console.log(`errors besides missing paths (${errors.length}):\n${errors.join("\n")}`);
    expect(projects.length).toBeGreaterThan(0);
  }, 300_000);
});
