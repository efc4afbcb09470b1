import { describe, expect, it } from "vitest";
import { execFormCommand, isPosixShell, shebangInterpreter, shellDialect, type ShellWord } from "@shipshape/shell";
import type { JsonForm } from "@shipshape/dockerfile";

describe("isPosixShell", () => {
  it.each([
    [[], true],
    [["/bin/sh", "-c"], true],
    [["/bin/bash", "-o", "pipefail", "-c"], true],
    [["/usr/bin/env", "bash", "-c"], true],
    [["powershell", "-Command"], false],
    [["pwsh", "-c"], false],
    [["C:\\Program Files\\PowerShell\\7\\pwsh.exe", "-Command"], false],
    [["cmd", "/S", "/C"], false],
    [["CMD.EXE", "/C"], false],
  ])("%j -> %s", (argv, expected) => {
    expect(isPosixShell(argv)).toBe(expected);
  });
});

describe("shellDialect", () => {
  it.each([
    [[], "sh"],
    [["/bin/sh", "-c"], "sh"],
    [["/bin/ash", "-eo", "pipefail", "-c"], "sh"],
    [["/bin/bash", "-c"], "bash"],
    [["/usr/bin/env", "-S", "bash", "-c"], "bash"],
    [["dash", "-c"], "dash"],
    [["/bin/mksh", "-c"], "ksh"],
    [["zsh", "-c"], undefined],
    [["pwsh", "-c"], undefined],
    ["bash", "bash"],
    ["/usr/bin/python3", undefined],
  ] as const)("%j -> %s", (input, expected) => {
    expect(shellDialect(input as string | string[])).toBe(expected);
  });
});

describe("shebangInterpreter", () => {
  it.each([
    ["#!/bin/bash\necho", "bash"],
    ["#!/bin/sh -e\nx", "sh"],
    ["#!/usr/bin/env python3\nprint()", "python3"],
    ["#!/usr/bin/env -S node --no-warnings\n", "node"],
    ["echo hi\n", undefined],
    ["#!\n", undefined],
  ])("%j -> %s", (content, expected) => {
    expect(shebangInterpreter(content)).toBe(expected);
  });
});

describe("execFormCommand", () => {
  const word = (value: string, start: number): ShellWord & { range: { start: number; end: number } } =>
    ({ value, raw: value, range: { start, end: start + value.length + 2 }, scriptRange: { start, end: start + value.length + 2 }, isStatic: true, hasExpansion: false, quoted: true });

  it("uses the first element as the name and keeps each literal's range", () => {
    const form: JsonForm = { kind: "JsonForm", range: { start: 4, end: 30 }, elements: [word("apt-get", 5), word("install", 16), word("-y", 27)] };
    const cmd = execFormCommand(form)!;
    expect(cmd.name?.value).toBe("apt-get");
    expect(cmd.args.map((a) => [a.value, a.range.start])).toEqual([["install", 16], ["-y", 27]]);
    expect(cmd.range).toEqual({ start: 4, end: 30 });
  });

  it("gives nothing for an empty array", () => {
    expect(execFormCommand({ kind: "JsonForm", range: { start: 0, end: 2 }, elements: [] })).toBeUndefined();
  });
});
