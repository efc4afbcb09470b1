/**
 * Every real-world file of the shared corpus through the whole engine (every registered rule, config
 * defaults): no internal errors, no parse errors on files BuildKit accepts, every range inside its
 * file. Prints the count of findings per rule, the place a new false positive shows up.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { ReportedDiagnostic } from "@shipshape/text";
import { LintSession } from "../src/lint.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.resolve(repoRoot, "../shared/corpus");

function manifest(): { set: string; file: string; template: boolean }[] {
  const rows = fs.readFileSync(path.join(corpus, "MANIFEST.tsv"), "utf8").trim().split("\n").slice(1);
  return rows.map((row) => {
    const [set, , repo, , p, , , template] = row.split("\t");
    return { set: set!, file: path.join(corpus, set!, repo!.replace("/", "__"), p!), template: template === "yes" };
  });
}

const readFile = (p: string) => {
  try {
    return fs.readFileSync(p, "utf8");
  } catch {
    return undefined;
  }
};

function checkRanges(out: ReportedDiagnostic[], texts: Map<string, string>): string[] {
  const bad: string[] = [];
  for (const d of out) {
    const text = texts.get(d.file) ?? readFile(d.file);
    if (text === undefined) continue;
    const lines = text.split(/\r\n|\r|\n/);
    const ok = d.line >= 1 && d.line <= lines.length && d.column >= 1 && d.column <= lines[d.line - 1]!.length + 1 &&
      (d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)) && d.endLine <= lines.length;
    if (!ok) bad.push(`${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.code}`);
  }
  return bad;
}

describe.skipIf(!fs.existsSync(corpus))("linting the corpus", () => {
  const entries = fs.existsSync(corpus) ? manifest().filter((e) => fs.existsSync(e.file)) : [];

  it("lints every file without internal errors, parse errors or ranges outside the text", async () => {
    const session = new LintSession({ readFile, noConfigSearch: true });
    const counts = new Map<string, number>();
    const internal: string[] = [];
    const parseErrors: string[] = [];
    const badRanges: string[] = [];
    for (const entry of entries) {
      const text = readFile(entry.file)!;
      const kind = entry.set === "compose" ? "compose" : "dockerfile";
      const out = await session.lintReported({ path: entry.file, text, kind });
      for (const d of out) {
        counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
        if (d.code === "internal-error") internal.push(`${d.file}:${d.line}: ${d.message}`);
        if (kind === "dockerfile" && d.category === "syntax" && !entry.template) parseErrors.push(`${d.file}:${d.line} ${d.code}: ${d.message}`);
      }
      badRanges.push(...checkRanges(out, new Map([[entry.file, text]])));
    }
    const summary = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })).map(([c, n]) => `${c}×${n}`);
    console.log(`${entries.length} files: ${summary.join(" ")}`);
    expect(entries.length).toBeGreaterThan(1000);
    expect(internal).toEqual([]);
    expect(parseErrors).toEqual([]);
    expect(badRanges).toEqual([]);
  }, 300_000);

  it("reports what the reviewed snapshot says, one line per Dockerfile (codes and counts)", async () => {
    // ShellCheck stays off: its findings depend on the installed version, not on our rules.
    const session = new LintSession({ readFile, noConfigSearch: true });
    const lines: string[] = [];
    for (const entry of entries.filter((e) => e.set === "dockerfiles")) {
      const out = await session.lintReported({ path: entry.file, text: readFile(entry.file)!, kind: "dockerfile" });
      const counts = new Map<string, number>();
      for (const d of out) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
      const codes = [...counts].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })).map(([c, n]) => `${c}×${n}`);
      lines.push(`${path.relative(path.join(corpus, "dockerfiles"), entry.file)}: ${codes.join(" ") || "clean"}`);
    }
    expect(lines.length).toBeGreaterThan(700);
    await expect(lines.sort().join("\n") + "\n").toMatchFileSnapshot("__snapshots__/dockerfile-corpus.conformance.txt");
  }, 300_000);
});
