import { describe, expect, it } from "vitest";
import { expandWord, expandWords, formatExpansionError } from "../src/expand.js";

type Env = Record<string, string>;

/** The verified vectors of BuildKit's lexer (reference §5.6): word, env, expected value or error. */
const vectors: [word: string, env: Env, expected: string | { error: string }][] = [
  ["${A:-def}", {}, "def"],
  ["${A:-def}", { A: "" }, "def"],
  ["${A-def}", { A: "" }, ""],
  ["${A-def}", {}, "def"],
  ["${A:+alt}", { A: "x" }, "alt"],
  ["${A+alt}", { A: "" }, "alt"],
  ["${A+alt}", {}, ""],
  ["${A:?must be set}", {}, { error: "A: must be set" }],
  ["${A?must be set}", { A: "" }, ""],
  ["${A:?}", { A: "" }, { error: "A: is not allowed to be empty" }],
  ["${A?}", {}, { error: "A: is not allowed to be unset" }],
  ["${S#f*b}", { S: "foobarbaz" }, "arbaz"],
  ["${S##f*b}", { S: "foobarbaz" }, "az"],
  ["${S%b*}", { S: "foobarbaz" }, "foobar"],
  ["${S%%b*}", { S: "foobarbaz" }, "foo"],
  ["${S/ba/fo}", { S: "foobarbaz" }, "fooforbaz"],
  ["${S//ba/fo}", { S: "foobarbaz" }, "fooforfoz"],
  ["${S/#foo/X}", { S: "foobarbaz" }, "foobarbaz"],
  ["${S:#foo}", { S: "foobarbaz" }, { error: "unsupported modifier (:#) in substitution" }],
  ["${#S}", { S: "foobarbaz" }, { error: "unsupported modifier (S) in substitution" }],
  ["${V%.*} ${V%%.*}", { V: "1.2.3" }, "1.2 1"],
  ["app-${V#v}", { V: "v1.2.3" }, "app-1.2.3"],
  ["${A/\\//-}", { A: "x/y/z" }, "x-y/z"],
  ["${A//\\//-}", { A: "x/y/z" }, "x-y-z"],
  ["${TARGETARCH}${TARGETVARIANT:+/${TARGETVARIANT}}", { TARGETARCH: "arm64", TARGETVARIANT: "v7" }, "arm64/v7"],
  ["$UNDEFINED/x", {}, "/x"],
  ["\\$A and \\${A}", { A: "1" }, "$A and ${A}"],
  [`"$A" '$A'`, { A: "1" }, "1 $A"],
  ["$$A", { A: "1" }, "A"],
  ["${A}_b $A_b", { A: "1" }, "1_b "],
  ["${A:-a b}", {}, "a b"],
  // The errors listed with the operators.
  ["${}", {}, { error: "syntax error: bad substitution" }],
  ["${:-x}", {}, { error: "syntax error: bad substitution" }],
  ["${{A}", {}, { error: "syntax error: bad substitution" }],
  ["${A:-x", {}, { error: "syntax error: missing '}'" }],
  ["${", {}, { error: "syntax error: missing '}'" }],
  ["${A:=w}", {}, { error: "unsupported modifier (:=) in substitution" }],
  ["${A:%p}", { A: "x" }, { error: "unsupported modifier (:%) in substitution" }],
  ["${A:0:3}", { A: "abcdef" }, { error: "unsupported modifier (:0) in substitution" }],
  ["${A^^}", { A: "x" }, { error: "unsupported modifier (^) in substitution" }],
  ["${A,,}", { A: "x" }, { error: "unsupported modifier (,) in substitution" }],
  ["${A/x", { A: "x" }, { error: "syntax error: missing '/' in ${}" }],
  ["${A/x/y", { A: "x" }, { error: "syntax error: missing '}'" }],
  // Names, special and positional parameters, a lone dollar.
  ["$1x", {}, "x"],
  ["$12ab", { "12": "no" }, "noab"],
  ["a$", {}, "a$"],
  ["$-x", {}, "x"],
  ["$ÄÖ_1!", { ÄÖ_1: "u" }, "u!"],
  ["$ x", {}, "$ x"],
  // Quotes and escapes.
  [`"a\\"b" "\\x" 'a\\'`, {}, 'a"b \\x a\\'],
  ["a\\", {}, "a"],
  [`"open`, {}, { error: "unexpected end of statement while looking for matching double-quote" }],
  [`'open`, {}, { error: "unexpected end of statement while looking for matching single-quote" }],
  [`\${A:-'}'}`, {}, "}"],
  [`\${A:-"x y"}`, {}, "x y"],
  // Nested words and patterns.
  ["${A:-${B:-${C}}}", { C: "c" }, "c"],
  ["${A#$P}", { A: "v1", P: "v" }, "1"],
  ["${A#\\*}", { A: "*x" }, "x"],
  ["${A#\\}}", { A: "}x" }, "x"],
  ["${A#a\\b}", { A: "ab" }, { error: "invalid pattern (a\\b) in substitution: invalid escape '\\b'" }],
  ["${A%?}", { A: "abc" }, "ab"],
  ["${A/b*/X}", { A: "abcbd" }, "aX"],
  ["${A//*/X}", { A: "abc" }, "X"],
  ["${A//x/X}", { A: "" }, ""],
  ["${A//b/'$$'}", { A: "abc" }, "a$c"],
  // Cases from BuildKit's own lexer tests (re-typed).
  ["${FOO#()[]{\\}^$.\\*\\?|\\\\}", { FOO: "()[]{}^$.*?|\\x" }, "x"],
  ["${FOO%%\\**}", { FOO: "xx**" }, "xx"],
  ["${FOO#*x*y}", { FOO: "xxyy" }, "y"],
  ["${FOO#*}", { FOO: "xxyy" }, "xxyy"],
  ["${FOO#?\\?}", { FOO: "???y" }, "?y"],
  ["${FOO%%\\**\\*}", { FOO: "a***yy*" }, "a"],
  ["${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", { FOO: "/foo*/*/*.txt", NEEDLE: "\\*/" }, "/foo.*/*.txt - /foo..*.txt"],
  ["${FOO/$N/$R} - ${FOO//$N/$R}", { FOO: "/a/foo/b/c.txt", N: "/?/", R: "/" }, "/foo/b/c.txt - /foo/c.txt"],
  ["${FOO//\\//\\/}", { FOO: "/tmp/foo.txt" }, "\\/tmp\\/foo.txt"],
  ["${FOO/$BAR/ww}", { FOO: "xxyy", BAR: "" }, "wwxxyy"],
  ["${FOO///}", { FOO: "xxyy" }, "xxyy"],
  ["${FOO//ww}", { FOO: "xxyy" }, { error: "syntax error: missing '/' in ${}" }],
  ["${FOO=aaa}", { FOO: "x" }, { error: "unsupported modifier (=) in substitution" }],
  ["${VAR:?message here$ARG}", { VAR: "", ARG: "x" }, { error: "VAR: message herex" }],
];

describe("expandWord: BuildKit lexer vectors", () => {
  it.each(vectors)("%s with %o", (word, env, expected) => {
    const r = expandWord(word, env);
    if (typeof expected === "string") {
      expect(r.errors).toEqual([]);
      expect(r.value).toBe(expected);
    } else {
      expect(r.errors.map((e) => e.message)).toEqual([expected.error]);
      expect(r.value).toBe("");
    }
  });
});

describe("expandWords", () => {
  it("splits variable values but not quoted strings (EXPOSE)", () => {
    expect(expandWords(`$A "$A"`, { A: "a b" }).words).toEqual(["a", "b", "a b"]);
  });
  it("keeps an escaped space inside one word", () => {
    expect(expandWords("a\\ b c", {}).words).toEqual(["a b", "c"]);
  });
  it("drops empty quoted words and collapses runs of spaces", () => {
    expect(expandWords(`x  ""  y`, {}).words).toEqual(["x", "y"]);
  });
});

describe("options", () => {
  it("RUN-name mode keeps quotes and unset references", () => {
    const r = expandWord(`echo "$A" $B \${B:-x}`, { A: "1" }, { rawQuotes: true, skipUnsetEnv: true });
    expect(r.value).toBe(`echo "1" $B \${B:-x}`);
  });
  it("skipUnsetEnv keeps braces and replacement forms", () => {
    expect(expandWord("${B} ${B/x/y}", {}, { skipUnsetEnv: true }).value).toBe("${B} ${B/x/y}");
  });
  it("the backtick escape token (escape=`)", () => {
    expect(expandWord("C:\\Windows\\$A", { A: "1" }, { escape: "`" }).value).toBe("C:\\Windows\\1");
    expect(expandWord("C:\\Windows\\`$A", { A: "1" }, { escape: "`" }).value).toBe("C:\\Windows\\$A");
  });
  it("rawEscapes keeps escape characters", () => {
    expect(expandWord("a\\$b", {}, { rawEscapes: true }).value).toBe("a\\$b");
  });
  it("skipProcessQuotes treats quotes as text (heredoc bodies)", () => {
    expect(expandWord(`'$A' "$A"`, { A: "1" }, { skipProcessQuotes: true }).value).toBe(`'1' "1"`);
  });
  it("case-insensitive keys for Windows frontends", () => {
    expect(expandWord("$path", { PATH: "p" }, { caseInsensitiveKeys: true }).value).toBe("p");
    expect(expandWord("$path", { PATH: "p" }).value).toBe("");
  });
  it("accepts a Map and a look-up function", () => {
    expect(expandWord("$A", new Map([["A", "m"]])).value).toBe("m");
    expect(expandWord("$A$B", (n) => (n === "A" ? "f" : undefined)).value).toBe("f");
  });
});

describe("references, matched and unmatched", () => {
  it("lists unset names in first-use order, special parameters included", () => {
    const r = expandWord("$B ${A:-$C} $B $$", { A: "a" });
    expect(r.unmatched).toEqual(["B", "C", "$"]);
    expect(r.matched).toEqual(["A"]);
  });
  it("gives each reference its offsets, modifier, depth and quoting", () => {
    const word = `x\${A:-$B} "$C"`;
    const r = expandWord(word, { C: "c" });
    expect(r.references.map((x) => [x.name, word.slice(x.start, x.end), x.modifier, x.depth, x.quoted, x.found])).toEqual([
      ["A", "${A:-$B}", ":-", 0, false, false],
      ["B", "$B", undefined, 1, false, false],
      ["C", "$C", undefined, 0, true, true],
    ]);
    const a = r.references[0];
    expect(word.slice(a.nameStart, a.nameEnd)).toBe("A");
  });
  it("names the greedy pattern modifiers", () => {
    const r = expandWord("${A##x}${A%%y}${A//a/b}", { A: "" });
    expect(r.references.map((x) => x.modifier)).toEqual(["##", "%%", "//"]);
  });
  it("reports the error offset and keeps the references seen before it", () => {
    const r = expandWord("$A ${B:?no}", {});
    expect(r.errors).toEqual([{ message: "B: no", offset: 11 }]);
    expect(r.references.map((x) => x.name)).toEqual(["A", "B"]);
  });
  it("formats the error as BuildKit wraps it", () => {
    const r = expandWord("${}", {});
    expect(formatExpansionError("${}", r.errors[0])).toBe('failed to process "${}": syntax error: bad substitution');
  });
  it("never throws on arbitrary input", () => {
    for (const w of ["${", "${A", "${A:", "${A/", "\\", '"\\', "${A#\\", "$\u{1F600}", "\uFEFF$A"]) {
      expect(() => expandWord(w, { A: "1" })).not.toThrow();
    }
    expect(expandWord("\uFEFF$A", { A: "1" }).value).toBe("1");
  });
});

describe("literal words (no $, quotes or escapes)", () => {
  it("expand to themselves and split on ASCII white space", () => {
    const r = expandWords(" a\tb\n\vc  ", {});
    expect(r).toEqual({ value: " a\tb\n\vc  ", words: ["a", "b", "c"], unmatched: [], matched: [], errors: [], references: [] });
    expect(expandWord("", {}).words).toEqual([]);
  });
  it("are the same whatever the escape token, except the token itself", () => {
    expect(expandWord("C:\\dir", {}, { escape: "`" }).value).toBe("C:\\dir");
    expect(expandWord("a`b", {}, { escape: "`" }).value).toBe("ab");
    expect(expandWord("a`b", {}).value).toBe("a`b");
  });
  it("split on Unicode spaces only through the full lexer", () => {
    expect(expandWords("a\u00a0b", {}).words).toEqual(["a", "b"]);
  });
});
