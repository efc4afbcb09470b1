import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile, type Instruction } from "@shipshape/dockerfile";
import { clearShellParseCache, initShell, parseInstructionShell } from "@shipshape/shell";

beforeAll(() => initShell());

const runs = (text: string): Instruction[] => parseDockerfile(text).ast.instructions.filter((i) => i.kind === "Run");

describe("the same RUN line in every stage of a file", () => {
  it("keeps each copy's parse across edits elsewhere, for as many stages as a generated file has", () => {
    clearShellParseCache();
    const stages = 30;
    let text = "";
    for (let i = 0; i < stages; i++) text += `FROM alpine AS s${i}\nRUN apk update && apk add curl\n`;
    const before = runs(text).map((r) => parseInstructionShell(r)[0]!.script);
    expect(new Set(before).size).toBe(stages);
    const after = runs(`${text}# an edit below every stage\n`).map((r) => parseInstructionShell(r)[0]!.script);
    for (let i = 0; i < stages; i++) expect(after[i], `stage ${i}`).toBe(before[i]);
    // Each copy keeps its own ranges.
    after.forEach((s, i) => {
      const start = s.commands[0]!.range.start;
      expect(text.slice(start, start + 10)).toBe("apk update");
      expect(text.slice(0, start).split("FROM").length - 1).toBe(i + 1);
    });
  });
});
