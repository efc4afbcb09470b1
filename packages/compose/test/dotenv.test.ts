import { describe, expect, it } from "vitest";
import { parseDotenv } from "@shipshape/compose";

describe("dotenv", () => {
  it.each([
    ["A=1", { A: "1" }],
    ["A = 1 ", { A: "1" }],
    ["export A=1", { A: "1" }],
    ["A: 1", { A: "1" }],
    ["# comment\n\nA=1\n  # indented comment", { A: "1" }],
    ["A=1 # trailing comment", { A: "1" }],
    ["A=1#not-a-comment", { A: "1#not-a-comment" }],
    ["A='single $B \\n'", { A: "single $B \\n" }],
    ['A="double\\nline"', { A: "double\nline" }],
    ['A="quote \\" inside"', { A: 'quote " inside' }],
    ['A="multi\nline"', { A: "multi\nline" }],
    ["A='multi\nline'", { A: "multi\nline" }],
    ['A="x" # comment', { A: "x" }],
    ["A=", { A: "" }],
    ["A=1\nB=${A}2", { A: "1", B: "12" }],
    ['A=1\nB="${A:-x}"', { A: "1", B: "1" }],
    ["B=${UNSET:-def}", { B: "def" }],
    ["A=1\nA=2", { A: "2" }],
    ["A.B-C=1", { "A.B-C": "1" }],
    ["A=1\r\nB=2\r\n", { A: "1", B: "2" }],
    ["\uFEFFA=1", { A: "1" }],
    ['A="$$literal"', { A: "$literal" }],
  ])("%j", (text, expected) => {
    const r = parseDotenv(text);
    expect(r.problems).toEqual([]);
    expect({ ...r.vars }).toEqual(expected);
  });

  it("prefers the environment when expanding references", () => {
    expect(parseDotenv("A=1\nB=${A}", (n) => (n === "A" ? "env" : undefined)).vars.B).toBe("env");
  });

  it("inherits a bare key from the environment", () => {
    const r = parseDotenv("HOME\nMISSING", (n) => (n === "HOME" ? "/root" : undefined));
    expect({ ...r.vars }).toEqual({ HOME: "/root" });
    expect(r.entries.map((e) => [e.key, e.inherited])).toEqual([
      ["HOME", true],
      ["MISSING", true],
    ]);
  });

  it.each([
    ["A B=1", "A B", /space/],
    ["A\"=1", '"', /Unexpected character/],
    ['A="never closed', '"never closed', /Unterminated/],
  ])("reports %j", (text, covered, message) => {
    const r = parseDotenv(text);
    expect(r.problems).toHaveLength(1);
    expect(text.slice(r.problems[0]!.range.start, r.problems[0]!.range.end)).toBe(covered);
    expect(r.problems[0]!.message).toMatch(message);
  });

  it("gives key and value ranges", () => {
    const text = "FOO = 'bar'\n";
    const e = parseDotenv(text).entries[0]!;
    expect(text.slice(e.keyRange.start, e.keyRange.end)).toBe("FOO");
    expect(text.slice(e.valueRange.start, e.valueRange.end)).toBe("'bar'");
  });

  it("is linear on large files (a quadratic scan took minutes here)", () => {
    const text = Array.from({ length: 50000 }, (_, i) => `K${i}=v${i}`).join("\n");
    // Linear, this takes under 200 ms; quadratic, minutes. No clock is read: a regression shows as this
    // test's timeout.
    expect(Object.keys(parseDotenv(text).vars)).toHaveLength(50000);
  }, 20_000);
});
