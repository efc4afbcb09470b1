// The component tree must select exactly what testing every listed path with sourceSelects selects.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FileIndex } from "../src/file-index.js";
import { compileSource, sourceSelects } from "../src/sources.js";

const component = fc.constantFrom("a", "b", "src", "app.js", "x.c", "", ".", "..", "a b", "[x]");
const path = fc.array(component, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/"));
const source = fc.oneof(
  path,
  fc.array(fc.constantFrom("a", "src", "*", "*.js", "?", "[ab]", "s*c", ".", "..", "x.c"), { minLength: 1, maxLength: 4 }).map((parts) => parts.join("/")),
  fc.constantFrom(".", "/", "./", ""),
);

function scan(src: string, paths: string[]): number[] {
  const c = compileSource(src);
  return paths.flatMap((p, i) => (sourceSelects(c, p) ? [i] : []));
}

describe("FileIndex", () => {
  it("selects the same paths as a scan of the list, for any list and source", () => {
    fc.assert(
      fc.property(fc.array(path, { maxLength: 25 }), source, (paths, src) => {
        const index = new FileIndex(paths);
        const expected = scan(src, paths);
        expect(index.selected(compileSource(src)).sort((a, b) => a - b)).toEqual(expected);
        expect(index.selectsAny(compileSource(src))).toBe(expected.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it("a directory source selects what lies below it, a wildcard what its components match", () => {
    const paths = ["src/app.js", "src/lib/x.js", "srcx/y.js", "docs/a.md", "src", "a.js"];
    const index = new FileIndex(paths);
    const names = (src: string): string[] => index.selected(compileSource(src)).sort((a, b) => a - b).map((i) => paths[i]!);
    expect(names("src")).toEqual(["src/app.js", "src/lib/x.js", "src"]);
    expect(names("src/*.js")).toEqual(["src/app.js"]);
    expect(names("*.js")).toEqual(["a.js"]);
    expect(names("nothing")).toEqual([]);
    expect(names(".")).toEqual(paths);
  });
});
