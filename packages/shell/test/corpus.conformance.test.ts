import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { initShell, parseInstructionShell, type ShellCommand, type ShellWord } from "@shipshape/shell";
import { instructionFrom } from "./dockerfile-snippet.js";
import { corpus, files } from "./corpus-files.js";


/** Start offsets of shell-form RUN lines without flags (the snippet helper does not read flags). */
function runStarts(text: string): number[] {
  const starts: number[] = [];
  const re = /^RUN[ \t]+(?!-|\[)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index);
  return starts;
}

/** What BuildKit makes of a source span: continuations removed, comment and blank lines inside dropped. */
function joinContinuations(span: string, escape: "\\" | "`" = "\\"): string {
  const continuation = escape === "`" ? /`[ \t]*\r?$/ : /\\[ \t]*\r?$/;
  return span.split("\n").map((line, i) => {
    if (i > 0 && (/^[ \t]*#/.test(line) || line.trim() === "")) return "";
    return line.replace(continuation, "");
  }).join("");
}

beforeAll(() => initShell());

describe("shell commands of every RUN in the corpus", () => {
  it("never throws, and every word's range holds exactly its text when no continuation splits it", () => {
    let runs = 0;
    let words = 0;
    let commands = 0;
    const mismatches: string[] = [];
    for (const file of files(corpus)) {
      const text = readFileSync(file, "utf8").replace(/\r\n/g, "\n");
      for (const start of runStarts(text)) {
        const source = text.slice(start);
        const instr = instructionFrom(source);
        const scripts = parseInstructionShell(instr);
        runs++;
        for (const { script } of scripts) {
          commands += script.commands.length;
          for (const cmd of script.commands) {
            const all: ShellWord[] = [...(cmd.name ? [cmd.name] : []), ...cmd.args, ...cmd.assignments.flatMap((a) => (a.value ? [a.value] : []))];
            for (const w of all) {
              words++;
              const slice = source.slice(w.range.start, w.range.end);
              // Only continuations (joined lines) may make the source differ from the word as written.
              if (!slice.includes("\n") && slice !== w.raw) mismatches.push(`${path.relative(corpus, file)}: ${JSON.stringify(w.raw)} vs ${JSON.stringify(slice)}`);
              if (slice.includes("\n") && slice !== w.raw && joinContinuations(slice) !== w.raw) {
                mismatches.push(`${path.relative(corpus, file)}: joined ${JSON.stringify(w.raw)} vs ${JSON.stringify(slice)}`);
              }
            }
          }
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(runs).toBeGreaterThan(2000);
    expect(commands).toBeGreaterThan(runs);
    expect(words).toBeGreaterThan(commands);
  });
});

/** Problems with one command's words: a range that does not hold the word as written. */
function wordProblems(source: string, cmd: ShellCommand, where: string, escape: "\\" | "`"): string[] {
  const out: string[] = [];
  const all: ShellWord[] = [...(cmd.name ? [cmd.name] : []), ...cmd.args, ...cmd.assignments.flatMap((a) => (a.value ? [a.value] : []))];
  for (const w of all) {
    const slice = source.slice(w.range.start, w.range.end);
    if (slice !== w.raw && joinContinuations(slice, escape) !== w.raw) out.push(`${where}: ${JSON.stringify(w.raw)} vs ${JSON.stringify(slice)}`);
  }
  return out;
}

describe("shell commands of every instruction through parseDockerfile", () => {
  it("never throws, and word ranges hold their text, heredocs and flags included", () => {
    let scripts = 0;
    const problems: string[] = [];
    for (const file of files(corpus)) {
      const source = readFileSync(file, "utf8");
      const { ast } = parseDockerfile(source);
      for (const instr of ast.instructions) {
        for (const s of parseInstructionShell(instr)) {
          scripts++;
          if (s.kind === "exec-form") {
            // Exec-form words are JSON string literals: the range holds the literal of the value.
            for (const w of [s.script.commands[0].name!, ...s.script.commands[0].args]) {
              if (JSON.parse(source.slice(w.range.start, w.range.end)) !== w.value) problems.push(`${path.relative(corpus, file)}: exec-form ${w.value}`);
            }
            continue;
          }
          for (const cmd of s.script.commands) problems.push(...wordProblems(source, cmd, path.relative(corpus, file), ast.escape));
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(scripts).toBeGreaterThan(2500);
  });
});
