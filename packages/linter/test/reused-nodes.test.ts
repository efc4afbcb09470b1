/**
 * An editor re-parses with the previous parse (`parseDockerfile(text, { previous })`), which keeps the
 * nodes of instructions an edit did not touch. What the linter keeps per node must still follow the
 * context that changed around it.
 */
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { initShell } from "@shipshape/shell";
import { LintSession } from "../src/lint.js";

await initShell();

// Same length and offsets in both versions: only the stage `app` builds on changes.
const POSIX = ["FROM alpine:3.20 AS posix", "FROM mcr.microsoft.com/powershell:7.4 AS winps", 'SHELL ["pwsh", "-Command"]', "FROM posix AS app", "RUN apk add curl", ""].join("\n");
const PWSH = POSIX.replace("FROM posix AS app", "FROM winps AS app");

describe("a RUN node kept across an edit of its stage's base", () => {
  it("is read with the shell in force after the edit", async () => {
    const session = new LintSession({ noConfigSearch: true });
    const lintCodes = async (text: string, parsed: ReturnType<typeof parseDockerfile>) =>
      (await session.lintFile({ path: "Dockerfile", text, parsed })).diagnostics.map((d) => d.code);
    const first = parseDockerfile(POSIX);
    expect(await lintCodes(POSIX, first)).toContain("DL3019");
    const second = parseDockerfile(PWSH, { previous: first });
    // The RUN node is the same object: the edit did not touch it.
    expect(second.ast.instructions[4]).toBe(first.ast.instructions[4]);
    // A PowerShell stage gets no POSIX shell rules.
    expect(await lintCodes(PWSH, second)).not.toContain("DL3019");
    // And back again.
    const third = parseDockerfile(POSIX, { previous: second });
    expect(third.ast.instructions[4]).toBe(first.ast.instructions[4]);
    expect(await lintCodes(POSIX, third)).toContain("DL3019");
  });
});
