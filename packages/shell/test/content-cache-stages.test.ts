import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile, type Instruction } from "@shipshape/dockerfile";
import { clearShellParseCache, initShell, parseInstructionShell } from "@shipshape/shell";

beforeAll(() => initShell());

const runs = (text: string): Instruction[] => parseDockerfile(text).ast.instructions.filter((i) => i.kind === "Run");

describe("the same RUN line in every stage of a file", () => {
  it("gives each copy its own ranges, across re-parses with the copies moved, beyond the places a text is kept at", () => {
    clearShellParseCache();
    const stages = 30;
    let text = "";
    for (let i = 0; i < stages; i++) text += `FROM alpine AS s${i}\nRUN apk update && apk add curl\n`;
    const check = (source: string) =>
      runs(source).forEach((r, i) => {
        const [first, second] = parseInstructionShell(r)[0]!.script.commands;
        expect(source.slice(first!.range.start, first!.range.end), `stage ${i}`).toBe("apk update");
        expect(source.slice(second!.range.start, second!.range.end), `stage ${i}`).toBe("apk add curl");
        expect(source.slice(0, first!.range.start).split("FROM").length - 1, `stage ${i}`).toBe(i + 1);
      });
    check(text);
    check(text); // every copy again, from the caches
    check(`# one line above moves every copy\n${text}`);
    check(`# two lines above\n# move them again\n${text}`);
  });
});
