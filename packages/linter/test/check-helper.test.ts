import { describe, expect, it } from "vitest";
import latestTag from "../src/rules/dockerfile/latest-tag.js";
import { check, parseAnnotated, renderAnnotated } from "./helpers/check.js";

describe("caret-line helper", () => {
  it("reads carets as columns under the line above", () => {
    const { text, expected } = parseAnnotated(`
      FROM node:latest
      #         ^^^^^^ warning[DL3007]: a
      #^^^ error[X]: b
      # style[Y]: c
    `);
    expect(text).toBe("FROM node:latest\n");
    expect(expected).toEqual([
      { line: 0, column: 10, width: 6, severity: "warning", code: "DL3007", message: "a" },
      { line: 0, column: 0, width: 4, severity: "error", code: "X", message: "b" },
      { line: 0, column: 0, width: 1, severity: "style", code: "Y", message: "c" },
    ]);
  });

  it("renders what it parses", () => {
    const source = "FROM a\n#^^^ error[X]: b\nRUN x\n#   ^ info[Y]: c";
    const { text, expected } = parseAnnotated(source);
    expect(renderAnnotated(text, expected)).toBe(source);
  });

  it("keeps ordinary comments", () => {
    expect(parseAnnotated("# just a comment\nFROM a").text).toBe("# just a comment\nFROM a\n");
  });

  it("fails on a missing, extra or misplaced diagnostic", () => {
    expect(() => check(latestTag, `
      FROM node:latest
    `)).toThrow();
    expect(() => check(latestTag, `
      FROM node:20
      #         ^^ warning[DL3007]: Pin a version instead of 'latest'
    `)).toThrow();
    expect(() => check(latestTag, `
      FROM node:latest
      #        ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `)).toThrow();
    expect(() => check(latestTag, `
      FROM node:latest
      #         ^^^^^^ error[DL3007]: Pin a version instead of 'latest'
    `)).toThrow();
  });

  it("rejects a caret line with nothing above it", () => {
    expect(() => parseAnnotated("#^^ error[X]: y")).toThrow(/no line above/);
  });
});
