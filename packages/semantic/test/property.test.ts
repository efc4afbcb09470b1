import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { analyzeDockerfile, expandWord, expandWords } from "../src/index.js";

/** Pieces of Dockerfiles that exercise stages, references and expansion. */
const FRAGMENTS = [
  "FROM ", "ARG ", "ENV ", "RUN ", "COPY ", "CMD ", "SHELL ", "ONBUILD ", "WORKDIR ", "EXPOSE ", "\n", " ", "\\\n",
  "AS ", "a", "b", "0", "1", "scratch", "alpine", "--from=", "--mount=from=", ",target=/x ", "--platform=", "=",
  "$", "${", "}", "${A:-", "${A#", "${A/", "/", "$A", "$B", "'", '"', "\\", "`", "# escape=`\n", "<<EOF\n", "EOF\n",
  '["sh", "-c", "echo $A"]', '["pwsh"]', "%A%", "$env:A", "\u00e9", "\ud800",
];

describe("properties", () => {
  it("analyzeDockerfile never throws and keeps every use inside its instruction", () => {
    const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 50 }).map((p) => p.join(""));
    const options = fc.record({ target: fc.option(fc.constantFrom("a", "b", "x"), { nil: undefined }) });
    fc.assert(
      fc.property(text, options, (t, opts) => {
        const { ast } = parseDockerfile(t);
        const model = analyzeDockerfile(ast, opts);
        for (const u of model.uses) {
          expect(u.range.start).toBeGreaterThanOrEqual(u.instruction.range.start);
          expect(u.range.end).toBeLessThanOrEqual(u.instruction.range.end);
        }
        for (const i of ast.instructions) model.resolveAt(i, "$A${B:-x}");
      }),
      { numRuns: 500 },
    );
  });

  it("the lexer never throws and reports at most one error, inside the word", () => {
    const word = fc.array(fc.constantFrom("$", "{", "}", ":", "-", "+", "?", "#", "%", "/", "A", "1", "'", '"', "\\", "`", " ", "*"), {
      maxLength: 30,
    });
    fc.assert(
      fc.property(word, fc.boolean(), (parts, backtick) => {
        const w = parts.join("");
        for (const r of [expandWord(w, { A: "a b" }, { escape: backtick ? "`" : "\\" }), expandWords(w, {}, { skipUnsetEnv: true })]) {
          expect(r.errors.length).toBeLessThanOrEqual(1);
          for (const e of r.errors) expect(e.offset).toBeLessThanOrEqual(w.length);
          if (r.errors.length > 0) expect(r.value).toBe("");
        }
      }),
      { numRuns: 1000 },
    );
  });
});
