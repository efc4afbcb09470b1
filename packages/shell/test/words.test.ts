import { beforeAll, describe, expect, it } from "vitest";
import { initShell, parseShell } from "@shipshape/shell";

beforeAll(() => initShell());

describe("word values", () => {
  it.each([
    ["plain", "plain", true, false],
    ['"double quoted"', "double quoted", true, true],
    ["'single $x'", "single $x", true, true],
    ["a\\ b", "a b", true, true],
    ['"a\\"b\\$c\\d"', 'a"b$c\\d', true, true],
    ["$'tab\\there'", "tab\there", true, true],
    ['"$HOME"/x', "$HOME/x", false, true],
    ["${V:-1.0}", "${V:-1.0}", false, false],
    ["pkg=$(cat v)", "pkg=$(cat v)", false, false],
    ["'a'\"b\"c", "abc", true, true],
    ["x{1,2}", "x{1,2}", false, false],
    ["/var/lib/apt/lists/*", "/var/lib/apt/lists/*", true, false],
    ["--opt=\"a b\"", "--opt=a b", true, true],
  ])("%s -> %j (static %s, quoted %s)", (raw, value, isStatic, quoted) => {
    const w = parseShell(`echo ${raw}`).commands[0].args[0];
    expect({ value: w.value, raw: w.raw, isStatic: w.isStatic, hasExpansion: w.hasExpansion, quoted: w.quoted })
      .toEqual({ value, raw, isStatic, hasExpansion: !isStatic, quoted });
  });
});

describe("ranges through toSource", () => {
  it("maps word ranges with the given mapping and keeps script ranges", () => {
    const s = parseShell("echo hi", (o) => o + 100);
    const w = s.commands[0].args[0];
    expect(w.scriptRange).toEqual({ start: 5, end: 7 });
    expect(w.range).toEqual({ start: 105, end: 107 });
  });
});
