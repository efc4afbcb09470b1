import { describe, expect, it } from "vitest";
import { dumpBuildkit } from "@shipshape/dockerfile";
import { goQuote } from "../src/chars.js";

const dump = (input: string | Uint8Array) => {
  const r = dumpBuildkit(input);
  return r.ok ? r.output : `ERROR ${r.error}`;
};

describe("Go strconv.Quote", () => {
  it("escapes like Go", () => {
    expect(goQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goQuote("\x07\b\f\n\r\t\v\x00\x7f")).toBe('"\\a\\b\\f\\n\\r\\t\\v\\x00\\x7f"');
    expect(goQuote("♥☃é")).toBe('"♥☃é"');
    expect(goQuote("\u00a0\ufeff\u2028")).toBe('"\\u00a0\\ufeff\\u2028"');
    expect(goQuote("\u{e0001}")).toBe('"\\U000e0001"');
    expect(goQuote("😀")).toBe('"😀"');
  });
});

describe("Node.Dump()", () => {
  it("one line per instruction, lower-cased keyword, flags, quoted arguments", () => {
    expect(dump("FROM ubuntu:14.04\nCOPY --user=me --doit=true foo /tmp/\n")).toBe(
      '(from "ubuntu:14.04")\n(copy ["--user=me" "--doit=true"] "foo" "/tmp/")\n',
    );
  });

  it("ENV triples, unknown instructions and ONBUILD", () => {
    expect(dump("ENV name value value2\nENV a=b c=\"d e\"\nFOO bar baz\nONBUILD RUN echo test\n")).toBe(
      '(env "name" "value value2" "")\n(env "a" "b" "=" "c" "\\"d e\\"" "=")\n(foo "")\n(onbuild (run "echo test"))\n',
    );
  });

  it("HEALTHCHECK type then the command", () => {
    expect(dump("HEALTHCHECK --timeout=3s CMD foo\nHEALTHCHECK CONNECT TCP 7000\nHEALTHCHECK\n")).toBe(
      '(healthcheck ["--timeout=3s"] "CMD" "foo")\n(healthcheck "CONNECT" "TCP 7000")\n(healthcheck)\n',
    );
  });

  it("JSON escapes are decoded; lone surrogate escapes become U+FFFD", () => {
    expect(dump('CMD ["\\u0000", "\\/", "\\ud800"]\n')).toBe('(cmd "\\x00" "/" "�")\n');
    expect(dump("CMD []\n")).toBe("(cmd)\n");
    // a number Go cannot hold in a float64 is an unmarshal error: the text falls back to shell form
    expect(dump('CMD ["a", 1e999]\n')).toBe('(cmd "[\\"a\\", 1e999]")\n');
    // nesting is validated without recursion; Go refuses more than 10000 levels (then it is shell form)
    const nested = (d: number) => `CMD ["a", ${"[".repeat(d)}${"]".repeat(d)}]\n`;
    expect(dump(nested(9999))).toMatch(/^ERROR when using JSON array syntax/);
    expect(dump(nested(10000))).toMatch(/^\(cmd "\[/);
    expect(dump('CMD ["a", {"b": [1, {"c": null}]}]\n')).toMatch(/^ERROR/);
    expect(dump('CMD ["a", {"b" 1}]\n')).toMatch(/^\(cmd /);
    expect(dump("RUN [ 'a' ]\n")).toBe('(run "[ \'a\' ]")\n');
  });

  it("flags walk bytes: non-ASCII is re-encoded per byte and 0xA0 bytes split", () => {
    expect(dump("COPY --x=é a b\n")).toBe('(copy ["--x=Ã©"] "a" "b")\n');
    expect(dump("COPY --chown=à b c\n")).toBe('(copy ["--chown=Ã"] "b" "c")\n');
    expect(dump("COPY --a=x\u00a0y b\n")).toBe('(copy ["--a=xÂ"] "y" "b")\n');
    // a non-ASCII space before `--` is not skipped byte-wise: no flags at all
    expect(dump("COPY \u00a0--from=x a\n")).toBe('(copy "--from=x" "a")\n');
    expect(dump("HEALTHCHECK CMDà x\n")).toBe('(healthcheck "CMD\\xc3" "x")\n');
    expect(dump('RUN --a="x y" --b=\'q\'\\ z ls\n')).toBe('(run ["--a=x y" "--b=q z"] "ls")\n');
  });

  it("invalid UTF-8 bytes print as \\xNN", () => {
    const bytes = new Uint8Array([...Buffer.from("RUN a"), 0xff, 0xc3, ...Buffer.from("\n")]);
    expect(dump(bytes)).toBe('(run "a\\xff\\xc3")\n');
    const env = new Uint8Array([...Buffer.from("ENV a=b"), 0xff, ...Buffer.from("\n")]);
    expect(dump(env)).toBe('(env "a" "b�" "=")\n');
  });

  it("Unicode lower-casing and trimming", () => {
    expect(dump("RÜN x\n")).toBe('(rün "")\n');
    expect(dump("\u00a0FROM a\u00a0\n")).toBe('(from "a")\n');
  });

  it("refusals", () => {
    expect(dump("")).toBe("ERROR file with no instructions");
    expect(dump("ENV PATH\n")).toBe("ERROR ENV must have two arguments");
    expect(dump('CMD [ "echo", [ "nested json" ] ]\n')).toBe(
      "ERROR when using JSON array syntax, arrays must be comprised of strings only",
    );
    expect(dump("LABEL a=b c\n")).toBe('ERROR Syntax error - can\'t find = in "c". Must be of the form: name=value');
  });
});
