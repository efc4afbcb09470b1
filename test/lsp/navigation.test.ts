import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentHighlight, DocumentSymbol, FoldingRange, Location, Range, WorkspaceEdit } from "vscode-languageserver-types";
import { type TestClient, cursor, ensureBuilt, startClient, workspace } from "./client.js";

const DOCKERFILE = `ARG GO=1.23
FROM golang:\${GO} AS build
ARG GO
RUN echo $GO
FROM alpine:3.20 AS final
COPY --from=build /out /app
RUN --mount=type=cache,from=build,target=/c true
`;

const COMPOSE = `x-base: &base
  restart: always
services:
  web:
    <<: *base
    image: nginx:1.27
    depends_on: [db]
    networks: [front]
    volumes: ["data:/var/lib"]
    secrets: [token]
    configs: [conf]
  db:
    <<: *base
    image: postgres:16
    build:
      context: ./app
      target: runtime
networks:
  front: {}
volumes:
  data: {}
secrets:
  token:
    file: ./t
configs:
  conf:
    file: ./c
`;

const slice = (text: string, r: Range) => {
  const lines = text.split("\n");
  return lines[r.start.line]!.slice(r.start.character, r.start.line === r.end.line ? r.end.character : undefined);
};

describe("navigation over stdio", () => {
  let client: TestClient;
  const ws = workspace({ "app/Dockerfile": "FROM golang:1.23 AS build\nFROM alpine:3.20 AS runtime\n" });
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
    await client.open(ws.uri("Dockerfile"), "dockerfile", DOCKERFILE);
    await client.open(ws.uri("compose.yaml"), "dockercompose", COMPOSE);
  }, 300_000);
  afterAll(async () => client?.stop());

  const at = (text: string, needle: string, delta = 1) => {
    const i = text.indexOf(needle) + delta;
    const before = text.slice(0, i).split("\n");
    return { line: before.length - 1, character: before[before.length - 1]!.length };
  };
  const df = (method: string, position: { line: number; character: number }, extra: object = {}) =>
    client.request<unknown>(method, { textDocument: { uri: ws.uri("Dockerfile") }, position, ...extra });
  const cf = (method: string, position: { line: number; character: number }, extra: object = {}) =>
    client.request<unknown>(method, { textDocument: { uri: ws.uri("compose.yaml") }, position, ...extra });

  it("goes from a stage reference to its definition and lists every reference", async () => {
    const def = (await df("textDocument/definition", at(DOCKERFILE, "--from=build", 8))) as Location[];
    expect(def).toHaveLength(1);
    expect(def[0]!.range.start).toEqual({ line: 1, character: 21 });
    const refs = (await df("textDocument/references", at(DOCKERFILE, "AS build", 4), { context: { includeDeclaration: true } })) as Location[];
    expect(refs.map((r) => r.range.start.line)).toEqual([1, 5, 6]);
    expect(refs.every((r) => slice(DOCKERFILE, r.range) === "build")).toBe(true);
  });

  it("highlights and renames an ARG with every use", async () => {
    const hl = (await df("textDocument/documentHighlight", at(DOCKERFILE, "$GO", 2))) as DocumentHighlight[];
    expect(hl.map((h) => h.range.start.line)).toEqual([0, 1, 2, 3]);
    expect(hl.filter((h) => h.kind === 3).map((h) => h.range.start.line)).toEqual([0, 2]);
    const edit = (await df("textDocument/rename", at(DOCKERFILE, "$GO", 2), { newName: "GOVERSION" })) as WorkspaceEdit;
    const edits = edit.changes![ws.uri("Dockerfile")]!;
    expect(edits).toHaveLength(4);
    expect(edits.every((e) => slice(DOCKERFILE, e.range) === "GO" && e.newText === "GOVERSION")).toBe(true);
    const prepare = (await df("textDocument/prepareRename", at(DOCKERFILE, "AS final", 4))) as { placeholder: string };
    expect(prepare.placeholder).toBe("final");
  });

  it("goes to a variable's declaration in force", async () => {
    const def = (await df("textDocument/definition", at(DOCKERFILE, "$GO", 2))) as Location[];
    expect(def[0]!.range.start).toEqual({ line: 2, character: 4 });
  });

  it("navigates compose services, networks, volumes, secrets and configs", async () => {
    const checks: [string, number, string][] = [
      ["[db]", 1, "db"],
      ["[front]", 1, "front"],
      ['"data:', 1, "data"],
      ["[token]", 1, "token"],
      ["[conf]", 1, "conf"],
    ];
    for (const [needle, delta, name] of checks) {
      const def = (await cf("textDocument/definition", at(COMPOSE, needle, delta))) as Location[];
      expect(def, needle).toHaveLength(1);
      expect(slice(COMPOSE, def[0]!.range)).toBe(name);
      expect(def[0]!.range.start.line).toBeGreaterThan(at(COMPOSE, needle).line);
      const refs = (await cf("textDocument/references", def[0]!.range.start, { context: { includeDeclaration: false } })) as Location[];
      expect(refs.map((r) => r.range.start.line)).toEqual([at(COMPOSE, needle).line]);
    }
    const rename = (await cf("textDocument/rename", at(COMPOSE, "  db:", 2), { newName: "database" })) as WorkspaceEdit;
    expect(rename.changes![ws.uri("compose.yaml")]!.map((e) => e.range.start.line).sort((a, b) => a - b)).toEqual([6, 11]);
  });

  it("navigates YAML anchors and aliases", async () => {
    const def = (await cf("textDocument/definition", at(COMPOSE, "*base", 2))) as Location[];
    expect(def[0]!.range.start).toEqual({ line: 0, character: 9 });
    const refs = (await cf("textDocument/references", at(COMPOSE, "&base", 2), { context: { includeDeclaration: true } })) as Location[];
    expect(refs.map((r) => r.range.start.line)).toEqual([0, 4, 12]);
    const rename = (await cf("textDocument/rename", at(COMPOSE, "&base", 2), { newName: "defaults" })) as WorkspaceEdit;
    expect(rename.changes![ws.uri("compose.yaml")]!.every((e) => slice(COMPOSE, e.range) === "base")).toBe(true);
  });

  it("goes from build.target to the stage in the service's Dockerfile", async () => {
    const def = (await cf("textDocument/definition", at(COMPOSE, "target: runtime", 10))) as Location[];
    expect(def).toEqual([{ uri: ws.uri("app/Dockerfile"), range: { start: { line: 1, character: 20 }, end: { line: 1, character: 27 } } }]);
  });

  it("finds and renames compose build.target values from the Dockerfile stage", async () => {
    const appUri = ws.uri("app/Dockerfile");
    await client.open(appUri, "dockerfile", "FROM golang:1.23 AS build\nFROM alpine:3.20 AS runtime\n");
    const position = { line: 1, character: 22 };
    const refs = (await client.request("textDocument/references", { textDocument: { uri: appUri }, position, context: { includeDeclaration: true } })) as Location[];
    expect(refs).toEqual([
      { uri: appUri, range: { start: { line: 1, character: 20 }, end: { line: 1, character: 27 } } },
      { uri: ws.uri("compose.yaml"), range: { start: { line: 16, character: 14 }, end: { line: 16, character: 21 } } },
    ]);
    const edit = (await client.request("textDocument/rename", { textDocument: { uri: appUri }, position, newName: "prod" })) as WorkspaceEdit;
    expect(Object.keys(edit.changes!).sort()).toEqual([appUri, ws.uri("compose.yaml")].sort());
    expect(slice(COMPOSE, edit.changes![ws.uri("compose.yaml")]![0]!.range)).toBe("runtime");
    await client.notify("textDocument/didClose", { textDocument: { uri: appUri } });
  });

  it("lists hierarchical document symbols and workspace symbols", async () => {
    const symbols = (await client.request("textDocument/documentSymbol", { textDocument: { uri: ws.uri("Dockerfile") } })) as DocumentSymbol[];
    expect(symbols.map((s) => s.name)).toEqual(["ARG GO=1.23", "build", "final"]);
    expect(symbols[1]!.children!.map((c) => c.name)).toEqual(["ARG GO", "RUN echo $GO"]);
    const composeSymbols = (await client.request("textDocument/documentSymbol", { textDocument: { uri: ws.uri("compose.yaml") } })) as DocumentSymbol[];
    expect(composeSymbols.find((s) => s.name === "services")!.children!.map((c) => c.name)).toEqual(["web", "db"]);
    const found = (await client.request("workspace/symbol", { query: "fin" })) as { name: string; location: Location }[];
    expect(found.map((f) => f.name)).toEqual(["final"]);
    const all = (await client.request("workspace/symbol", { query: "" })) as { name: string }[];
    expect(all.map((f) => f.name)).toEqual(expect.arrayContaining(["build", "final", "web", "db", "front", "data", "token", "conf"]));
  });

  it("folds stages, multi-line instructions and compose mappings", async () => {
    const folds = (await client.request("textDocument/foldingRange", { textDocument: { uri: ws.uri("Dockerfile") } })) as FoldingRange[];
    expect(folds).toEqual(expect.arrayContaining([{ startLine: 1, endLine: 3, kind: "region" }, { startLine: 4, endLine: 6, kind: "region" }]));
    const composeFolds = (await client.request("textDocument/foldingRange", { textDocument: { uri: ws.uri("compose.yaml") } })) as FoldingRange[];
    expect(composeFolds).toEqual(expect.arrayContaining([{ startLine: 2, endLine: 16 }, { startLine: 3, endLine: 10 }, { startLine: 11, endLine: 16 }, { startLine: 14, endLine: 16 }, { startLine: 22, endLine: 23 }]));
    expect(composeFolds.some((f) => f.startLine === 5)).toBe(false);
  });
});
