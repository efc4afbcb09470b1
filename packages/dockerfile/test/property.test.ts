import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dumpBuildkit, parseDockerfile } from "@shipshape/dockerfile";
import { rangeProblems } from "./nesting.js";

/** Pieces Dockerfiles are made of, including the awkward ones. */
const FRAGMENTS = [
  "FROM ", "RUN ", "COPY ", "ADD ", "ENV ", "LABEL ", "ARG ", "ONBUILD ", "HEALTHCHECK ", "CMD ", "SHELL ",
  "EXPOSE ", "VOLUME ", "USER ", "WORKDIR ", "STOPSIGNAL ", "MAINTAINER ", "ENTRYPOINT ", "FOO ", "from ",
  "\\\n", "\\", "`\n", "\n", "\r\n", "\r", " ", "\t", "#", "# escape=`\n", "# syntax=x\n", "<<EOF", "<<-EOF",
  "<<'EOF'", "EOF\n", "\tEOF\n", "'", '"', "$", "${", "}", "${A:-", "${A/", "/", "=", "a=b", "--mount=",
  "--from=x ", "type=cache,target=/x", "[", "]", ",", '["a"', '"b"]', "1", "AS ", "x", ":", "@", "\u00a0",
  "\ufeff", "\u2028", "é", "\ud800", "\udc00", "\u0000", "--", "-- ", "__proto__ ", "constructor=", "toString",
];

function checkInvariants(text: string) {
  let result;
  expect(() => {
    result = parseDockerfile(text);
  }).not.toThrow();
  const { ast, errors } = result!;
  expect(errors.filter((e) => e.code === "DF000")).toEqual([]);
  for (const e of errors) {
    expect(e.severity).toBe("error");
    expect(e.category).toBe("syntax");
    expect(e.range.start).toBeGreaterThanOrEqual(0);
    expect(e.range.end).toBeLessThanOrEqual(text.length);
    expect(e.range.start).toBeLessThanOrEqual(e.range.end);
  }
  expect(rangeProblems(ast, text.length)).toEqual([]);
  const dump = dumpBuildkit(text);
  expect(dump.ok === true || typeof dump.error === "string").toBe(true);
  // BuildKit refuses exactly when the parser reports an error
  expect(dump.ok).toBe(errors.length === 0);
}

describe("parseDockerfile properties", () => {
  it("any string: never throws, ranges nest inside parents and the text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), checkInvariants), { numRuns: 400 });
  }, 60_000);

  it("Dockerfile-ish strings built from fragments", () => {
    const dockerfileish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 100 }).map((parts) => parts.join(""));
    fc.assert(fc.property(dockerfileish, checkInvariants), { numRuns: 3000 });
  }, 60_000);

  it("bytes: dumpBuildkit accepts any Uint8Array", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const r = dumpBuildkit(bytes);
        expect(r.ok === true || typeof r.error === "string").toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
