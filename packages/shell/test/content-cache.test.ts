import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile, type Instruction } from "@shipshape/dockerfile";
import { clearShellParseCache, initShell, parseInstructionShell } from "@shipshape/shell";

beforeAll(() => initShell());

const runs = (text: string): Instruction[] => parseDockerfile(text).ast.instructions.filter((i) => i.kind === "Run");
const commandTexts = (text: string, instr: Instruction) =>
  parseInstructionShell(instr).flatMap((s) => s.script.commands.map((c) => text.slice(c.range.start, c.range.end)));

describe("parsed scripts shared between parses of the same content", () => {
  it("gives a re-parsed, unmoved instruction the same script, with its own instruction node", () => {
    clearShellParseCache();
    const text = "FROM alpine\nRUN apk add curl && \\\n  rm -rf /tmp/*\n";
    const [a] = runs(text);
    const [b] = runs(`${text}# edited below\n`);
    const [sa] = parseInstructionShell(a!);
    const [sb] = parseInstructionShell(b!);
    expect(sb!.script).toBe(sa!.script);
    expect(sb!.instruction).toBe(b);
    expect(commandTexts(text, b!)).toEqual(["apk add curl", "rm -rf /tmp/*"]);
  });

  it("parses a moved instruction again, so its ranges follow it", () => {
    clearShellParseCache();
    const text = "FROM alpine\nRUN apk add curl\n";
    const moved = `# a new first line\n${text}`;
    const [a] = runs(text);
    const [b] = runs(moved);
    expect(parseInstructionShell(b!)[0]!.script).not.toBe(parseInstructionShell(a!)[0]!.script);
    expect(commandTexts(moved, b!)).toEqual(["apk add curl"]);
  });

  it("tells instructions apart by their heredoc bodies and by how continuations map", () => {
    clearShellParseCache();
    const one = "FROM alpine\nRUN <<EOF\napk add curl\nEOF\n";
    const two = "FROM alpine\nRUN <<EOF\napk add wget\nEOF\n";
    expect(commandTexts(one, runs(one)[0]!)).toEqual(["apk add curl"]);
    expect(commandTexts(two, runs(two)[0]!)).toEqual(["apk add wget"]);
    // Same logical text, different continuation layout: the ranges differ.
    const flat = "FROM alpine\nRUN ls -l\n";
    const split = "FROM alpine\nRUN ls \\\n-l\n";
    expect(commandTexts(flat, runs(flat)[0]!)).toEqual(["ls -l"]);
    expect(commandTexts(split, runs(split)[0]!)).toEqual(["ls \\\n-l"]);
  });

  it("keeps the same text at several places of a file, each with its own ranges, across re-parses", () => {
    clearShellParseCache();
    const text = "FROM alpine AS a\nRUN apk update\nFROM alpine AS b\nRUN apk update\n";
    const [a1, b1] = runs(text);
    const [a2, b2] = runs(`${text}# edited below\n`);
    const first = [parseInstructionShell(a1!)[0]!.script, parseInstructionShell(b1!)[0]!.script];
    expect(first[0]).not.toBe(first[1]);
    expect(parseInstructionShell(a2!)[0]!.script).toBe(first[0]);
    expect(parseInstructionShell(b2!)[0]!.script).toBe(first[1]);
    expect(commandTexts(text, b2!)).toEqual(["apk update"]);
    expect(parseInstructionShell(b2!)[0]!.script.commands[0]!.range.start).toBe(text.lastIndexOf("apk update"));
  });
});

describe("parseInstructionShell with a filter", () => {
  it("parses and gives only the kept scripts, without changing what an unfiltered call gets", () => {
    clearShellParseCache();
    const text = 'FROM alpine\nRUN <<EOF bash\napk add curl\nEOF\nRUN ["echo", "hi"]\n';
    const [heredoc, exec] = runs(text);
    const askedHeredoc: string[] = [];
    const onlyStdin = parseInstructionShell(heredoc!, (s) => (askedHeredoc.push(s.kind), s.interpreter !== undefined));
    expect(onlyStdin.map((s) => s.kind)).toEqual(["heredoc-stdin"]);
    // The filter is asked about every script before any is parsed: the RUN line and the heredoc body.
    expect(askedHeredoc.sort()).toEqual(["heredoc-stdin", "shell-form"]);
    expect(parseInstructionShell(heredoc!).map((s) => s.kind).sort()).toEqual(["heredoc-stdin", "shell-form"]);
    expect(parseInstructionShell(exec!, () => false)).toEqual([]);
    expect(parseInstructionShell(exec!).map((s) => s.kind)).toEqual(["exec-form"]);
  });

  it("hands back the shared list itself when the filter keeps everything", () => {
    clearShellParseCache();
    const [run] = runs("FROM alpine\nRUN apk add curl\n");
    const all = parseInstructionShell(run!);
    expect(parseInstructionShell(run!, () => true)).toBe(all);
  });
});
