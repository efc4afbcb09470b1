import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseDockerfile, type ParseResult } from "@shipshape/dockerfile";
import { expectKept } from "./reuse-check.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.resolve(repoRoot, "../shared/corpus/dockerfiles");

function dockerfiles(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) dockerfiles(p, out);
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** What gets typed: a continued RUN with a variable, a comment, then a heredoc (opened, filled, closed). */
const TYPED = "RUN echo $X \\\n  && true\n# note\nCOPY <<EOF /f\nhello\nEOF\n";

/**
 * Types `TYPED` one character at a time at `at`, then deletes it again one character at a time, each
 * version parsed with the one before as `previous` and compared with a full parse.
 */
function typeAndErase(text: string, at: number): { steps: number; kept: number } {
  let previous: ParseResult = parseDockerfile(text);
  let steps = 0;
  let kept = 0;
  const step = (next: string, editStart: number) => {
    const incremental = parseDockerfile(next, { previous });
    const full = parseDockerfile(next);
    // the JSON text first (vitest's deep equality on some 200,000 ASTs takes minutes), the full check on a difference
    if (JSON.stringify(incremental) !== JSON.stringify(full)) expect(incremental).toStrictEqual(full);
    kept += expectKept(previous, incremental, editStart);
    previous = incremental;
    steps++;
  };
  for (let i = 1; i <= TYPED.length; i++) step(text.slice(0, at) + TYPED.slice(0, i) + text.slice(at), at + i - 1);
  for (let i = TYPED.length - 1; i >= 0; i--) step(text.slice(0, at) + TYPED.slice(0, i) + text.slice(at), at + i);
  expect(previous).toStrictEqual(parseDockerfile(text));
  return { steps, kept };
}

/** The middle line's start first, then a quarter in (often inside a continued RUN), then the middle line's end. */
function typingPoints(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const pick = (f: number) => starts[Math.min(starts.length - 1, Math.floor(starts.length * f))];
  const mid = pick(0.5);
  // at the end of the middle line, typing extends an existing instruction
  const lineEnd = text.indexOf("\n", mid);
  return [...new Set([mid, pick(0.25), lineEnd < 0 ? text.length : lineEnd])];
}

describe("parseDockerfile with a previous parse, typing into corpus Dockerfiles", () => {
  const files = dockerfiles(corpus);

  it("finds the corpus", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it("every keystroke: the same result as a full parse, the nodes before the cursor kept", () => {
    let steps = 0;
    let kept = 0;
    for (const [n, file] of files.entries()) {
      const text = fs.readFileSync(file, "utf8");
      const points = typingPoints(text);
      // every file at its middle line; every eighth also at the other points (the whole run is long enough)
      for (const at of n % 8 === 0 ? points : points.slice(0, 1)) {
        const r = typeAndErase(text, at);
        steps += r.steps;
        kept += r.kept;
      }
    }
    expect(steps).toBeGreaterThanOrEqual(files.length * 2 * TYPED.length);
    expect(kept).toBeGreaterThan(steps);
  });
});
