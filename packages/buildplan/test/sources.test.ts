import { describe, expect, it } from "vitest";
import { cleanPath, compileSource, sourceSelects } from "../src/sources.js";
import { planOf } from "./helpers.js";

const TEXT = `
  FROM alpine
  COPY main.c /src/
  COPY docs /docs
  COPY *.txt /t/
  COPY --from=alpine /etc/hosts /h
  ADD https://example.com/x.tgz /x
`;

describe("COPY/ADD sources against .dockerignore and the context listing (§8.5)", () => {
  it("CopyIgnoredFile: an excluded source, from the ignore file alone", () => {
    const p = planOf(TEXT, { dockerignore: "*.c\n" });
    expect(p.diagnostics.map((d) => [d.code, d.severity, d.line, d.column])).toEqual([["CopyIgnoredFile", "warning", 2, 6]]);
    expect(p.diagnostics[0]!.message).toBe('"main.c" is excluded by .dockerignore: the build fails with "not found"');
  });

  it("stays silent without a file list when the ignore file has exceptions (as BuildKit's check)", () => {
    expect(planOf(TEXT, { dockerignore: "*.c\n!keep.c\n" }).diagnostics).toEqual([]);
  });

  it("parent directories count: excluding docs excludes docs/", () => {
    const p = planOf(TEXT, { dockerignore: "docs\n" });
    expect(p.diagnostics.map((d) => d.code)).toEqual(["CopyIgnoredFile"]);
    expect(p.diagnostics[0]!.line).toBe(3);
  });

  it("with a file list: not found, ignored, and empty wildcards", () => {
    const p = planOf(TEXT, { contextFiles: ["main.c", "a.md"], dockerignore: "main.c\n" });
    expect(p.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["CopyIgnoredFile", 2],
      ["CopySourceNotFound", 3],
      ["CopyWildcardNoMatch", 4],
    ]);
    expect(p.diagnostics[2]!.severity).toBe("info");
  });

  it("with a file list the walker's exceptions are honoured", () => {
    const p = planOf(`
      FROM alpine
      COPY src/keep.txt /k
      COPY src/drop.txt /d
    `, { contextFiles: ["src/keep.txt", "src/drop.txt"], dockerignore: "src\n!src/keep.txt\n" });
    expect(p.diagnostics.map((d) => [d.code, d.line])).toEqual([["CopyIgnoredFile", 3]]);
  });

  it("a directory source is found through the files below it", () => {
    const p = planOf(TEXT.replace("COPY *.txt /t/\n", ""), { contextFiles: ["main.c", "docs/a/b.md"] });
    expect(p.diagnostics).toEqual([]);
  });

  it("skipped stages are not checked", () => {
    const p = planOf(`
      FROM alpine AS unused
      COPY main.c /
      FROM alpine
    `, { dockerignore: "*.c" });
    expect(p.diagnostics).toEqual([]);
  });

  it("an invalid .dockerignore pattern is an error", () => {
    const p = planOf(TEXT, { dockerignore: "!\n" });
    expect(p.diagnostics.map((d) => d.code)).toContain("InvalidDockerignore");
  });

  it("RUN bind mounts of the context are checked too", () => {
    const p = planOf(`
      FROM golang
      RUN --mount=type=bind,source=go.sum,target=go.sum --mount=type=bind,source=go.mod,target=go.mod go mod download
      RUN --mount=target=/ctx ls
    `, { contextFiles: ["go.mod"] });
    expect(p.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["CopySourceNotFound", 2, 30]]);
  });
});

describe("COPY source paths", () => {
  it("cleanPath", () => {
    const cases: [string, string][] = [
      ["/a/b", "a/b"], ["a/b", "a/b"], ["/", "."], ["", "."], [".", "."], ["./a", "a"], ["a/./b", "a/b"],
      ["a/../b", "b"], ["a//b/", "a/b"], ["../x", "x"], ["a.b/c..d", "a.b/c..d"], [".hidden/x", ".hidden/x"],
    ];
    for (const [input, out] of cases) expect([input, cleanPath(input)]).toEqual([input, out]);
  });
  it("sources select per path component with filepath.Match rules; ** is a plain *", () => {
    const sel = (src: string, path: string): boolean => sourceSelects(compileSource(src), path);
    expect(sel("src", "src/a/b")).toBe(true);
    expect(sel("src", "srcx")).toBe(false);
    expect(sel("*.go", "main.go")).toBe(true);
    expect(sel("*.go", "cmd/main.go")).toBe(false);
    expect(sel("cmd/*/main.go", "cmd/x/main.go")).toBe(true);
    expect(sel("**/*.go", "a/b.go")).toBe(true);
    expect(sel("**/*.go", "a/b/c.go")).toBe(false);
    expect(sel("file[0-9].txt", "file1.txt")).toBe(true);
    expect(sel("file[!0-9].txt", "file1.txt")).toBe(false);
    expect(sel(".", "anything/at/all")).toBe(true);
  });
});
