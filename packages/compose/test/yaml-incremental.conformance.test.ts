/**
 * Typing into real compose files: after each edit, what the YAML cache gives (an entry re-parsed and spliced
 * in, when it can) must be exactly what a full parse gives, findings included.
 */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../src/codes.js";
import { YamlCache } from "../src/yaml-cache.js";
import { parseYamlTree } from "../src/yaml-tree.js";
import { seededRandom } from "./helpers.js";
import { corpus, walk } from "./corpus-files.js";


// Mostly what typing does (letters, digits, spaces, new lines with indentation), plus YAML punctuation.
const PIECES = ["a", "b", "1", "x", " ", "\n", "\n  ", "\n    ", "\n      k: v", ":", "-", "#", "'", '"', "{", "[", "$", "&", "*"];

describe("incremental YAML parsing on the corpus", () => {
  it("equals a full parse after every edit of every file", () => {
    let spliced = 0;
    let edits = 0;
    for (const [n, file] of walk(corpus).entries()) {
      const next = seededRandom(n + 1);
      let text = fs.readFileSync(file, "utf8");
      const cache = new YamlCache();
      cache.parse(text, file, new DiagnosticSink());
      for (let step = 0; step < 6; step++) {
        const at = next(text.length + 1);
        const removed = next(3) === 0 ? next(4) : 0;
        text = text.slice(0, at) + PIECES[next(PIECES.length)]! + text.slice(Math.min(text.length, at + removed));
        const fullSink = new DiagnosticSink();
        const expected = parseYamlTree(text, file, fullSink);
        const sink = new DiagnosticSink();
        const before = spliceCount(cache);
        const got = cache.parse(text, file, sink);
        if (spliceCount(cache) > before) spliced++;
        edits++;
        expect(got.documents, `${file} after edit ${step}`).toEqual(expected.documents);
        expect(sink.list, file).toEqual(fullSink.list);
        expect([got.empty, got.broken]).toEqual([expected.empty, expected.broken]);
      }
    }
    console.log(`${edits} edits, ${spliced} re-parsed one entry`);
    expect(spliced).toBeGreaterThan(edits / 10);
  }, 600_000);
});

function spliceCount(cache: YamlCache): number {
  return cache.splices;
}
