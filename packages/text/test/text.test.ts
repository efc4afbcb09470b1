import { describe, expect, it } from "vitest";
import { LineIndex, applyEdits, applyFixes } from "../src/index.js";

describe("LineIndex", () => {
  it("counts LF, CRLF and lone CR line breaks", () => {
    const idx = new LineIndex("a\nb\r\nc\rd");
    expect(idx.lineCount).toBe(4);
    expect(idx.positionAt(0)).toEqual({ line: 0, character: 0 });
    expect(idx.positionAt(2)).toEqual({ line: 1, character: 0 });
    expect(idx.positionAt(5)).toEqual({ line: 2, character: 0 });
    expect(idx.positionAt(7)).toEqual({ line: 3, character: 0 });
    expect(idx.lineText(1)).toBe("b");
    expect(idx.lineText(2)).toBe("c");
  });
  it("round-trips offsets", () => {
    const text = "FROM x\r\nRUN é\n\nCMD 🐳 y";
    const idx = new LineIndex(text);
    for (let o = 0; o <= text.length; o++) {
      const p = idx.positionAt(o);
      const back = idx.offsetAt(p);
      // offsets inside a CRLF pair map to the end of the line content
      expect(back === o || text[o - 1] === "\r" || text[o] === "\n" || text[o] === "\r").toBe(true);
    }
  });
  it("reports 1-based, end-exclusive columns", () => {
    const idx = new LineIndex("FROM debian:latest\n");
    expect(idx.toLineColumn({ start: 12, end: 18 })).toEqual({ line: 1, column: 13, endLine: 1, endColumn: 19 });
  });
  it("clamps out-of-range input", () => {
    const idx = new LineIndex("ab");
    expect(idx.positionAt(-3)).toEqual({ line: 0, character: 0 });
    expect(idx.positionAt(99)).toEqual({ line: 0, character: 2 });
    expect(idx.offsetAt({ line: 7, character: 0 })).toBe(2);
  });
});

describe("edits", () => {
  it("applies edits in any order and skips overlaps", () => {
    const r = applyEdits("hello world", [
      { range: { start: 6, end: 11 }, text: "there" },
      { range: { start: 0, end: 5 }, text: "hi" },
      { range: { start: 3, end: 7 }, text: "X" },
    ]);
    expect(r.text).toBe("hi there");
    expect(r.skipped).toHaveLength(1);
  });
  it("defers a fix that clashes with an earlier one", () => {
    const r = applyFixes("abc", [
      { title: "1", safety: "safe", edits: [{ range: { start: 0, end: 2 }, text: "X" }] },
      { title: "2", safety: "safe", edits: [{ range: { start: 1, end: 3 }, text: "Y" }] },
    ]);
    expect(r).toEqual({ text: "Xc", applied: 1, deferred: 1 });
  });
});
