import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hover } from "vscode-languageserver-types";
import { documentSymbols, parseDocument } from "@shipshape/language-service";
import { type TestClient, ensureBuilt, startClient, workspace } from "./client.js";
import { sendRandomEdits } from "./random-edits.js";

describe("server robustness over stdio", () => {
  let client: TestClient;
  const ws = workspace({ "gone/Dockerfile": "FROM alpine:latest\n" });
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  const alive = async () => {
    const uri = ws.uri("alive/Dockerfile");
    await client.open(uri, "dockerfile", "FROM alpine:3.20\nRUN true\n", Date.now());
    const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 1 } });
    expect((h!.contents as { value: string }).value).toContain("**RUN**");
  };

  it("answers an unknown method with MethodNotFound and keeps serving", async () => {
    await expect(client.request("shipshape/noSuchMethod", {})).rejects.toMatchObject({ code: -32601 });
    await alive();
  });

  it("answers a request with malformed params with an error or an empty answer, and keeps serving", async () => {
    const outcomes = await Promise.allSettled([
      client.request("textDocument/hover", { textDocument: {}, position: "here" }),
      client.request("textDocument/completion", null),
      client.request("textDocument/codeAction", { textDocument: { uri: 42 }, range: null, context: {} }),
    ]);
    for (const o of outcomes) {
      if (o.status === "fulfilled") expect(o.value === null || (Array.isArray(o.value) && o.value.length === 0), JSON.stringify(o.value)).toBe(true);
      else expect(typeof (o.reason as { code?: unknown }).code).toBe("number");
    }
    await alive();
  });

  it("survives raw bytes that are not JSON-RPC", async () => {
    client.process.stdin!.write("Content-Length: 9\r\n\r\n{not json");
    await new Promise((r) => setTimeout(r, 200));
    expect(client.process.exitCode).toBeNull();
    await alive();
  });

  it("keeps an open document working after its file is deleted", async () => {
    const uri = ws.uri("gone/Dockerfile");
    const first = client.diagnostics(uri, 1);
    await client.open(uri, "dockerfile", "FROM alpine:latest\n");
    expect((await first).some((d) => d.code === "DL3007")).toBe(true);
    rmSync(path.join(ws.dir, "gone"), { recursive: true, force: true });
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri, type: 3 }] });
    const next = client.diagnostics(uri, 2);
    await client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: "FROM alpine:latest\nMAINTAINER x\n" }] });
    const ds = await next;
    expect(ds.map((d) => d.code)).toEqual(expect.arrayContaining(["DL3007", "DL4000"]));
    const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 1 } });
    expect((h!.contents as { value: string }).value).toContain("**FROM**");
  });

  it("takes 1,000 random incremental edits to one document without a crash, then lints the final text", async () => {
    const uri = ws.uri("random/Dockerfile");
    let text = "FROM alpine:3.20 AS base\nARG A=1\nRUN --mount=type=cache,target=/c echo $A\nCOPY --from=base /x /y\n";
    await client.open(uri, "dockerfile", text);
    const pieces = ["FROM ", "RUN ", "\\\n", "\n", "${A", "}", "$", "<<EOF\n", "EOF\n", "--mount=type=", "\"", "[", "]", "# hadolint ignore=DL3007\n", "é", "😀", " ", "AS ", "COPY --from=", "\r\n"];
    let version: number;
    ({ text, version } = await sendRandomEdits(client, uri, text, {
      pieces,
      seed: 7,
      probe: (_, position) =>
        Promise.all([
          client.request("textDocument/hover", { textDocument: { uri }, position }),
          client.request("textDocument/completion", { textDocument: { uri }, position }),
          client.request("textDocument/documentSymbol", { textDocument: { uri } }),
          client.request("textDocument/semanticTokens/full", { textDocument: { uri } }),
        ]),
    }));
    // The server applied every incremental change exactly: its symbols equal those of our copy.
    const local = documentSymbols(parseDocument({ uri, version, text, kind: "dockerfile" }));
    expect(await client.request("textDocument/documentSymbol", { textDocument: { uri } })).toEqual(JSON.parse(JSON.stringify(local)));
    const last = client.diagnostics(uri, version + 1);
    await client.notify("textDocument/didChange", { textDocument: { uri, version: version + 1 }, contentChanges: [{ text: `${text}\nFROM alpine:latest\n` }] });
    const ds = await last;
    expect(ds.some((d) => d.code === "DL3007")).toBe(true);
    expect(client.process.exitCode).toBeNull();
    expect(client.stderr()).not.toMatch(/internal error|TypeError|RangeError/);
  }, 120_000);
});
