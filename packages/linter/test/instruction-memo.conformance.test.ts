/**
 * The memoizing session (the language server's) over every corpus Dockerfile, as an editor would meet
 * it: the file, then the file with a comment typed above it and a character typed in the middle (every
 * instruction moved, one changed), then the file again. Each lint must equal a fresh one.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { initShell } from "@shipshape/shell";
import type { Diagnostic } from "@shipshape/text";
import { LintSession } from "../src/lint.js";

await initShell();

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dockerfiles = path.resolve(repoRoot, "../shared/corpus/dockerfiles");

const files = fs
  .readdirSync(dockerfiles, { recursive: true })
  .map((f) => path.join(dockerfiles, String(f)))
  .filter((f) => fs.statSync(f).isFile())
  .sort();

const order = (a: Diagnostic, b: Diagnostic) =>
  a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);

/** The text with a comment line on top and `x` typed at the end of its middle line. */
function edited(text: string): string {
  const lines = text.split("\n");
  const middle = Math.floor(lines.length / 2);
  lines[middle] = `${lines[middle]}x`;
  return `# edited\n${lines.join("\n")}`;
}

describe("memoized lints of the corpus", () => {
  it("equal fresh lints after moving and editing each file", async () => {
    const memoized = new LintSession({ noConfigSearch: true, memoize: true });
    const plain = new LintSession({ noConfigSearch: true });
    const lintWith = async (session: LintSession, file: string, text: string, previous?: ReturnType<typeof parseDockerfile>) => {
      const parsed = parseDockerfile(text, previous ? { previous } : {});
      const { diagnostics } = await session.lintFile({ path: file, text, kind: "dockerfile", parsed });
      return { parsed, diagnostics: diagnostics.sort(order) };
    };
    const mismatches: string[] = [];
    let findings = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      let previous: ReturnType<typeof parseDockerfile> | undefined;
      for (const version of [text, edited(text), text]) {
        const got = await lintWith(memoized, file, version, previous);
        previous = got.parsed;
        const want = (await lintWith(plain, file, version)).diagnostics;
        findings += want.length;
        try {
          expect(got.diagnostics).toEqual(want);
        } catch {
          mismatches.push(path.relative(dockerfiles, file));
          break;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(findings).toBeGreaterThan(files.length);
  }, 600_000);
});
