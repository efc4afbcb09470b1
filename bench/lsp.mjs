// Latency of the language server as an editor sees it: open -> diagnostics and edit -> diagnostics,
// median and p95, on a generated 500-line Dockerfile and a 300-service compose file.
// Run after `npm run build`: node bench/lsp.mjs [--runs N]
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from "vscode-jsonrpc/node";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 15;

function dockerfile() {
  const lines = ["# syntax=docker/dockerfile:1", "ARG BASE=debian:12"];
  for (let stage = 0; lines.length < 500; stage++) {
    lines.push(`FROM \${BASE} AS stage${stage}`, "WORKDIR /src", `ENV STAGE=${stage}`);
    for (let i = 0; i < 20 && lines.length < 497; i++) {
      lines.push(i % 4 === 0 ? `RUN apt-get update && apt-get install -y --no-install-recommends pkg${i}=1.${i} && rm -rf /var/lib/apt/lists/*` : i % 4 === 1 ? `COPY src/${i} /src/${i}` : i % 4 === 2 ? `RUN echo "$STAGE" > /tmp/${i}` : `LABEL step${i}="value ${i}"`);
    }
  }
  return `${lines.slice(0, 500).join("\n")}\n`;
}

function compose() {
  const out = ["services:"];
  for (let i = 0; i < 300; i++) {
    out.push(`  svc${i}:`, `    image: registry.example/app${i}:1.${i}`, "    restart: unless-stopped", i ? "    depends_on: [svc0]" : "    healthcheck: { test: [CMD, true] }", "    networks: [back]", "    environment:", `      INDEX: "${i}"`);
  }
  out.push("networks:", "  back: {}");
  return `${out.join("\n")}\n`;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${s.length})`;
};

const dir = mkdtempSync(path.join(tmpdir(), "shipshape-lsp-bench-"));
const child = spawn(process.execPath, [path.join(root, "packages/cli/bin/shipshape.js"), "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
conn.onNotification("textDocument/publishDiagnostics", (p) => {
  const w = waiting.get(p.uri);
  if (w && (p.version ?? 0) >= w.version) {
    waiting.delete(p.uri);
    w.resolve(p.diagnostics.length);
  }
});
conn.onRequest("workspace/configuration", (p) => p.items.map(() => ({})));
conn.listen();
await conn.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "bench" }], capabilities: {} });
await conn.sendNotification("initialized", {});
const published = (uri, version) => new Promise((resolve) => waiting.set(uri, { version, resolve }));

async function measure(label, name, languageId, text) {
  const open = [];
  for (let i = 0; i < runs; i++) {
    const uri = pathToFileURL(path.join(dir, `${i}`, name)).href;
    const t = performance.now();
    const done = published(uri, 1);
    await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
    await done;
    open.push(performance.now() - t);
  }
  const uri = pathToFileURL(path.join(dir, "0", name)).href;
  const lines = text.split("\n");
  const edit = [];
  for (let v = 2; v < runs + 2; v++) {
    const line = 3 + ((v * 7) % (lines.length - 5));
    const t = performance.now();
    const done = published(uri, v);
    await conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: "" + (v % 2 ? " " : "") }] });
    await done;
    edit.push(performance.now() - t);
  }
  console.log(`${label}\n  open -> diagnostics: ${stats(open)}\n  edit -> diagnostics: ${stats(edit)}`);
}

await measure("Dockerfile, 500 lines", "Dockerfile", "dockerfile", dockerfile());
await measure("compose.yaml, 300 services", "compose.yaml", "dockercompose", compose());
await conn.sendRequest("shutdown");
await conn.sendNotification("exit");
