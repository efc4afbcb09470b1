import { describe, expect, it } from "vitest";
import { dumpBuildkit, instructionAt, parseDockerfile, sourceOffset } from "@shipshape/dockerfile";
import { parseHeredocWord } from "../src/heredoc-markers.js";
import { rangeProblems } from "./nesting.js";

function parse(text: string) {
  const result = parseDockerfile(text);
  expect(rangeProblems(result.ast, text.length)).toEqual([]);
  return result;
}

const dump = (text: string) => {
  const r = dumpBuildkit(text);
  return r.ok ? r.output : `ERROR ${r.error}`;
};

describe("continuations", () => {
  it("joins lines without a separator and skips comment and blank lines inside", () => {
    const text = "RUN echo a \\\n# a comment\n\n   b \\  \n  c\nFROM x\n";
    const { ast } = parse(text);
    const run = ast.instructions[0];
    expect(run.original).toBe("RUN echo a    b   c");
    expect(run.startLine).toBe(1);
    expect(run.endLine).toBe(5);
    expect(run.emptyContinuationLines).toHaveLength(1);
    expect(ast.comments.map((c) => [c.text, c.insideInstruction])).toEqual([[" a comment", true]]);
    expect(dump(text)).toBe('(run "echo a    b   c")\n(from "x")\n');
  });

  it("maps logical offsets back to the source through segments", () => {
    const text = "RUN echo \\\n  hello\n";
    const run = parse(text).ast.instructions[0];
    const logical = run.original.indexOf("hello");
    expect(text.slice(sourceOffset(run, logical), sourceOffset(run, logical) + 5)).toBe("hello");
    const cmd = run.kind === "Run" ? run.command : undefined;
    expect(cmd && text.slice(cmd.range.start, cmd.range.end)).toBe("echo \\\n  hello");
  });

  it("an escaped escape does not continue; a lone escape line does", () => {
    expect(dump("RUN a\\\\\nRUN b\n")).toBe('(run "a\\\\\\\\")\n(run "b")\n');
    expect(dump("RUN a \\\n\\\nb\n")).toBe('(run "a b")\n');
  });

  it("empty parts on a line join stay inside their parents", () => {
    // found by the property test: empty image path, empty key, empty args, all-blank logical lines
    for (const text of ["FROM \\\n:", "LABEL \\\n=", "a=b\\\n \\\n", "\\\n \\\n", "ENV \\\n=x"]) parse(text);
  });

  it("a continuation at EOF ends the instruction", () => {
    const { ast, errors } = parse("RUN a \\");
    expect(errors).toEqual([]);
    expect(ast.instructions[0].original).toBe("RUN a ");
  });

  it("handles CRLF, lone CR as BuildKit does, and a BOM", () => {
    const crlf = "FROM a\r\nRUN b \\\r\n  c\r\n";
    expect(dump(crlf)).toBe('(from "a")\n(run "b   c")\n');
    const { ast } = parse(crlf);
    expect(crlf.slice(ast.instructions[1].range.start, ast.instructions[1].range.end)).toBe("RUN b \\\r\n  c");
    // BuildKit splits on \n only: a lone CR is whitespace inside one line
    expect(dump("FROM a\rb\n")).toBe('(from "a" "b")\n');
    const bom = parse("\ufeffFROM a\n").ast;
    expect(bom.bom).toBe(true);
    expect(bom.instructions[0].keywordWord.range).toEqual({ start: 1, end: 5 });
  });
});

describe("directives and escape", () => {
  it("reads directives only at the top and applies the backtick escape everywhere after", () => {
    const text = "# syntax=docker/dockerfile:1\n# escape=`\nFROM a\nRUN echo `\n  b\nCOPY C:\\src `\n  C:\\dst\n";
    const { ast, errors } = parse(text);
    expect(errors).toEqual([]);
    expect(ast.directives.map((d) => [d.name, d.value.value])).toEqual([
      ["syntax", "docker/dockerfile:1"],
      ["escape", "`"],
    ]);
    expect(ast.escape).toBe("`");
    expect(ast.instructions[1].original).toBe("RUN echo   b");
    expect(ast.instructions[2].kind === "Copy" && ast.instructions[2].paths.map((p) => p.value)).toEqual(["C:\\src", "C:\\dst"]);
  });

  it("a directive after a comment is an ordinary comment", () => {
    const { ast } = parse("# hello\n# escape=`\nFROM a\n");
    expect(ast.directives).toEqual([]);
    expect(ast.escape).toBe("\\");
  });

  it("keys are case-insensitive and whitespace around = is allowed", () => {
    const { ast } = parse("#  EScape = `\nFROM a\n");
    expect(ast.escape).toBe("`");
    expect(ast.directives[0].key.value).toBe("EScape");
  });

  it("reports duplicate directives and invalid escape tokens with their ranges", () => {
    const dup = "# escape=`\n# escape=\\\nFROM a\n";
    const e1 = parse(dup).errors;
    expect(e1.map((e) => [e.code, e.rule])).toEqual([["DF003", "duplicate-directive"]]);
    expect(dup.slice(e1[0].range.start, e1[0].range.end)).toBe("# escape=\\");
    const bad = "# escape=x\nFROM a\n";
    const e2 = parse(bad).errors;
    expect(e2.map((e) => e.code)).toEqual(["DF004"]);
    expect(bad.slice(e2[0].range.start, e2[0].range.end)).toBe("x");
  });

  it("prevComments collects the comments above an instruction", () => {
    const { ast } = parse("# one\n#\n# two\n# three\nFROM a\n");
    expect(ast.instructions[0].prevComments).toEqual(["two", "three"]);
  });
});

describe("heredocs", () => {
  it("reads bodies, several per line, with ranges", () => {
    const text = "COPY <<A <<-\"B\" /dst/\na body\nA\n\tb body\n\tB\nRUN x\n";
    const { ast, errors } = parse(text);
    expect(errors).toEqual([]);
    const copy = ast.instructions[0];
    expect(copy.heredocs.map((h) => [h.name, h.chomp, h.expand, h.content])).toEqual([
      ["A", false, true, "a body\n"],
      ["B", true, false, "\tb body\n"],
    ]);
    expect(text.slice(copy.heredocs[1].marker.range.start, copy.heredocs[1].marker.range.end)).toBe('<<-"B"');
    expect(text.slice(copy.heredocs[0].contentRange.start, copy.heredocs[0].contentRange.end)).toBe("a body\n");
    const term = copy.heredocs[1].terminatorRange!;
    expect(text.slice(term.start, term.end)).toBe("\tB");
    expect(copy.endLine).toBe(5);
    expect(ast.instructions[1].keyword).toBe("RUN");
    expect(dump(text)).toBe('(copy "<<A" "<<-\\"B\\"" "/dst/")\n(run "x")\n');
  });

  it("body lines are not comments or continuations", () => {
    const { ast } = parse("RUN <<EOF\n# not a comment \\\nEOF\n");
    expect(ast.comments).toEqual([]);
    expect(ast.instructions[0].heredocs[0].content).toBe("# not a comment \\\n");
  });

  it("ONBUILD RUN heredoc and file descriptors", () => {
    const { ast } = parse("ONBUILD RUN 3<<EOF cat\nx\nEOF\n");
    const onbuild = ast.instructions[0];
    expect(onbuild.kind).toBe("Onbuild");
    expect(onbuild.kind === "Onbuild" && onbuild.trigger?.heredocs[0].fileDescriptor).toBe(3);
  });

  it("a heredoc on a non-eligible instruction is not consumed", () => {
    expect(dump("FROM a\nUSER <<INVALID\nINVALID\n")).toBe('(from "a")\n(user "<<INVALID")\n(invalid "")\n');
  });

  it("reports an unterminated heredoc at its marker", () => {
    const text = "FROM a\nRUN <<EOF\necho\n";
    const { errors, ast } = parse(text);
    expect(errors.map((e) => e.code)).toEqual(["DF008"]);
    expect(text.slice(errors[0].range.start, errors[0].range.end)).toBe("<<EOF");
    expect(ast.instructions[1].heredocs[0].terminatorRange).toBeUndefined();
  });

  it("a line the shell lexer refuses has no heredocs, as in BuildKit", () => {
    const text = "FROM a\nRUN <<EOF'\nx\n";
    const { errors, ast } = parse(text);
    expect(errors).toEqual([]);
    expect(ast.instructions[1].heredocs).toEqual([]);
    expect(dump(text)).toBe('(from "a")\n(run "<<EOF\'")\n(x "")\n');
  });

  it("delimiter words: quoting decides expansion; unterminated quotes are errors", () => {
    expect(parseHeredocWord("<<'e'o\\'f")).toMatchObject({ name: "eo'f", expand: false });
    expect(parseHeredocWord("<<eo\\'f")).toMatchObject({ name: "eo'f", expand: true });
    expect(parseHeredocWord("<<'one two'")).toMatchObject({ name: "one two", expand: false });
    expect(parseHeredocWord("<<$EOF")).toMatchObject({ name: "$EOF", expand: true });
    expect(parseHeredocWord("<<'EOF")).toHaveProperty("error");
    expect(parseHeredocWord("<<EOF sh")).toBeUndefined();
  });
});

describe("errors", () => {
  it("empty and comment-only files have no instructions", () => {
    for (const text of ["", "# just a comment\n\n"]) {
      const { errors } = parse(text);
      expect(errors.map((e) => [e.code, e.severity, e.category])).toEqual([["DF001", "error", "syntax"]]);
    }
  });

  it("JSON arrays with non-strings", () => {
    const text = 'FROM a\nCMD ["a", 1]\nRUN ok\n';
    const { errors, ast } = parse(text);
    expect(errors.map((e) => e.code)).toEqual(["DF005"]);
    expect(text.slice(errors[0].range.start, errors[0].range.end)).toBe("1");
    expect(ast.instructions).toHaveLength(3);
  });

  it("ENV without value and ENV words without =", () => {
    const text = "FROM a\nENV PATH\nENV A=1 B\nLABEL x\n";
    const { errors } = parse(text);
    expect(errors.map((e) => e.code)).toEqual(["DF006", "DF007", "DF006"]);
    expect(text.slice(errors[1].range.start, errors[1].range.end)).toBe("B");
    expect(errors[0].message).toBe("ENV must have two arguments");
    expect(errors[2].message).toBe("LABEL must have two arguments");
  });

  it("a line longer than 65535 bytes", () => {
    const { errors } = parse(`FROM a\nRUN ${"é".repeat(40000)}\n`);
    expect(errors.map((e) => e.code)).toEqual(["DF002"]);
    // 65535 bytes is the limit, counted on the raw line (a BOM adds 3 bytes)
    const longest = `FROM ${"a".repeat(65530)}`;
    expect(parse(longest).errors).toEqual([]);
    expect(parse(`\ufeff${longest}`).errors.map((e) => e.code)).toEqual(["DF002"]);
    expect(parse(`${longest}a`).errors.map((e) => e.code)).toEqual(["DF002"]);
  });
});

describe("deep ONBUILD nesting", () => {
  it("does not exhaust the stack; triggers deeper than 32 levels get no node", () => {
    const text = `${"ONBUILD ".repeat(5000)}RUN x\n`;
    const { ast, errors } = parse(text);
    expect(errors).toEqual([]);
    let depth = 0;
    for (let i = ast.instructions[0]; i.kind === "Onbuild" && i.trigger; i = i.trigger) depth++;
    expect(depth).toBe(32);
    expect(dump(text)).toBe(`(${"onbuild (".repeat(5000)}run "x"${")".repeat(5000)})\n`);
  });
});

describe("queries", () => {
  it("instructionAt finds the instruction at an offset", () => {
    const text = "FROM a\n\nRUN b \\\n  c\n";
    const { ast } = parse(text);
    expect(instructionAt(ast, text.indexOf("c"))?.keyword).toBe("RUN");
    expect(instructionAt(ast, 2)?.keyword).toBe("FROM");
    expect(instructionAt(ast, 7)).toBeUndefined();
  });
});
