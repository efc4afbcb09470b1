import { beforeAll, describe, expect, it } from "vitest";
import { initShell, parseInstructionShell, parseShell, shellScriptsOf, type ShellCommand } from "@shipshape/shell";
import { instructionFrom } from "./dockerfile-snippet.js";
import { actual, instructionCases } from "./instruction-cases.js";

beforeAll(() => initShell());

function commandsOf(source: string): ShellCommand[] {
  return parseInstructionShell(instructionFrom(source)).flatMap((s) => s.script.commands);
}

describe("commands of Dockerfile instructions", () => {
  it.each(instructionCases)("$name", ({ source, commands }) => {
    expect(actual(source, commandsOf(source))).toEqual(commands);
  });
});

describe("command ranges", () => {
  it("cover the command across continuations, from assignment to last redirect", () => {
    const source = "RUN A=1 make \\\n  all >/log && ls";
    const [make, ls] = commandsOf(source);
    expect(source.slice(make.range.start, make.range.end)).toBe("A=1 make \\\n  all >/log");
    expect(source.slice(ls.range.start, ls.range.end)).toBe("ls");
  });

  it("map heredoc-script commands straight into the body", () => {
    const source = "RUN <<EOF\n  apt-get update\nEOF\n";
    const [cmd] = commandsOf(source);
    expect(source.slice(cmd.range.start, cmd.range.end)).toBe("apt-get update");
    expect(cmd.range.start).toBe(source.indexOf("apt-get"));
  });

  it("map assignments, their values and redirect targets", () => {
    const source = "RUN PIP_NO_CACHE_DIR=1 \\\n  pip install -r req.txt 2>/dev/null";
    const [cmd] = commandsOf(source);
    const a = cmd.assignments[0];
    expect(a.name).toBe("PIP_NO_CACHE_DIR");
    expect(source.slice(a.nameRange.start, a.nameRange.end)).toBe("PIP_NO_CACHE_DIR");
    expect(source.slice(a.value!.range.start, a.value!.range.end)).toBe("1");
    const r = cmd.redirects[0];
    expect([r.operator, r.fd, r.target?.value]).toEqual([">", 2, "/dev/null"]);
    expect(source.slice(r.range.start, r.range.end)).toBe("2>/dev/null");
  });
});

describe("shellScriptsOf", () => {
  it("gives the shell-form text and maps it through the segments", () => {
    const source = "RUN echo a \\\n  && echo b";
    const [s] = shellScriptsOf(instructionFrom(source));
    expect(s.kind).toBe("shell-form");
    expect(s.text).toBe("echo a   && echo b");
    expect(s.toSource(s.text.indexOf("&&"))).toBe(source.indexOf("&&"));
  });

  it("treats a heredoc-only RUN as a script and reads its shebang", () => {
    const source = "RUN <<EOF\n#!/usr/bin/env python3\nprint('hi')\nEOF\n";
    const scripts = shellScriptsOf(instructionFrom(source));
    expect(scripts.map((s) => [s.kind, s.interpreter])).toEqual([["heredoc-script", "python3"]]);
    // A python script is not parsed as shell.
    expect(parseInstructionShell(instructionFrom(source))).toEqual([]);
  });

  it("composes the line and the heredoc bodies, and finds heredocs fed to a shell", () => {
    const source = "RUN <<EOF bash -e\necho $HOME\nEOF\n";
    const scripts = shellScriptsOf(instructionFrom(source));
    expect(scripts.map((s) => [s.kind, s.interpreter, s.text])).toEqual([
      // The leading heredoc is moved after the command for tree-sitter: same meaning in POSIX sh.
      ["shell-form", undefined, "bash -e <<EOF\necho $HOME\nEOF"],
      ["heredoc-stdin", "bash", "echo $HOME\n"],
    ]);
    const composed = scripts[0];
    expect(composed.toSource(composed.text.lastIndexOf("EOF"))).toBe(source.lastIndexOf("EOF"));
    expect(composed.toSource(composed.text.indexOf("$HOME"))).toBe(source.indexOf("$HOME"));
  });

  it("gives nothing for exec form and for other instructions", () => {
    expect(shellScriptsOf(instructionFrom('RUN ["apt-get", "update"]'))).toEqual([]);
  });

  it("looks into ONBUILD triggers", () => {
    const trigger = instructionFrom("RUN make");
    const onbuild = { ...trigger, kind: "Onbuild" as const, keyword: "ONBUILD", trigger };
    expect(shellScriptsOf(onbuild).map((s) => s.text)).toEqual(["make"]);
  });
});

describe("parseShell robustness", () => {
  it.each([
    'echo "unterminated',
    "if then fi",
    "a && && b",
    "$(",
    "cat <<EOF",
    "",
    "\\",
    "}}}{{{",
  ])("never throws on %j", (text) => {
    expect(() => parseShell(text)).not.toThrow();
  });

  it("reports syntax errors with ranges and keeps the commands it recognised", () => {
    const s = parseShell('ls -l && echo "open');
    expect(s.hasSyntaxError).toBe(true);
    expect(s.errors.length).toBeGreaterThan(0);
    expect(s.commands[0].name?.value).toBe("ls");
  });

  it("collects comments", () => {
    const s = parseShell("ls # list\n# shellcheck disable=SC2086\necho $x");
    expect(s.comments.map((c) => c.text)).toEqual([" list", " shellcheck disable=SC2086"]);
  });
});

describe("heredoc redirects", () => {
  it("keep the line's redirects and arguments on the command that reads the heredoc", () => {
    const source = "RUN cat <<-'EOT' > /etc/motd\n\thello $USER\n\tEOT\n";
    const [cat] = commandsOf(source);
    expect(cat.redirects.map((r) => [r.operator, r.target?.value])).toEqual([["<<-", "'EOT'"], [">", "/etc/motd"]]);
    const h = cat.redirects[0].heredoc!;
    expect([h.delimiter, h.expand, h.chomp, h.body]).toEqual(["EOT", false, true, "\thello $USER\n"]);
    expect(source.slice(h.bodyRange.start, h.bodyRange.end)).toBe("\thello $USER\n");
  });

  it("cover the moved marker and the command of `RUN <<EOF bash`", () => {
    const source = "RUN <<EOF bash -e\nls\nEOF\n";
    const [bash] = commandsOf(source);
    expect(source.slice(bash.name!.range.start, bash.name!.range.end)).toBe("bash");
    expect(source.slice(bash.range.start, bash.range.end)).toBe("<<EOF bash -e");
  });
});
