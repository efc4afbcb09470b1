import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hover } from "vscode-languageserver-types";
import { documentSymbols, parseDocument } from "@shipshape/language-service";
import { type TestClient, ensureBuilt, startClient, workspace } from "./client.js";
import { lineCol, sendRandomEdits } from "./random-edits.js";

const BASE = "services:\n  base:\n    image: nginx:1.27\n";

describe("server robustness on compose files over stdio", () => {
  let client: TestClient;
  /** Errors the server logged: a feature that threw is caught and logged there, not crashed on. */
  const logged: string[] = [];
  const ws = workspace({ "gone/compose.yaml": "services:\n  web:\n    image: nginx\n    restart: sometimes\n", "shared/base.yaml": BASE });
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
    client.connection.onNotification("window/logMessage", (p: { type: number; message: string }) => {
      if (p.type === 1) logged.push(p.message);
    });
  }, 300_000);
  afterAll(async () => client?.stop());

  /** The server still answers a compose hover with the key's documentation. */
  const alive = async () => {
    const uri = ws.uri("alive/compose.yaml");
    await client.open(uri, "dockercompose", "services:\n  web:\n    image: nginx:1.27\n", Date.now());
    const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 5 } });
    expect((h!.contents as { value: string }).value).toContain("services.web.image");
  };

  it("answers malformed compose requests with an error or an empty answer, and keeps serving", async () => {
    const uri = ws.uri("alive/compose.yaml");
    await client.open(uri, "dockercompose", "services:\n  web:\n    image: nginx:1.27\n");
    const outcomes = await Promise.allSettled([
      client.request("textDocument/inlayHint", { textDocument: { uri }, range: "all" }),
      client.request("textDocument/semanticTokens/range", { textDocument: { uri }, range: { start: { line: -4, character: -1 }, end: null } }),
      client.request("textDocument/codeAction", { textDocument: { uri }, range: null, context: { diagnostics: [{ data: 7 }, null] } }),
      client.request("textDocument/completion", { textDocument: { uri }, position: "here" }),
    ]);
    for (const o of outcomes) {
      if (o.status === "rejected") expect(typeof (o.reason as { code?: unknown }).code).toBe("number");
      else expect([null, "[]", '{"data":[]}'], JSON.stringify(o.value)).toContain(o.value === null ? null : JSON.stringify(o.value));
    }
    // Positions past the end clamp to it: one answer per position, the whole file.
    const file = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const ranges = await client.request("textDocument/selectionRange", { textDocument: { uri }, positions: [{ line: 999, character: 999 }, "x"] }).catch((e: { code: number }) => e.code);
    expect([[{ range: file }, { range: file }], -32602, -32603]).toContainEqual(ranges);
    await alive();
  });

  it("keeps an open compose document working after its file and its extends target are deleted", async () => {
    const uri = ws.uri("gone/compose.yaml");
    const text = "services:\n  web:\n    extends:\n      file: ../shared/base.yaml\n      service: base\n    image: nginx:latest\n";
    const first = client.diagnostics(uri, 1);
    await client.open(uri, "dockercompose", text);
    await first;
    const hint = async () => client.request<{ label: string }[]>("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } } });
    expect((await hint()).map((h) => h.label)).toEqual(["base: nginx:1.27"]);
    rmSync(path.join(ws.dir, "gone"), { recursive: true, force: true });
    rmSync(path.join(ws.dir, "shared"), { recursive: true, force: true });
    await client.notify("workspace/didChangeWatchedFiles", {
      changes: [
        { uri, type: 3 },
        { uri: ws.uri("shared/base.yaml"), type: 3 },
      ],
    });
    const next = client.diagnostics(uri, 2);
    await client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${text}    restart: sometimes\n` }] });
    const ds = await next;
    // The missing base is reported at its `file:` value; the edit's own problem is still found.
    expect(ds.filter((d) => d.code === "CF011").map((d) => d.range.start.line)).toEqual([3]);
    expect(ds.filter((d) => d.code === "CF109").map((d) => d.range.start.line)).toEqual([6]);
    expect(await hint()).toEqual([]);
    const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 5, character: 5 } });
    expect((h!.contents as { value: string }).value).toContain("services.web.image");
  });

  it("takes 1,000 random incremental edits to one compose document without a crash, then lints the final text", async () => {
    logged.length = 0; // the malformed requests above are logged on purpose
    const uri = ws.uri("random/compose.yaml");
    let text = "x-base: &base\n  image: nginx:1.27\nservices:\n  web:\n    <<: *base\n    ports: [\"80:80\"]\n    environment:\n      A: ${A:-1}\n  db:\n    extends: web\n    depends_on: [web]\n";
    await client.open(uri, "dockercompose", text);
    const pieces = ["services:\n", "  ", "- ", ": ", "\n", "&a ", "*a", "<<: ", "${A", ":-", "}", "$", "[", "]", "{", "}", ",", "\"", "'", "#", "extends: ", "é", "😀", "\t", "\r\n", "---\n", "!reset ", "|\n"];
    let version: number;
    ({ text, version } = await sendRandomEdits(client, uri, text, {
      pieces,
      seed: 11,
      probe: (current, position) =>
        Promise.all([
          client.request("textDocument/hover", { textDocument: { uri }, position }),
          client.request("textDocument/completion", { textDocument: { uri }, position }),
          client.request("textDocument/documentSymbol", { textDocument: { uri } }),
          client.request("textDocument/semanticTokens/full", { textDocument: { uri } }),
          client.request("textDocument/inlayHint", { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: lineCol(current, current.length) } }),
          client.request("textDocument/foldingRange", { textDocument: { uri } }),
          client.request("textDocument/selectionRange", { textDocument: { uri }, positions: [position] }),
          client.request("textDocument/references", { textDocument: { uri }, position, context: { includeDeclaration: true } }),
        ]),
    }));
    // The server applied every incremental change exactly: its symbols equal those of our copy.
    const local = documentSymbols(parseDocument({ uri, path: path.join(ws.dir, "random/compose.yaml"), version, text, kind: "compose" }));
    expect(await client.request("textDocument/documentSymbol", { textDocument: { uri } })).toEqual(JSON.parse(JSON.stringify(local)));
    const last = client.diagnostics(uri, version + 1);
    await client.notify("textDocument/didChange", { textDocument: { uri, version: version + 1 }, contentChanges: [{ text: "services:\n  web:\n    image: nginx\n    restart: sometimes\n" }] });
    const ds = await last;
    expect(ds.filter((d) => d.code === "CF109").map((d) => d.range.start.line)).toEqual([3]);
    expect(client.process.exitCode).toBeNull();
    expect(client.stderr()).not.toMatch(/internal error|TypeError|RangeError/);
    expect(logged.filter((m) => /TypeError|RangeError|ReferenceError/.test(m))).toEqual([]);
  }, 120_000);
});
