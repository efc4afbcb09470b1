import { describe, expect, it } from "vitest";
import {
  InstructionParser, detectSyntax, findDirective, isKnownInstruction, KNOWN_INSTRUCTIONS, parseHeredocMarker, parseImageReference,
  parseWordsBuildkit, PARSE_ERRORS,
} from "@shipshape/dockerfile";

describe("parseImageReference", () => {
  const parts = (value: string) => {
    const r = parseImageReference(value, 10);
    return [r.registry?.value, r.path.value, r.tag?.value, r.digest?.value];
  };

  it("splits registry, path, tag and digest like Docker's reference grammar", () => {
    expect(parts("node")).toEqual([undefined, "node", undefined, undefined]);
    expect(parts("library/node:20-alpine")).toEqual([undefined, "library/node", "20-alpine", undefined]);
    expect(parts("docker.io/library/node:20")).toEqual(["docker.io", "library/node", "20", undefined]);
    expect(parts("localhost:5000/app")).toEqual(["localhost:5000", "app", undefined, undefined]);
    expect(parts("localhost/app:1")).toEqual(["localhost", "app", "1", undefined]);
    expect(parts("app@sha256:abc")).toEqual([undefined, "app", undefined, "sha256:abc"]);
    // an upper-case first component counts as a registry, as in Docker's grammar
    expect(parts("${REG}/app:${TAG}")).toEqual(["${REG}", "app", "${TAG}", undefined]);
    expect(parts("${base}/app")).toEqual([undefined, "${base}/app", undefined, undefined]);
  });

  it("ranges are offset by the start", () => {
    const r = parseImageReference("ghcr.io/a/b:1", 10);
    expect(r.range).toEqual({ start: 10, end: 23 });
    expect(r.tag?.range).toEqual({ start: 22, end: 23 });
  });
});

describe("word helpers", () => {
  it("parseWordsBuildkit keeps quotes and escapes, with offsets", () => {
    expect(parseWordsBuildkit(`a="x y" b\\ c 'd'`)).toEqual([
      { value: 'a="x y"', start: 0, end: 7 },
      { value: "b\\ c", start: 8, end: 12 },
      { value: "'d'", start: 13, end: 16 },
    ]);
    expect(parseWordsBuildkit("a` b c", "`").map((w) => w.value)).toEqual(["a` b", "c"]);
  });

  it("parseHeredocMarker", () => {
    expect(parseHeredocMarker("3<<-EOF")).toEqual({ name: "EOF", chomp: true, fileDescriptor: 3, expand: true });
    expect(parseHeredocMarker("<EOF")).toBeUndefined();
  });

  it("known instructions", () => {
    expect(KNOWN_INSTRUCTIONS).toContain("HEALTHCHECK");
    expect(isKnownInstruction("run")).toBe(true);
    expect(isKnownInstruction("form")).toBe(false);
  });

  it("parse errors have unique codes and kebab-case names", () => {
    const infos = Object.values(PARSE_ERRORS);
    expect(new Set(infos.map((e) => e.code)).size).toBe(infos.length);
    for (const e of infos) expect(e.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
  });
});

describe("directive detection for frontends", () => {
  it("skips a shebang, accepts // and JSON for syntax only", () => {
    expect(detectSyntax("#!/bin/sh\n# syntax=docker/dockerfile:1.7 opts\nFROM a\n")).toMatchObject({
      ref: "docker/dockerfile:1.7",
      cmdline: "docker/dockerfile:1.7 opts",
      line: 2,
    });
    expect(detectSyntax("//syntax=x\n")?.ref).toBe("x");
    expect(detectSyntax('{"syntax": "y"}')?.ref).toBe("y");
    expect(findDirective("//check=skip=all\n", "check")).toBeUndefined();
    expect(findDirective("# check=skip=all\nFROM a\n", "check")?.range).toEqual({ start: 8, end: 16 });
  });
});

describe("grammar", () => {
  it("has one rule per instruction kind (what the railroad diagram draws)", () => {
    const names = new InstructionParser().getSerializedGastProductions().map((r) => (r as { name: string }).name);
    for (const k of KNOWN_INSTRUCTIONS) expect(names).toContain(`${k.toLowerCase()}Instruction`);
    expect(names).toContain("unknownInstruction");
  });
});
