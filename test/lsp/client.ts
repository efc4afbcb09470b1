// A small LSP client for the end-to-end tests: spawns the built CLI's `lsp --stdio` and speaks JSON-RPC to it.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from "vscode-jsonrpc/node";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver-types";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(repoRoot, "packages/cli/bin/shipshape.js");
const bundle = path.join(repoRoot, "packages/cli/dist/shipshape.mjs");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the CLI (tsc + bundle) when its output is older than any package source; one test file builds, the others wait. */
export function ensureBuilt(): void {
  const sources = readdirSync(path.join(repoRoot, "packages")).map((p) => path.join(repoRoot, "packages", p, "src")).filter(existsSync);
  const stale = () => !existsSync(bundle) || Math.max(...sources.map(newestMtime)) > statSync(bundle).mtimeMs;
  if (!stale()) return;
  const lock = path.join(repoRoot, "node_modules/.shipshape-lsp-test-build");
  try {
    mkdirSync(lock);
  } catch {
    const until = Date.now() + 240_000;
    while (existsSync(lock) && Date.now() < until) execFileSync("sleep", ["0.2"]);
    return;
  }
  try {
    // The bin runs the esbuild bundle, built from the sources; a type error elsewhere in the tree
    // (another package mid-change) must not stop the server tests, so tsc's status is not fatal.
    try {
      execFileSync("npx", ["tsc", "-b"], { cwd: repoRoot, stdio: "ignore" });
    } catch {
      // reported by the build itself, not here
    }
    execFileSync("npm", ["run", "build:bundle", "-w", "@shipshape/cli"], { cwd: repoRoot, stdio: "ignore" });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A throw-away workspace folder with the given files. */
export function workspace(files: Record<string, string>): { dir: string; uri: (name: string) => string; write: (name: string, text: string) => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "shipshape-lsp-"));
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  };
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { dir, uri: (name) => pathToFileURL(path.join(dir, name)).href, write };
}

export interface TestClient {
  connection: MessageConnection;
  process: ChildProcess;
  stderr: () => string;
  request<R>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
  open(uri: string, languageId: string, text: string, version?: number): Promise<void>;
  /** The next diagnostics published for `uri` at `version` or later. */
  diagnostics(uri: string, minVersion?: number): Promise<Diagnostic[]>;
  published: Map<string, PublishDiagnosticsParams[]>;
  stop(): Promise<void>;
}

export async function startClient(options: { root?: string; settings?: Record<string, unknown>; configuration?: boolean } = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [bin, "lsp", "--stdio"], { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published = new Map<string, PublishDiagnosticsParams[]>();
  const waiters: { uri: string; minVersion: number; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && (p.version ?? 0) >= w.minVersion) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => p.items.map(() => options.settings ?? {}));
  connection.onRequest("client/registerCapability", () => null);
  connection.listen();
  const root = options.root;
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: root ? pathToFileURL(root).href : null,
    workspaceFolders: root ? [{ uri: pathToFileURL(root).href, name: "ws" }] : null,
    capabilities: { workspace: { configuration: options.configuration ?? true } },
  });
  await connection.sendNotification("initialized", {});
  const client: TestClient = {
    connection,
    process: child,
    stderr: () => stderr,
    published,
    request: (method, params) => connection.sendRequest(method, params),
    notify: (method, params) => connection.sendNotification(method, params),
    open: (uri, languageId, text, version = 1) => connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version, text } }),
    diagnostics: (uri, minVersion = 0) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri}; stderr: ${stderr}`)), 20_000);
        waiters.push({ uri, minVersion, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      }),
    async stop() {
      try {
        await connection.sendRequest("shutdown");
        await connection.sendNotification("exit");
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
      connection.dispose();
    },
  };
  return client;
}

/** The offset-free position of the `<|>` marker, and the text without it. */
export function cursor(textWithMarker: string): { text: string; position: { line: number; character: number } } {
  const at = textWithMarker.indexOf("<|>");
  const text = textWithMarker.replace("<|>", "");
  const before = textWithMarker.slice(0, at).split("\n");
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

/** Applies LSP text edits (from a code action or a workspace edit) to a text with `\n` line ends. */
export function applyTextEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText: string }[]): string {
  const lines = text.split("\n");
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

type Position = { line: number; character: number };

/** Waits (up to 15 s) until the latest diagnostics published for `uri` satisfy `ok`; fails saying `what`. */
export async function until(client: TestClient, uri: string, ok: (ds: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const latest = client.published.get(uri)?.at(-1)?.diagnostics;
    if (latest && ok(latest)) return latest;
    if (Date.now() > deadline) throw new Error(`${what}; last published: ${JSON.stringify(latest?.map((d) => d.code))}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
