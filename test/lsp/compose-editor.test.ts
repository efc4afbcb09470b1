import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FoldingRange, InlayHint, SelectionRange } from "vscode-languageserver-types";
import { TOKEN_TYPES } from "@shipshape/language-service";
import { type TestClient, ensureBuilt, startClient, workspace } from "./client.js";

const whole = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

describe("compose presentation features over stdio", () => {
  let client: TestClient;
  // Only the extending file is opened: the base file is read from disk through the workspace reader.
  const ws = workspace({ "shared/base.yaml": "services:\n  app:\n    image: acme/app:1.0\n    restart: always\n    environment:\n      LOG: info\n" });
  // The server advertises exactly this legend (server.ts spreads it into its capabilities).
  const legend: readonly string[] = TOKEN_TYPES;
  let n = 0;
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  async function open(text: string): Promise<string> {
    const uri = ws.uri(`c${n++}/compose.yaml`);
    await client.open(uri, "dockercompose", text);
    return uri;
  }

  it("shows the inherited value beside each key an extends override sets, within the file and from extends.file", async () => {
    const text = [
      "services:",
      "  base:",
      "    image: nginx:1.25",
      "    command: [nginx, -g, daemon off;]",
      "  web:",
      "    extends: base",
      "    image: nginx:1.27",
      "    command: nginx-debug",
      "  api:",
      "    extends:",
      "      file: ../shared/base.yaml",
      "      service: app",
      "    image: acme/app:2.0",
      "    environment:",
      "      LOG: debug",
      "      EXTRA: 1",
      "",
    ].join("\n");
    const uri = await open(text);
    const hints = await client.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range: whole });
    expect(hints.map((h) => [h.position, h.label])).toEqual([
      [{ line: 6, character: 21 }, "base: nginx:1.25"],
      [{ line: 7, character: 24 }, "base: [nginx, -g, daemon off;]"],
      [{ line: 12, character: 23 }, "app: acme/app:1.0"],
      [{ line: 14, character: 16 }, "app: info"],
    ]);
    expect(hints[2]!.tooltip).toContain("shared/base.yaml");
    const some = await client.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 12, character: 0 }, end: { line: 13, character: 0 } } });
    expect(some.map((h) => h.label)).toEqual(["app: acme/app:1.0"]);
  });

  const text = [
    "x-logging: &logging", //                   0
    "  driver: json-file", //                   1
    "services:", //                             2
    "  web:", //                                3
    "    image: app:${TAG:-latest}", //         4
    "    logging: *logging", //                 5
    "    depends_on: [db]", //                  6
    "    networks: [front]", //                 7
    "  db:", //                                 8
    "    image: postgres:16", //                9
    "    logging: *logging", //                 10
    "networks:", //                             11
    "  front: {}", //                           12
    "",
  ].join("\n");

  /** `[line, text, type, declaration]` of each token. */
  const decode = (data: number[]) => {
    const lines = text.split("\n");
    const out: [number, string, string, boolean][] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i] === 0 ? char + data[i + 1]! : data[i + 1]!;
      out.push([line, lines[line]!.slice(char, char + data[i + 2]!), legend[data[i + 3]!]!, data[i + 4] === 1]);
    }
    return out;
  };

  it("keeps the Dockerfile part of the legend unchanged", () => {
    expect(legend.slice(0, 6)).toEqual(["keyword", "parameter", "variable", "comment", "namespace", "macro"]);
    expect(legend).toEqual(expect.arrayContaining(["class", "interface", "operator", "string"]));
  });

  it("returns semantic tokens for compose names, variables and anchors, for the file and for a range", async () => {
    const uri = await open(text);
    const full = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", { textDocument: { uri } });
    expect(decode(full.data)).toEqual([
      [0, "&logging", "macro", true],
      [3, "web", "class", true],
      [4, "TAG", "variable", false],
      [4, ":-", "operator", false],
      [4, "latest", "string", false],
      [5, "*logging", "macro", false],
      [6, "db", "class", false],
      [7, "front", "interface", false],
      [8, "db", "class", true],
      [10, "*logging", "macro", false],
      [12, "front", "interface", true],
    ]);
    const part = await client.request<{ data: number[] }>("textDocument/semanticTokens/range", { textDocument: { uri }, range: { start: { line: 6, character: 0 }, end: { line: 9, character: 0 } } });
    expect(decode(part.data)).toEqual([
      [6, "db", "class", false],
      [7, "front", "interface", false],
      [8, "db", "class", true],
    ]);
  });

  it("folds YAML blocks once each, however often an alias repeats them", async () => {
    const uri = await open(text);
    const folds = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    expect(folds.map((f) => [f.startLine, f.endLine]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [0, 1],
      [2, 10],
      [3, 7],
      [8, 10],
      [11, 12],
    ]);
  });

  it("folds a comment block as a comment", async () => {
    const uri = await open("# Local stack.\n# Start with: docker compose up\nservices:\n  web:\n    image: nginx:1.27\n");
    const folds = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } });
    expect(folds.filter((f) => f.kind === "comment").map((f) => [f.startLine, f.endLine])).toEqual([[0, 1]]);
  });

  it("expands the selection from an alias and from a flow list item", async () => {
    const uri = await open(text);
    const lines = text.split("\n");
    const [alias, item] = await client.request<SelectionRange[]>("textDocument/selectionRange", {
      textDocument: { uri },
      positions: [
        { line: 5, character: 15 },
        { line: 7, character: 18 },
      ],
    });
    const chain = (s: SelectionRange | undefined) => {
      const out: string[] = [];
      for (; s; s = s.parent) out.push(s.range.start.line === s.range.end.line ? lines[s.range.start.line]!.slice(s.range.start.character, s.range.end.character) : `${s.range.start.line}-${s.range.end.line}`);
      return out;
    };
    expect(chain(alias)).toEqual(["*logging", "logging: *logging", "4-7", "3-7", "3-10", "2-10", "0-12", "0-13"]);
    expect(chain(item)).toEqual(["front", "[front]", "networks: [front]", "4-7", "3-7", "3-10", "2-10", "0-12", "0-13"]);
  });
});
