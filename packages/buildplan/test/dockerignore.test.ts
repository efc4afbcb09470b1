import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanPath,
  createMatcher,
  filterContext,
  parseDockerignore,
  selectDockerignore,
} from "../src/dockerignore.js";

const matcherFor = (text: string) => {
  const parsed = parseDockerignore(text);
  expect(parsed.errors).toEqual([]);
  return createMatcher(parsed.patterns);
};

/** Reference §8.6: Docker's real matcher. Lines of the .dockerignore, then path => excluded. */
const vectors: [lines: string[], expected: Record<string, boolean>][] = [
  [["node_modules"], { node_modules: true, "node_modules/a.js": true, "src/node_modules": false, "src/node_modules/x": false }],
  [["*.md", "!README.md"], { "README.md": false, "CHANGES.md": true, "docs/guide.md": false, "docs/README.md": false }],
  [["**/*.md", "!README.md"], { "README.md": false, "docs/README.md": true, "docs/a.md": true }],
  [["/foo/bar/"], { "foo/bar": true, "foo/bar/x": true, "foo/barx": false }],
  [["foo/**"], { foo: false, "foo/x": true, "foo/x/y": true }],
  [["foo/*"], { foo: false, "foo/x": true, "foo/x/y": true }],
  [["*", "!src"], { a: true, src: false, "src/main.go": false, "src/x/y": false }],
  [["src", "!src/keep.txt"], { src: true, "src/a": true, "src/keep.txt": false }],
  [["**"], { a: true, "a/b": true }],
  [["**/foo"], { foo: true, "a/foo": true, "a/b/foo/c": true, xfoo: false, "a/xfoo": false }],
  [["a/**/b"], { "a/b": true, "a/x/b": true, "a/x/y/b/c": true }],
  [["*/temp*", "*/*/temp*"], { "somedir/temporary.txt": true, "somedir/temp": true, "somedir/subdir/temporary.txt": true, temp: false }],
  [["foo\\*bar"], { "foo*bar": true, fooxbar: false }],
  [["  #notcomment"], { "#notcomment": true }],
  [["c++", "file(1).txt", "{a,b}"], { "c++": true, cc: false, "file(1).txt": true, "file1.txt": false, "{a,b}": true, a: false }],
  [["README.md"], { "readme.md": false, "README.md": true }],
  [["../secret", "./build"], { build: true, secret: false }],
  // Reference §8.7: where npm packages differ from Docker.
  [["a|b"], { "a|b": true, a: false, b: false }],
  [["x+y"], { "x+y": true, xxy: false, xy: false }],
  [["build/"], { build: true, "build/x": true }],
  [["**/node_modules", "!**/node_modules/keep"], { "a/node_modules/keep/y": false, "a/node_modules/x": true }],
  [["docs/*.md", "!docs/keep/*.md"], { "docs/a.md": true, "docs/keep/a.md": false, "docs/keep/b/c.md": false }],
  [["[a-c]"], { a: true, c: true, d: false }],
  [["\uFEFFsecret"], { secret: true }],
];

describe(".dockerignore vectors (Docker's matcher)", () => {
  it.each(vectors)("%j", (lines, expected) => {
    const m = matcherFor(lines.join("\n"));
    const got = Object.fromEntries(Object.keys(expected).map((p) => [p, m.isExcluded(p)]));
    expect(got).toEqual(expected);
  });
});

describe("errors", () => {
  it("a lone ! is illegal", () => {
    expect(parseDockerignore("!\n").errors).toEqual([{ message: 'illegal exclusion pattern: "!"', line: 1, pattern: "!" }]);
  });
  it("an unterminated class is a syntax error", () => {
    expect(parseDockerignore("ok\n[\n").errors).toEqual([{ message: "syntax error in pattern", line: 2, pattern: "[" }]);
  });
  it.each(["[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[^", "[^bc", "a["])("Go's filepath.Match rejects %s", (p) => {
    expect(parseDockerignore(p).errors.map((e) => e.message)).toEqual(["syntax error in pattern"]);
  });
});

describe("the walker versus MatchesOrParentMatches (reference §8.4)", () => {
  const cases: [string[], string, boolean, boolean][] = [
    [["**/*.md", "!docs"], "docs/a.md", true, false],
    [["a/b", "!a"], "a/b", true, false],
    [["src", "!src/keep.txt"], "src/keep.txt", false, false],
    [["*", "!src"], "src/x/y", false, false],
  ];
  it.each(cases)("%j %s", (lines, path, walker, parentMatches) => {
    const m = matcherFor(lines.join("\n"));
    expect(m.isExcluded(path)).toBe(walker);
    expect(m.matches(path)).toBe(parentMatches);
  });
});

describe("patternmatcher cases (single pattern: exact / through a parent / no match)", () => {
  const cases: [string, string, "exact" | "parent" | "fail"][] = [
    ["**", "file", "exact"],
    ["**", "dir/file", "exact"],
    ["**/", "file", "exact"],
    ["**/**", "dir/file", "exact"],
    ["dir/**", "dir/dir2/file", "exact"],
    ["**/dir", "dir", "exact"],
    ["**/dir", "dir/file", "parent"],
    ["**/dir2/*", "dir/dir2/file", "exact"],
    ["**file", "dir/dir/file", "exact"],
    ["**/file*.txt*", "dir/dir/file.txt", "exact"],
    ["**/**/*.txt2", "dir/dir/file.txt", "fail"],
    ["**/*.txt", "file.txt", "exact"],
    ["a**/*.txt", "a/dir/dir/file.txt", "exact"],
    ["a/*.txt", "a/dir/file.txt", "fail"],
    ["a/*.txt**", "a/file.txt", "exact"],
    ["a[b-d]e", "ae", "fail"],
    ["a[b-d]e", "ace", "exact"],
    ["a[^b-d]e", "aze", "exact"],
    [".*", ".foo", "exact"],
    [".*", "foo", "fail"],
    ["abc.def", "abcZdef", "fail"],
    ["abc?def", "abcZdef", "exact"],
    ["**/foo/bar", "dir/dir2/foo/bar", "exact"],
    ["abc/**", "abc", "fail"],
    ["**/.foo", "bar.foo", "fail"],
    ["a(b)c/def", "a(b)c/def", "exact"],
    ["a.|)$(}+{bc", "a.|)$(}+{bc", "exact"],
    ["dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", "exact"],
    ["a\\\\", "a\\", "exact"],
    ["a\\*b", "a*b", "exact"],
    ["a?b", "a☺b", "exact"],
    ["a???b", "a☺b", "fail"],
    ["[a-ζ]*", "α", "exact"],
    ["*[a-ζ]", "A", "fail"],
    ["a*b", "a/b", "fail"],
    ["[\\]a]", "]", "exact"],
    ["[x\\-]", "-", "exact"],
    ["[x\\-]", "z", "fail"],
    ["a?b", "a\u{1F600}b", "exact"],
  ];
  it.each(cases)("%s vs %s: %s", (pattern, path, kind) => {
    const m = createMatcher(parseDockerignore(pattern).patterns);
    expect(m.errors).toEqual([]);
    expect(m.matchesExact(path)).toBe(kind === "exact");
    expect(m.matches(path)).toBe(kind !== "fail");
    expect(m.isExcluded(path)).toBe(kind !== "fail");
  });
  it("multiple patterns", () => {
    expect(matcherFor("**\n!util/docker/web").isExcluded("util/docker/web/foo")).toBe(false);
    expect(matcherFor("**\n!util/docker/web\nutil/docker/web/foo").isExcluded("util/docker/web/foo")).toBe(true);
    expect(matcherFor("**\n!dist/*.whl").isExcluded("dist/x-1+g.whl")).toBe(false);
  });
});

describe("parseDockerignore (ignorefile.ReadAll)", () => {
  it("cleans, trims, strips one leading slash and keeps line numbers and ranges", () => {
    const text = "# comment\n\n  /foo/bar/  \r\n! ./a/../b\n/\n";
    const { patterns } = parseDockerignore(text);
    expect(patterns.map(({ pattern, negate, line }) => ({ pattern, negate, line }))).toEqual([
      { pattern: "foo/bar", negate: false, line: 3 },
      { pattern: "b", negate: true, line: 4 },
      { pattern: "/", negate: false, line: 5 },
    ]);
    expect(text.slice(patterns[0].range.start, patterns[0].range.end)).toBe("/foo/bar/");
    expect(text.slice(patterns[1].range.start, patterns[1].range.end)).toBe("! ./a/../b");
  });
  it("treats . as a pattern that never matches a real path", () => {
    const m = matcherFor(".");
    expect(m.isExcluded("a")).toBe(false);
    expect(m.matches(".")).toBe(false);
  });
  it("Go's path.Clean", () => {
    expect(["a//b/", "./x", "../x/..", "/../a", "", "a/./b/../c"].map(cleanPath)).toEqual(["a/b", "x", "..", "/a", ".", "a/c"]);
  });
});

describe("filterContext", () => {
  it("keeps the excluded parent directories of re-included files", () => {
    const files = ["src/a.go", "src/keep.txt", "src/sub/b.go", "README.md", "Dockerfile"];
    const r = filterContext(files, parseDockerignore("src\n!src/keep.txt\n").patterns);
    expect(r.included).toEqual(["src/keep.txt", "README.md", "Dockerfile"]);
    expect(r.excluded).toEqual(["src/a.go", "src/sub/b.go"]);
    expect(r.directories).toEqual(["src"]);
  });
  it("walks with parent results (the exception on a directory does not rescue docs/a.md)", () => {
    const r = filterContext(["docs/a.md", "docs/a.txt"], parseDockerignore("**/*.md\n!docs").patterns);
    expect(r.included).toEqual(["docs/a.txt"]);
    expect(r.directories).toEqual(["docs"]);
  });
  it("accepts a matcher and leaves everything in without patterns", () => {
    const r = filterContext(["./a/b", "c"], createMatcher([]));
    expect(r.included).toEqual(["./a/b", "c"]);
    expect(r.directories).toEqual(["a"]);
  });
});

describe("selectDockerignore", () => {
  const fs = (...paths: string[]) => (p: string) => paths.includes(p);
  it("prefers <Dockerfile>.dockerignore next to the Dockerfile", () => {
    expect(selectDockerignore("docker/app.Dockerfile", fs("docker/app.Dockerfile.dockerignore", ".dockerignore"))).toEqual({
      path: "docker/app.Dockerfile.dockerignore",
      kind: "dockerfile",
    });
  });
  it("falls back to the context root", () => {
    expect(selectDockerignore("Dockerfile", fs(".dockerignore"))).toEqual({ path: ".dockerignore", kind: "context" });
    expect(selectDockerignore("Dockerfile", fs("ctx/.dockerignore"), "ctx/")).toEqual({ path: "ctx/.dockerignore", kind: "context" });
  });
  it("finds none, and never a per-Dockerfile file for stdin", () => {
    expect(selectDockerignore("Dockerfile", fs())).toBeUndefined();
    expect(selectDockerignore("-", fs("-.dockerignore"))).toBeUndefined();
  });
});

describe("properties", () => {
  const segment = fc.constantFrom("a", "b", "*", "?", "**", "[ab]", "[", "\\", "a.b", "c+", "!", " ", "#", ".", "..");
  const pattern = fc.array(segment, { minLength: 1, maxLength: 4 }).map((p) => p.join("/"));
  const pathArb = fc.array(fc.constantFrom("a", "b", "a.b", "c+", "x"), { minLength: 1, maxLength: 4 }).map((p) => p.join("/"));

  it("never throws, and without exceptions the walk agrees with parent matching", () => {
    fc.assert(
      fc.property(fc.array(pattern, { maxLength: 5 }), fc.array(pathArb, { maxLength: 6 }), (patterns, paths) => {
        const parsed = parseDockerignore(patterns.join("\n"));
        const m = createMatcher(parsed.patterns);
        for (const p of paths) {
          const walked = m.isExcluded(p);
          if (!m.hasExceptions) expect(walked).toBe(m.matches(p));
        }
        const r = filterContext(paths, m);
        expect(r.included.length + r.excluded.length).toBe(paths.length);
      }),
      { numRuns: 500 },
    );
  });
});
