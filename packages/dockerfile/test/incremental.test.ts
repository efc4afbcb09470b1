import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMovedCopy, parseDockerfile, type ParseResult } from "@shipshape/dockerfile";
import { aliases, expectKept } from "./reuse-check.js";

/** Starting points with every construct whose parse depends on more than its own line. */
const SAMPLES = [
  "FROM alpine AS base\nRUN apk add curl\nCOPY . /src\nWORKDIR /src\nCMD [\"sh\"]\n",
  "# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows AS w\nRUN dir `\n  c:\\ `\n  && echo $A\nENV A=1 `\n    B=2\n",
  "FROM debian\n# a comment before RUN\n# and another\nRUN apt-get update \\\n  # inside\n\n  && apt-get install -y x\nLABEL a=b\n",
  "FROM alpine\nRUN <<EOF\necho one\necho ${HOME}\nEOF\nCOPY <<-A <<B /dst\n\tbody $X\n\tA\nsecond\nB\nRUN echo after\n",
  "\ufeffFROM scratch\r\nONBUILD RUN echo $x\r\nONBUILD COPY <<EOF /f\r\nhi\r\nEOF\r\nONBUILD ONBUILD ENV a b\r\nEXPOSE 80/tcp ${P}\r\n",
  "ARG BASE=alpine\nFROM ${BASE}\nRUN --mount=type=cache,target=/root/.cache \\\n    --network=none pip install x\nHEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\nUSER app:app\nSTOPSIGNAL SIGTERM\nVOLUME [\"/data\"]\nSHELL [\"/bin/bash\", \"-c\"]\n",
  "FROM a\nRUN x \\\n\nENV =\nLABEL\nRUN [\"a\", 1]\nFOO bar\nRUN \\\n# only a comment\n",
  // lines that split differently under the other escape character
  "FROM a\nENV a=b\\ c d=e`  f\nCOPY a\\ b c` d /e\nLABEL x=\"a\\\"b\" y=\"a`\"b\"\n",
];

/** What an edit inserts: the awkward pieces as well as plain typing. */
const INSERTS = [
  "", "x", " ", "a b", "\n", "\r\n", "\\", "\\\n", "`", "`\n", "#", "# c\n", "# escape=`\n", "# escape=\\\n",
  "# syntax=x\n", "RUN echo hi\n", "FROM b AS c\n", "ONBUILD ", "<<EOF", "<<EOF\n", "EOF\n", "\tEOF\n", "<<-EOF ",
  "$", "${A}", "${", "}", "=", "\"", "'", "[", "]", "--mount=type=bind,target=/x ", "\ufeff", "\r", "\n\n",
];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 12 })),
  insert: fc.constantFrom(...INSERTS),
});

function apply(text: string, edit: Edit): { text: string; start: number } {
  const start = edit.at % (text.length + 1);
  const end = Math.min(text.length, start + edit.remove);
  return { text: text.slice(0, start) + edit.insert + text.slice(end), start };
}

describe("parseDockerfile with a previous parse", () => {
  it("random edit chains: the same result as a full parse, unchanged nodes kept", () => {
    let keptTotal = 0;
    let rebuiltTotal = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SAMPLES), fc.array(editArb, { minLength: 1, maxLength: 15 }), fc.boolean(), (sample, edits, fromFull) => {
        let text = sample;
        let previous = parseDockerfile(text);
        for (const edit of edits) {
          const next = apply(text, edit);
          text = next.text;
          const full = parseDockerfile(text);
          const incremental = parseDockerfile(text, { previous });
          expect(incremental).toStrictEqual(full);
          expect(aliases(incremental.ast)).toEqual(aliases(full.ast));
          const kept = expectKept(previous, incremental, next.start);
          keptTotal += kept;
          rebuiltTotal += incremental.ast.instructions.filter((n) => !previous.ast.instructions.includes(n)).length;
          // chain through both kinds of previous result: an incremental one and a plain one
          previous = fromFull ? full : incremental;
        }
      }),
      { numRuns: 600, seed: 20261123 },
    );
    // the property is not vacuous: many nodes were kept and many rebuilt
    expect(keptTotal).toBeGreaterThan(1000);
    expect(rebuiltTotal).toBeGreaterThan(1000);
  }, 120_000);

  it("keeps the instructions before an edit and rebuilds the moved ones after it", () => {
    const text = "FROM a\nRUN one\nRUN two\nRUN three\n";
    const before = parseDockerfile(text);
    const edited = text.replace("two", "two2");
    const after = parseDockerfile(edited, { previous: before });
    expect(after).toStrictEqual(parseDockerfile(edited));
    const [from, one, two, three] = after.ast.instructions;
    expect(from).toBe(before.ast.instructions[0]);
    expect(one).toBe(before.ast.instructions[1]);
    expect(two).not.toBe(before.ast.instructions[2]);
    expect(three).not.toBe(before.ast.instructions[3]);
  });

  it("moves the instructions after an edit: copies of the earlier nodes, equal to a fresh build and sharing alike", () => {
    const text = SAMPLES.join("");
    const before = parseDockerfile(text);
    const edited = text.replace("FROM alpine AS base\n", "FROM alpine AS base\nRUN added \\\n  here\n");
    const after = parseDockerfile(edited, { previous: before });
    const full = parseDockerfile(edited);
    expect(after).toStrictEqual(full);
    expect(aliases(after.ast)).toEqual(aliases(full.ast));
    // the copies hold the new scan's parts, as a fresh build does
    expect(aliases(after.ast).length).toBeGreaterThan(10);
    const old = before.ast.instructions;
    expect(after.ast.instructions).toHaveLength(old.length + 1);
    for (const [i, node] of after.ast.instructions.slice(2).entries()) {
      expect(node).not.toBe(old[i + 1]);
      expect(node.startLine).toBe(old[i + 1].startLine + 2);
      expect(node.range.start).toBe(old[i + 1].range.start + "RUN added \\\n  here\n".length);
    }
    // consumers can tell the copies (and only them) from built or kept nodes
    expect(after.ast.instructions.map(isMovedCopy)).toEqual(after.ast.instructions.map((_, i) => i >= 2));
    expect(full.ast.instructions.some(isMovedCopy)).toBe(false);
  });

  it("keeps the instructions after an edit that did not move them (same length)", () => {
    const text = "FROM a\nRUN one\nRUN two\n";
    const before = parseDockerfile(text);
    const edited = "FROM a\nRUN uno\nRUN two\n";
    const after = parseDockerfile(edited, { previous: before });
    expect(after).toStrictEqual(parseDockerfile(edited));
    expect(after.ast.instructions[0]).toBe(before.ast.instructions[0]);
    expect(after.ast.instructions[1]).not.toBe(before.ast.instructions[1]);
    expect(after.ast.instructions[2]).toBe(before.ast.instructions[2]);
  });

  it("rebuilds an instruction at the same offset whose line number changed", () => {
    const before = parseDockerfile("FROM a\nRUN xy\nRUN two\n");
    const edited = "FROM a\nRUN x\n\nRUN two\n";
    const after = parseDockerfile(edited, { previous: before });
    expect(after).toStrictEqual(parseDockerfile(edited));
    expect(after.ast.instructions[2].range).toEqual(before.ast.instructions[2].range);
    expect(after.ast.instructions[2]).not.toBe(before.ast.instructions[2]);
    expect(after.ast.instructions[2].startLine).toBe(4);
  });

  it("rebuilds every instruction when the escape directive changes", () => {
    const text = "# escape=\\\nFROM a\nRUN one `\n  two\n";
    const before = parseDockerfile(text);
    const edited = text.replace("escape=\\", "escape=`");
    const after = parseDockerfile(edited, { previous: before });
    expect(after).toStrictEqual(parseDockerfile(edited));
    for (const node of after.ast.instructions) expect(before.ast.instructions).not.toContain(node);
  });

  it("parses an unchanged line again when the escape directive changes its words", () => {
    const text = "FROM a\nENV a=b\\ c\n";
    const before = parseDockerfile(text);
    const edited = "# escape=`\n" + text;
    const after = parseDockerfile(edited, { previous: before });
    expect(after).toStrictEqual(parseDockerfile(edited));
    expect(after.errors.map((e) => e.message)).toEqual([expect.stringContaining("can't find = in")]);
    expect(parseDockerfile(text, { previous: after })).toStrictEqual(before);
  });

  it("rebuilds an instruction whose comments above it changed", () => {
    const text = "FROM a\n# note\nRUN one\n";
    const before = parseDockerfile(text);
    const edited = "FROM a\n# NOTE\nRUN one\n";
    const after = parseDockerfile(edited, { previous: before });
    expect(after).toStrictEqual(parseDockerfile(edited));
    expect(after.ast.instructions[0]).toBe(before.ast.instructions[0]);
    expect(after.ast.instructions[1]).not.toBe(before.ast.instructions[1]);
    expect(after.ast.instructions[1].prevComments).toEqual(["NOTE"]);
  });

  it("rebuilds an instruction whose heredoc body changed below its line", () => {
    const text = "FROM a\nRUN <<EOF\necho $A\nEOF\nRUN b\n";
    const before = parseDockerfile(text);
    const edited = text.replace("echo $A", "echo $B");
    const after = parseDockerfile(edited, { previous: before });
    expect(after).toStrictEqual(parseDockerfile(edited));
    expect(after.ast.instructions[1]).not.toBe(before.ast.instructions[1]);
    expect(after.ast.instructions[1].heredocs[0].content).toBe("echo $B\n");
  });

  it("rebuilds an instruction that the next line now continues", () => {
    const text = "FROM a\nRUN one\nRUN two\n";
    const before = parseDockerfile(text);
    const edited = "FROM a\nRUN one \\\nRUN two\n";
    const after = parseDockerfile(edited, { previous: before });
    expect(after).toStrictEqual(parseDockerfile(edited));
    expect(after.ast.instructions).toHaveLength(2);
    expect(after.ast.instructions[1]).not.toBe(before.ast.instructions[1]);
  });

  it("a previous result it did not make (or an empty one) only costs the reuse", () => {
    const text = "FROM a\nRUN b\n";
    const foreign: ParseResult = JSON.parse(JSON.stringify(parseDockerfile(text)));
    const after = parseDockerfile(text, { previous: foreign });
    expect(after).toStrictEqual(parseDockerfile(text));
    for (const node of after.ast.instructions) expect(foreign.ast.instructions).not.toContain(node);
    expect(parseDockerfile(text, { previous: parseDockerfile("") })).toStrictEqual(parseDockerfile(text));
  });
});
