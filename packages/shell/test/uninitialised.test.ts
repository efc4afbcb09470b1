// No initShell() in this file: each vitest test file gets fresh modules, so the parser is not loaded.
import { describe, expect, it } from "vitest";
import { isShellReady, parseInstructionShell, parseShell, shellScriptsOf, shellTokens } from "@shipshape/shell";
import { instructionFrom } from "./dockerfile-snippet.js";

describe("before initShell()", () => {
  it("parseShell returns an empty, unparsed script instead of throwing", () => {
    expect(isShellReady()).toBe(false);
    const s = parseShell("apt-get update && ls");
    expect([s.parsed, s.commands, s.hasSyntaxError]).toEqual([false, [], false]);
    expect(shellTokens(s)).toEqual([]);
  });

  it("shellScriptsOf still maps the text (stdin heredocs need the parser and are left out)", () => {
    const scripts = shellScriptsOf(instructionFrom("RUN <<EOF bash\nls\nEOF\n"));
    expect(scripts.map((s) => s.kind)).toEqual(["shell-form"]);
    expect(parseInstructionShell(instructionFrom("RUN ls"))[0].script.parsed).toBe(false);
  });
});
