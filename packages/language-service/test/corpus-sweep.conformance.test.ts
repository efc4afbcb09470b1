// Every editor feature on every file of the shared corpus (read in place), at the start, middle and end of
// every word of its first lines: no feature may throw, and every range an answer holds (hover, symbols,
// folding, highlights, rename, locations in the same file) must lie inside the document. The corpus is
// what users open; a throw here is an error popup in their editor.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { initShell } from "@shipshape/shell";
import * as ls from "../src/index.js";
import { walk } from "../../compose/test/corpus-files.js";

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus");
/** Lines of each file whose words are visited (the whole-document features see every line). */
const LINES = 80;

const files = [
  ...walk(path.join(corpus, "dockerfiles")).map((f) => ({ file: f, kind: "dockerfile" as const })),
  ...walk(path.join(corpus, "buildkit-parser")).filter((f) => path.basename(f) === "Dockerfile").map((f) => ({ file: f, kind: "dockerfile" as const })),
  ...walk(path.join(corpus, "compose")).filter((f) => /\.ya?ml$/.test(f)).map((f) => ({ file: f, kind: "compose" as const })),
];

interface Pos {
  line: number;
  character: number;
}

/** Every `{start, end}` range inside a value, with the uri of the location holding it (if any). */
function* rangesIn(value: unknown, uri?: string): Generator<{ range: { start: Pos; end: Pos }; uri?: string }> {
  if (!value || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const v of value) yield* rangesIn(v, uri);
    return;
  }
  const o = value as Record<string, unknown>;
  const here = typeof o.uri === "string" ? o.uri : typeof o.targetUri === "string" ? o.targetUri : uri;
  const start = o.start as Pos | undefined;
  const end = o.end as Pos | undefined;
  if (start && end && typeof start.line === "number" && typeof end.line === "number") yield { range: { start, end }, uri: here };
  for (const [k, v] of Object.entries(o)) if (k !== "start" && k !== "end") yield* rangesIn(v, here);
}

describe("every editor feature over the corpus", () => {
  beforeAll(async () => {
    await initShell();
  });

  it("finds the corpus", () => expect(files.length).toBeGreaterThan(1000));

  it("answers without throwing, with ranges inside the document", { timeout: 600_000 }, () => {
    const problems: string[] = [];
    let answers = 0;
    let ranges = 0;
    for (const { file, kind } of files) {
      const text = fs.readFileSync(file, "utf8");
      const lines = text.split("\n");
      const uri = `file://${file}`;
      const where = (pos?: Pos) => `${path.relative(corpus, file)}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ""}`;
      const inside = (r: { start: Pos; end: Pos }) =>
        r.start.line >= 0 && r.start.character >= 0 && r.end.line < lines.length && r.end.character <= (lines[r.end.line]?.length ?? 0) + 1 &&
        (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
      const run = (name: string, pos: Pos | undefined, fn: () => unknown) => {
        try {
          const answer = fn();
          answers++;
          for (const { range, uri: at } of rangesIn(answer)) {
            ranges++;
            if ((at === undefined || at === uri) && !inside(range)) problems.push(`${name} at ${where(pos)}: range ${JSON.stringify(range)} outside the document`);
          }
        } catch (e) {
          problems.push(`${name} at ${where(pos)}: ${String((e as Error)?.stack ?? e).split("\n").slice(0, 3).join(" | ")}`);
        }
      };
      let doc: ls.ParsedDocument;
      try {
        doc = ls.parseDocument({ uri, path: file, version: 1, text, kind });
      } catch (e) {
        problems.push(`parseDocument ${where()}: ${String(e)}`);
        continue;
      }
      run("documentSymbols", undefined, () => ls.documentSymbols(doc));
      run("foldingRanges", undefined, () => ls.foldingRanges(doc).map((f) => ({ start: { line: f.startLine, character: 0 }, end: { line: f.endLine, character: 0 } })));
      run("formatting", undefined, () => ls.formatting(doc));
      run("inlayHints", undefined, () => ls.inlayHints(doc));
      run("codeLenses", undefined, () => ls.codeLenses(doc));
      run("semanticTokens", undefined, () => ls.semanticTokens(doc));
      run("documentLinks", undefined, () => ls.documentLinks(doc));
      const positions: Pos[] = [];
      for (let l = 0; l < Math.min(lines.length, LINES); l++) {
        const line = lines[l]!;
        const cols = new Set([0, line.length]);
        for (const m of line.matchAll(/\S+/g)) {
          cols.add(m.index);
          cols.add(m.index + (m[0].length >> 1));
        }
        for (const c of cols) positions.push({ line: l, character: c });
      }
      run("selectionRanges", undefined, () => ls.selectionRanges(doc, positions));
      for (const pos of positions) {
        run("hover", pos, () => ls.hover(doc, pos));
        run("completion", pos, () => ls.completion(doc, pos));
        run("definition", pos, () => ls.definition(doc, pos));
        run("references", pos, () => ls.references(doc, pos, true));
        run("documentHighlights", pos, () => ls.documentHighlights(doc, pos));
        run("signatureHelp", pos, () => ls.signatureHelp(doc, pos));
        run("prepareRename", pos, () => {
          const r = ls.prepareRename(doc, pos);
          return r ? [r.range, ls.rename(doc, pos, `${r.placeholder}_x`)] : null;
        });
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(answers).toBeGreaterThan(100_000);
    expect(ranges).toBeGreaterThan(100_000);
  });
});
