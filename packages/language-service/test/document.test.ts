import { describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { parseDocument, type ParsedDocument } from "../src/document.js";

const uri = "file:///w/Dockerfile";
const open = (text: string, version: number, previous?: ParsedDocument, at = uri) =>
  parseDocument({ uri: at, path: "/w/Dockerfile", version, text, kind: "dockerfile", previous });

const V1 = "FROM alpine AS base\nRUN apk add curl\nCOPY . /src\nRUN make\n";
const V2 = "FROM alpine AS base\nRUN apk add curl\nCOPY . /src\nRUN make all\n";
const V3 = "FROM alpine AS base\nRUN apk add curl wget\nCOPY . /src\nRUN make all\n";

describe("parseDocument with the previous version", () => {
  it("keeps the instruction nodes before the edit and parses like a fresh document", () => {
    const v1 = open(V1, 1);
    const before = v1.dockerfile!.ast.instructions;
    const v2 = open(V2, 2, v1);
    const after = v2.dockerfile!.ast.instructions;
    expect(v2.dockerfile).toStrictEqual(parseDockerfile(V2));
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    for (let i = 0; i < 3; i++) expect(after[i]).toBe(before[i]);
    expect(after[3]).not.toBe(before[3]);
  });

  it("passes an earlier parse on through a version whose parse was never made", () => {
    const v1 = open(V1, 1);
    const first = v1.dockerfile!.ast.instructions[0];
    const v2 = open(V2, 2, v1);
    const v3 = open(V3, 3, v2);
    expect(v3.dockerfile).toStrictEqual(parseDockerfile(V3));
    expect(v3.dockerfile!.ast.instructions[0]).toBe(first);
    // v2 made its own parse later from the same base, so its nodes before the edit are v1's too
    expect(v2.dockerfile!.ast.instructions[0]).toBe(first);
  });

  it("takes only a parse that exists when the next version arrives (it keeps no document alive)", () => {
    const v1 = open(V1, 1);
    const v2 = open(V2, 2, v1);
    const late = v1.dockerfile!.ast.instructions[0];
    expect(v2.dockerfile).toStrictEqual(parseDockerfile(V2));
    expect(v2.dockerfile!.ast.instructions[0]).not.toBe(late);
  });

  it("does not take nodes from another document or another kind", () => {
    const other = open(V1, 1, undefined, "file:///w/other/Dockerfile");
    other.dockerfile;
    const mine = open(V1, 1, other);
    expect(mine.dockerfile).toStrictEqual(other.dockerfile);
    expect(mine.dockerfile!.ast.instructions[0]).not.toBe(other.dockerfile!.ast.instructions[0]);
    const compose = parseDocument({ uri, version: 2, text: "services: {}\n", kind: "compose", previous: mine });
    expect(compose.compose?.model).toBeDefined();
    expect(compose.dockerfile).toBeUndefined();
    const again = open(V1, 3, compose);
    expect(again.dockerfile!.ast.instructions[0]).not.toBe(mine.dockerfile!.ast.instructions[0]);
  });
});
