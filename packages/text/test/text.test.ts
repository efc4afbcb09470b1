import { describe, expect, it, test } from "vitest";
import { LineIndex, applyEdits, applyFixes, clipMessage } from "../src/index.js";

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

describe("clipMessage", () => {
  test("keeps ordinary messages, and long URLs of real files, as they are", () => {
    const url = `https://github.com/open-telemetry/${"x".repeat(180)}/agent.jar`;
    expect(url.length).toBeLessThanOrEqual(240);
    for (const m of ["Unknown instruction 'FORM'", `ADD downloads '${url}' without --checksum`]) expect(clipMessage(m)).toBe(m);
  });

  test("cuts a huge quoted word in the middle, keeping both ends and the rest of the message", () => {
    const word = `A${"D".repeat(100_000)}Z`;
    const clipped = clipMessage(`Unknown instruction '${word}'; did you mean 'ADD'?`);
    // The run cut is the quoted word with its quotes and the semicolon: its first 160 and last 60 characters stay.
    expect(clipped).toBe(`Unknown instruction '${"A" + "D".repeat(158)}…${"D".repeat(57)}Z'; did you mean 'ADD'?`);
    expect(clipMessage(clipped)).toBe(clipped);
  });

  test("a message of many long words is cut to at most 1000 characters, and stays so when clipped again", () => {
    const message = Array.from({ length: 50 }, (_, i) => `word${i}-${"x".repeat(200)}`).join(" ");
    const clipped = clipMessage(message);
    expect(clipped.length).toBeLessThanOrEqual(1000);
    expect(clipped.startsWith("word0-")).toBe(true);
    expect(clipped.endsWith("x".repeat(50))).toBe(true);
    expect(clipMessage(clipped)).toBe(clipped);
  });

  test("never splits a surrogate pair", () => {
    for (let shift = 0; shift < 3; shift++) {
      const clipped = clipMessage("x".repeat(shift) + "😀".repeat(400));
      expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      expect(clipped).toContain("…");
    }
  });
});
