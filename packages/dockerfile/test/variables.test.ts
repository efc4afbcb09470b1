import { describe, expect, it } from "vitest";
import { parseDockerfile, type VariableRef } from "@shipshape/dockerfile";
import { rangeProblems } from "./nesting.js";

function refs(text: string): { refs: VariableRef[]; at: (r?: { start: number; end: number }) => string | undefined } {
  const { ast, errors } = parseDockerfile(text);
  expect(errors).toEqual([]);
  expect(rangeProblems(ast, text.length)).toEqual([]);
  const all = ast.instructions.flatMap((i) => [...i.variables, ...(i.kind === "Onbuild" && i.trigger ? i.trigger.variables : [])]);
  return { refs: all, at: (r) => (r ? text.slice(r.start, r.end) : undefined) };
}

describe("variable references", () => {
  it("plain, braced and every modifier", () => {
    const mods = [":-", "-", ":+", "+", ":?", "?", "#", "##", "%", "%%"];
    const text = `FROM a\nENV ${mods.map((m, i) => `K${i}=\${V${i}${m}w${i}}`).join(" ")} P=$plain Q=\${braced}\n`;
    const { refs: found, at } = refs(text);
    expect(found.map((r) => r.modifier ?? "")).toEqual([...mods, "", ""]);
    expect(found.slice(0, mods.length).map((r) => r.word?.value)).toEqual(mods.map((_, i) => `w${i}`));
    expect(at(found[0].range)).toBe("${V0:-w0}");
    expect(at(found[0].nameRange)).toBe("V0");
    expect(at(found[0].word?.range)).toBe("w0");
    expect(found[mods.length]).toMatchObject({ name: "plain", braced: false });
    expect(found[mods.length + 1]).toMatchObject({ name: "braced", braced: true });
  });

  it("pattern replacement has a word and a replacement", () => {
    const { refs: found, at } = refs("FROM a\nWORKDIR ${A/x/y} ${B//\\//-}\n");
    expect(found.map((r) => [r.name, r.modifier, r.word?.value, r.replacement?.value])).toEqual([
      ["A", "/", "x", "y"],
      ["B", "//", "\\/", "-"],
    ]);
    expect(at(found[0].replacement?.range)).toBe("y");
  });

  it("finds nested references inside modifier words", () => {
    const { refs: found, at } = refs("FROM a\nARG X=${TARGETARCH}${TARGETVARIANT:+/${TARGETVARIANT}}\n");
    expect(found.map((r) => r.name)).toEqual(["TARGETARCH", "TARGETVARIANT", "TARGETVARIANT"]);
    expect(at(found[2].range)).toBe("${TARGETVARIANT}");
    const outer = found[1];
    expect(outer.range.start).toBeLessThan(found[2].range.start);
    expect(outer.range.end).toBeGreaterThan(found[2].range.end);
  });

  it("skips escaped dollars, single quotes and special parameters", () => {
    const { refs: found } = refs("FROM a\nENV A=\\$NOT B='$NOT' C=\"$YES\" D=$$ E=$1 F=${G}_x\n");
    expect(found.map((r) => r.name)).toEqual(["YES", "G"]);
  });

  it("follows the backtick escape", () => {
    const { refs: found } = refs("# escape=`\nFROM a\nWORKDIR C:\\Windows\\$A `$B\n");
    expect(found.map((r) => r.name)).toEqual(["A"]);
  });

  it("locates references across a continuation", () => {
    const text = "FROM a\nCOPY --chown=$U \\\n   ${SRC} /dst\n";
    const { refs: found, at } = refs(text);
    expect(found.map((r) => at(r.range))).toEqual(["$U", "${SRC}"]);
  });

  it("only in the arguments BuildKit expands", () => {
    const text = "FROM a\nRUN echo $A\nCMD $B\nCOPY --from=$C --exclude=$D $E /x\nRUN --mount=type=cache,target=$F,from=$G ls\nMAINTAINER $H\n";
    expect(refs(text).refs.map((r) => r.name)).toEqual(["E", "F"]);
  });

  it("in COPY heredoc bodies only when the delimiter is unquoted", () => {
    const text = "FROM a\nCOPY <<EOF /x\nhello $NAME\nEOF\nCOPY <<'EOF' /y\nhello $QUOTED\nEOF\n";
    const { refs: found, at } = refs(text);
    expect(found.map((r) => r.name)).toEqual(["NAME"]);
    expect(at(found[0].range)).toBe("$NAME");
  });

  it("ONBUILD triggers carry their own references", () => {
    const { refs: found } = refs("FROM a\nONBUILD WORKDIR /src/$APP\n");
    expect(found.map((r) => r.name)).toEqual(["APP"]);
  });

  it("very deep nesting is bounded instead of exhausting the stack", () => {
    const text = `FROM a\nWORKDIR ${"${a:-".repeat(5000)}x${"}".repeat(5000)}\n`;
    const { refs: found } = refs(text);
    expect(found).toHaveLength(100);
  });
});
