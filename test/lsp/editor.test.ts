import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeLens, DocumentLink, InlayHint, SelectionRange, SignatureHelp, TextEdit } from "vscode-languageserver-types";
import { type TestClient, cursor, ensureBuilt, startClient, workspace } from "./client.js";

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split("\n");
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe("presentation features over stdio", () => {
  let client: TestClient;
  const ws = workspace({});
  let n = 0;
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  async function open(text: string, name = "Dockerfile", languageId = "dockerfile"): Promise<string> {
    const uri = ws.uri(`e${n++}/${name}`);
    await client.open(uri, languageId, text);
    return uri;
  }

  it("formats a Dockerfile and leaves heredoc bodies untouched", async () => {
    const text = "from alpine:3.20   \n  run <<EOF\n   indented   \n\tkept\t\nEOF\ncopy a \\\n    /b  \n";
    const uri = await open(text);
    const edits = (await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    expect(apply(text, edits)).toBe("FROM alpine:3.20\nRUN <<EOF\n   indented   \n\tkept\t\nEOF\nCOPY a \\\n    /b\n");
  });

  it("shows resolved ARG values in FROM as inlay hints", async () => {
    const uri = await open("ARG BASE=alpine\nARG TAG=3.20\nFROM ${BASE}:${TAG}\n");
    const hints = (await client.request("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } } })) as InlayHint[];
    expect(hints.map((h) => [h.position, h.label])).toEqual([
      [{ line: 2, character: 12 }, "= alpine"],
      [{ line: 2, character: 19 }, "= 3.20"],
    ]);
  });

  it("puts a code lens on each stage from the simulator", async () => {
    const uri = await open("FROM golang:1.23 AS build\nRUN go build\nCOPY . .\nFROM alpine:3.20 AS unused\nRUN true\nFROM alpine:3.20\nCOPY --from=build /out /app\n");
    const lenses = (await client.request("textDocument/codeLens", { textDocument: { uri } })) as CodeLens[];
    expect(lenses.map((l) => [l.range.start.line, l.command!.title])).toEqual([
      [0, "built · 2 layers"],
      [3, expect.stringMatching(/^skipped.* · 1 layer$/)],
      [5, "target · 1 layer"],
    ]);
  });

  it("returns semantic tokens for keywords, flags, variables, comments and stage names", async () => {
    const uri = await open("# c\nFROM alpine AS base\nCOPY --link $A /b\n");
    const { data } = (await client.request("textDocument/semanticTokens/full", { textDocument: { uri } })) as { data: number[] };
    const tokens: [number, number, number, number, number][] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
      tokens.push([line, char, data[i + 2]!, data[i + 3]!, data[i + 4]!]);
    }
    // legend: keyword, parameter, variable, comment, namespace, macro; modifier 1 = declaration
    expect(tokens).toEqual([
      [0, 0, 3, 3, 0],
      [1, 0, 4, 0, 0],
      [1, 15, 4, 4, 1],
      [2, 0, 4, 0, 0],
      [2, 5, 6, 1, 0],
      [2, 12, 2, 2, 0],
    ]);
  });

  it("links base images and compose files", async () => {
    const uri = await open("FROM node:20 AS build\nFROM ghcr.io/acme/app:1\nFROM build\n");
    const links = (await client.request("textDocument/documentLink", { textDocument: { uri } })) as DocumentLink[];
    expect(links.map((l) => l.target)).toEqual(["https://hub.docker.com/_/node", "https://ghcr.io/acme/app"]);
    const composeUri = await open("services:\n  web:\n    image: bitnami/redis:7\n    build:\n      context: ./app\n      dockerfile: Dockerfile.dev\n    env_file: [.env.web]\n", "compose.yaml", "dockercompose");
    const composeLinks = (await client.request("textDocument/documentLink", { textDocument: { uri: composeUri } })) as DocumentLink[];
    const dir = composeUri.slice(0, composeUri.lastIndexOf("/"));
    expect(composeLinks.map((l) => l.target)).toEqual(["https://hub.docker.com/r/bitnami/redis", `${dir}/app/Dockerfile.dev`, `${dir}/.env.web`]);
  });

  it("expands the selection from a word to the file", async () => {
    const { text, position } = cursor("FROM alpine:3.20 AS a\nCOPY --chown=app:app sr<|>c/ /dst\n");
    const uri = await open(text);
    const [sel] = (await client.request("textDocument/selectionRange", { textDocument: { uri }, positions: [position] })) as SelectionRange[];
    const chain: string[] = [];
    const lines = text.split("\n");
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) {
      const r = s.range;
      chain.push(r.start.line === r.end.line ? lines[r.start.line]!.slice(r.start.character, r.end.character) : `${r.start.line}-${r.end.line}`);
    }
    expect(chain).toEqual(["src/", "src/ /dst", "COPY --chown=app:app src/ /dst", "0-1", "0-2"]);
    const composeUri = await open("services:\n  web:\n    image: nginx\n", "compose.yaml", "dockercompose");
    const [c] = (await client.request("textDocument/selectionRange", { textDocument: { uri: composeUri }, positions: [{ line: 2, character: 13 }] })) as SelectionRange[];
    expect(c!.range).toEqual({ start: { line: 2, character: 11 }, end: { line: 2, character: 16 } });
    expect(c!.parent!.range.start).toEqual({ line: 2, character: 4 });
  });

  it("shows the instruction's signature while typing", async () => {
    const uri = await open("FROM alpine:3.20\nCOPY --chown=a src \n");
    const help = (await client.request("textDocument/signatureHelp", { textDocument: { uri }, position: { line: 1, character: 19 } })) as SignatureHelp;
    const signature = help.signatures[0]!;
    expect(signature.label).toMatch(/^COPY \[--from=<stage>\]/);
    // Parameters are places in the label, so a client highlights exactly the one being typed: the destination.
    const [start, end] = signature.parameters![help.activeParameter!]!.label as [number, number];
    expect(signature.label.slice(start, end)).toBe("<dest>");
  });
});
