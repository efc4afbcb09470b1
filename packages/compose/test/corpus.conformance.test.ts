import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "@shipshape/text";
import { loadProject, parseCompose } from "@shipshape/compose";
import { corpus, walk } from "./corpus-files.js";


/** `CF009×3 CF101×1`: how many findings of each code, sorted by code. */
function summary(errors: Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const e of errors) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  if (!counts.size) return "ok";
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `${c}×${n}`).join(" ");
}

const readFile = (p: string) => {
  try {
    return fs.readFileSync(p, "utf8");
  } catch {
    return undefined;
  }
};

describe.skipIf(!fs.existsSync(corpus))("compose corpus", () => {
  const files = fs.existsSync(corpus) ? walk(corpus) : [];

  it("parses every file without throwing, with ranges inside the text, and the summary is reviewed", async () => {
    const lines: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      const rel = path.relative(corpus, file);
      const single = parseCompose(text, { fileName: rel });
      for (const e of single.errors) {
        expect(e.code, `${rel}: ${e.message}`).not.toBe("internal-error");
        expect(e.range.start).toBeGreaterThanOrEqual(0);
        expect(e.range.end).toBeLessThanOrEqual(text.length);
        expect(e.range.start).toBeLessThanOrEqual(e.range.end);
      }
      // As a project (include, extends, .env resolved; the corpus has no .env files, so unset variables are expected).
      const project = loadProject({ files: [file], readFile, env: {} });
      for (const e of project.errors) expect(e.code, `${rel}: ${e.message}`).not.toBe("internal-error");
      const services = Object.keys(project.project.model.services).length;
      lines.push(`${rel}: ${summary(single.errors)} | project(${services} services): ${summary(project.errors)}`);
    }
    expect(lines.length).toBe(files.length);
    await expect(lines.join("\n") + "\n").toMatchFileSnapshot("__snapshots__/corpus-summary.txt");
  });
});
