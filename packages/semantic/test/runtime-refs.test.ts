import { describe, expect, it } from "vitest";
import { scanRuntimeRefs } from "../src/index.js";

const names = (text: string) => scanRuntimeRefs(text, "posix").map((r) => [r.name, text.slice(r.start, r.end)]);

describe("scanRuntimeRefs (posix)", () => {
  it("finds plain and braced references, with their extent", () => {
    expect(names('echo $A "${B:-x}" ${#C} ${!D}')).toEqual([
      ["A", "$A"],
      ["B", "${B:-x}"],
      ["C", "${#C}"],
      ["D", "${!D}"],
    ]);
  });
  it("skips single quotes, escapes and arithmetic", () => {
    expect(names("echo '$A' \\$B $((C + 1)) $D")).toEqual([["D", "$D"]]);
  });
  it("treats # as a comment only after white space (Unicode spaces too)", () => {
    expect(names("a#$A")).toEqual([["A", "$A"]]);
    expect(names("a #$A\necho $B")).toEqual([["B", "$B"]]);
    expect(names("a\u00a0#$A\necho $C")).toEqual([["C", "$C"]]);
    // U+0085 is not white space to JavaScript's \s, so no comment starts here
    expect(names("a\u0085#$A")).toEqual([["A", "$A"]]);
  });
  it("keeps quote state from before the last $ and reads names to their end", () => {
    expect(names('"it\'s" $LONG_NAME_1')).toEqual([["LONG_NAME_1", "$LONG_NAME_1"]]);
    expect(names("no references here")).toEqual([]);
    expect(names("trailing $")).toEqual([]);
  });
});
