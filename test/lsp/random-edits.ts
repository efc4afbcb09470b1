// Random incremental edits to one open document, as the robustness tests of both file kinds send them.
import fc from "fast-check";
import type { TestClient } from "./client.js";

export type Position = { line: number; character: number };

/** The LSP position of a UTF-16 offset (any line break ends a line). */
export function lineCol(text: string, offset: number): Position {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/**
 * Sends `count` random edits (an insertion of one of `pieces`, sometimes replacing up to 7 characters) to
 * the open document `uri`, whose text is `text` at version 1. Positions never split a surrogate pair or a
 * CRLF, since no LSP position lies inside either. Every 50 versions `probe` runs with a random position
 * (e.g. requests that must not fail on the half-typed text). Returns the final text and version.
 */
export async function sendRandomEdits(
  client: TestClient,
  uri: string,
  text: string,
  options: { pieces: string[]; seed: number; count?: number; probe?: (text: string, position: Position) => Promise<unknown> },
): Promise<{ text: string; version: number }> {
  const edits = fc.sample(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...options.pieces), fc.nat(3)), { numRuns: options.count ?? 1000, seed: options.seed });
  let version = 1;
  for (const [a, b, insert, mode] of edits) {
    const start = text.length ? a % (text.length + 1) : 0;
    const end = mode === 0 ? Math.min(text.length, start + (b % 8)) : start;
    const splits = (o: number) => /[\uDC00-\uDFFF]/.test(text[o] ?? "") || (text[o - 1] === "\r" && text[o] === "\n");
    if (splits(start) || splits(end)) continue;
    const range = { start: lineCol(text, start), end: lineCol(text, end) };
    text = text.slice(0, start) + insert + text.slice(end);
    version++;
    await client.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
    if (version % 50 === 0 && options.probe) await options.probe(text, lineCol(text, a % (text.length + 1)));
  }
  return { text, version };
}
