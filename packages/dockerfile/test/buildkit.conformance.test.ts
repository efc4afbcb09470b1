import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectSyntax, dumpBuildkit, findDirective, parseDockerfile } from "@shipshape/dockerfile";
import { parseWords } from "../src/buildkit.js";
import { heredocMarkers, parseHeredocWord } from "../src/heredoc-markers.js";
import { parseJsonArray } from "../src/json.js";
import { parseLineNode } from "../src/buildkit.js";
import { rangeProblems } from "./nesting.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const corpus = path.resolve(repoRoot, "../shared/corpus");
const parserCorpus = path.join(corpus, "buildkit-parser");
const cases = JSON.parse(fs.readFileSync(path.join(parserCorpus, "unit-cases/cases.json"), "utf8"));

const bytes = (p: string) => new Uint8Array(fs.readFileSync(p));
const dirs = (p: string) => fs.readdirSync(p).filter((d) => fs.statSync(path.join(p, d)).isDirectory());

describe("BuildKit testfiles: Node.Dump() byte-exact", () => {
  for (const name of dirs(path.join(parserCorpus, "testfiles"))) {
    it(name, () => {
      const dir = path.join(parserCorpus, "testfiles", name);
      const result = dumpBuildkit(bytes(path.join(dir, "Dockerfile")));
      expect(result).toEqual({ ok: true, output: fs.readFileSync(path.join(dir, "result"), "utf8") });
      // the AST path accepts the same file without errors and with nested ranges
      const text = fs.readFileSync(path.join(dir, "Dockerfile"), "utf8");
      const parsed = parseDockerfile(text);
      expect(parsed.errors).toEqual([]);
      expect(rangeProblems(parsed.ast, text.length)).toEqual([]);
    });
  }
});

describe("BuildKit testfiles-negative: refused", () => {
  for (const name of dirs(path.join(parserCorpus, "testfiles-negative"))) {
    it(name, () => {
      const file = path.join(parserCorpus, "testfiles-negative", name, "Dockerfile");
      expect(dumpBuildkit(bytes(file)).ok).toBe(false);
      const parsed = parseDockerfile(fs.readFileSync(file, "utf8"));
      expect(parsed.errors.length).toBeGreaterThan(0);
      expect(parsed.errors.every((e) => e.severity === "error" && /^DF\d{3}$/.test(e.code))).toBe(true);
    });
  }
});

describe("unit-cases", () => {
  it("heredoc/Dockerfile: heredocs per child", () => {
    const text = fs.readFileSync(path.join(parserCorpus, "unit-cases/heredoc/Dockerfile"), "utf8");
    const { ast, errors } = parseDockerfile(text);
    expect(errors).toEqual([]);
    for (const e of cases["heredoc/Dockerfile"].expect) {
      const got = ast.instructions[e.childIndex].heredocs.map((h) => ({
        Name: h.name,
        FileDescriptor: h.fileDescriptor,
        Expand: h.expand,
        Chomp: h.chomp,
        Content: h.content,
      }));
      expect(got, e.comment).toEqual(e.heredocs ?? []);
    }
  });

  it("json-heredoc/Dockerfile: JSON-form RUN has no heredocs", () => {
    const text = fs.readFileSync(path.join(parserCorpus, "unit-cases/json-heredoc/Dockerfile"), "utf8");
    const { ast } = parseDockerfile(text);
    for (const e of cases["json-heredoc/Dockerfile"].expect) expect(ast.instructions[e.childIndex].heredocs).toEqual([]);
  });

  it("empty-continuation/Dockerfile: two instructions with empty continuation lines", () => {
    const text = fs.readFileSync(path.join(parserCorpus, "unit-cases/empty-continuation/Dockerfile"), "utf8");
    const { ast, errors } = parseDockerfile(text);
    expect(errors).toEqual([]);
    const withEmpty = ast.instructions.filter((i) => i.emptyContinuationLines.length > 0);
    const expected = cases["empty-continuation/Dockerfile"].expect;
    expect(withEmpty.length).toBe(expected.warningCount);
    expected.warningShortContains.forEach((subs: string[], i: number) => {
      const line = `Empty continuation line found in: ${withEmpty[i].original}`;
      for (const s of subs) expect(line).toContain(s);
    });
  });

  it("testfile-line: start and end lines", () => {
    const text = fs.readFileSync(path.join(parserCorpus, "testfile-line/Dockerfile"), "utf8");
    const { ast } = parseDockerfile(text);
    const e = cases["testfile-line/Dockerfile"].expect;
    expect(ast.instructions.length).toBe(e.childCount);
    expect(ast.instructions.map((i) => [i.startLine, i.endLine])).toEqual(e["children[StartLine,EndLine]"]);
    expect(ast.instructions[0].startLine).toBe(e["ast.StartLine"]);
    expect(ast.instructions[ast.instructions.length - 1].endLine).toBe(e["ast.EndLine"]);
  });

  it("ParseHeredoc: valid, invalid and non-heredoc words", () => {
    const e = cases.ParseHeredoc.expect;
    for (const w of e.validHeredocs_name_EOF) expect(parseHeredocWord(w), w).toMatchObject({ name: "EOF" });
    for (const w of e.invalidHeredocs_error) expect(parseHeredocWord(w), w).toHaveProperty("error");
    for (const w of e.notHeredocs_nil) expect(parseHeredocWord(w), w).toBeUndefined();
  });

  it("heredocsFromLine: names from whole lines", () => {
    for (const e of cases.heredocsFromLine.expect) {
      const found = heredocMarkers(e.line);
      expect("markers" in found).toBe(true);
      const names = "markers" in found ? found.markers.map((m) => m.name) : [];
      expect(names, e.line).toEqual(e.heredocNames ?? []);
    }
  });

  it("parseJSON: valid arrays and non-string arrays", () => {
    for (const v of cases.parseJSON.valid) {
      const r = parseJsonArray(v.input, 0, v.input.length);
      expect(r.kind, v.input).toBe("array");
      if (r.kind === "array") expect(r.elements.map((e) => e.value)).toEqual(v.expect);
    }
    for (const input of cases.parseJSON.invalid) expect(parseJsonArray(input, 0, input.length).kind, input).toBe("notStrings");
  });

  it("parseWords", () => {
    for (const e of cases.parseWords.expect) {
      expect(parseWords(e.input, 0, e.input.length, 0x5c).map((w) => w.value), e.input).toEqual(e.expect);
    }
  });

  it("parseNameVal", () => {
    for (const e of cases.parseNameVal.expect) {
      const node = parseLineNode(`${e.key} ${e.input}`, 0x5c);
      if (e.error) expect(node.error?.message).toBe(e.error);
      else expect(node.next.map((n) => n.value)).toEqual(e.nodes);
    }
  });

  it("DirectiveParser.ParseAll", () => {
    for (const e of cases["DirectiveParser.ParseAll"].expect) {
      const { ast } = parseDockerfile(e.input + "FROM x\n");
      expect(ast.directives.map((d) => ({ Name: d.name, Value: d.value.value }))).toEqual(e.directives);
    }
  });

  it("DetectSyntax", () => {
    for (const e of cases.DetectSyntax.expect) {
      const found = detectSyntax(e.input);
      expect(found !== undefined, e.input).toBe(e.ok);
      if (!e.ok) continue;
      expect(found?.ref).toBe(e.ref);
      if (e.cmdline !== undefined) expect(found?.cmdline).toBe(e.cmdline);
      if (e.line !== undefined) expect(found?.line).toBe(e.line);
    }
  });

  it("ParseDirective(check)", () => {
    for (const e of cases["ParseDirective(check)"].expect) {
      const found = findDirective(e.input, "check");
      expect(found !== undefined, e.input).toBe(e.ok);
      if (!e.ok) continue;
      expect(found?.ref).toBe(e.ref);
      if (e.cmdline !== undefined) expect(found?.cmdline).toBe(e.cmdline);
      if (e.line !== undefined) expect(found?.line).toBe(e.line);
    }
  });

  it("scanner error: a line of 65536 bytes", () => {
    const text = `FROM image\nLABEL test=${"a".repeat(65536)}\n`;
    expect(dumpBuildkit(text)).toEqual({ ok: false, error: cases.scannerError.error });
    expect(parseDockerfile(text).errors.map((e) => e.code)).toEqual(["DF002"]);
  });
});

describe("real-world corpus", () => {
  const manifest = fs
    .readFileSync(path.join(corpus, "MANIFEST.tsv"), "utf8")
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t"))
    .filter((c) => c.length > 7);
  const root = path.join(corpus, "dockerfiles");
  const files = fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => fs.statSync(path.join(root, f)).isFile());
  // MANIFEST columns: set corpus repo commit path bytes sha256 is_template ...; files live in owner__repo/path
  const templates = new Set(
    manifest.filter((c) => c[0] === "dockerfiles" && c[7] === "yes").map((c) => `${c[2].replace("/", "__")}/${c[4]}`),
  );
  const isTemplate = (f: string) => templates.has(f.split(path.sep).join("/"));

  it("every non-template Dockerfile parses without errors, ranges nested", () => {
    const failures: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(root, f), "utf8");
      const { ast, errors } = parseDockerfile(text);
      if (!isTemplate(f) && errors.length > 0) failures.push(`${f}: ${errors.map((e) => e.message).join("; ")}`);
      const problems = rangeProblems(ast, text.length);
      if (problems.length > 0) failures.push(`${f}: ${problems.slice(0, 3).join("; ")}`);
    }
    expect(failures).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });

  it("mutated corpus files never throw and keep ranges nested", () => {
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // The high bits: an LCG's low bits repeat with short periods.
      return Math.floor((seed / 2147483648) * Math.max(1, n));
    };
    const failures: string[] = [];
    for (const f of files.filter((_, i) => i % 3 === 0)) {
      const original = fs.readFileSync(path.join(root, f), "utf8");
      for (let round = 0; round < 4; round++) {
        const a = rand(original.length);
        const b = a + rand(200);
        let text: string;
        switch (round) {
          case 0: text = original.slice(0, a) + original.slice(b); break;
          case 1: text = original.slice(0, b) + original.slice(a, b) + original.slice(b); break;
          case 2: text = original.slice(0, a); break;
          default: text = original.slice(a, b) + original.slice(0, a); break;
        }
        let result;
        try {
          result = parseDockerfile(text);
          dumpBuildkit(text);
        } catch (e) {
          failures.push(`${f} round ${round}: threw ${(e as Error).message}`);
          continue;
        }
        if (result.errors.some((e) => e.code === "DF000")) failures.push(`${f} round ${round}: internal error`);
        const problems = rangeProblems(result.ast, text.length);
        if (problems.length > 0) failures.push(`${f} round ${round}: ${problems[0]}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
