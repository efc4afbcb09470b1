// Files the server reads for a lint but the editor does not open: a change on disk, reported through
// workspace/didChangeWatchedFiles, reaches the next diagnostics (the server's lint sessions keep what they read).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestClient, ensureBuilt, startClient, until, workspace } from "./client.js";

const DOCKERFILE = "FROM alpine:3.20\nCOPY secret.txt /etc/\n";
const COMPOSE = 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n';

describe("watched files over stdio", () => {
  let client: TestClient;
  const ws = workspace({ Dockerfile: DOCKERFILE, ".dockerignore": "secret.txt\n", "secret.txt": "x\n", "compose.yaml": COMPOSE });
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  it("re-lints with the new .dockerignore after it changes on disk", async () => {
    const uri = ws.uri("Dockerfile");
    const first = client.diagnostics(uri, 1);
    await client.open(uri, "dockerfile", DOCKERFILE);
    expect((await first).map((d) => d.code)).toContain("CopyIgnoredFile");
    // Linting again without a change on disk keeps the finding (the session's copy of the file).
    await client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${DOCKERFILE}# edited\n` }] });
    await until(client, uri, (ds) => ds.some((d) => d.code === "CopyIgnoredFile"), "the finding went away without a change");
    writeFileSync(path.join(ws.dir, ".dockerignore"), "other.txt\n");
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: ws.uri(".dockerignore"), type: 2 }] });
    await until(client, uri, (ds) => !ds.some((d) => d.code === "CopyIgnoredFile"), "the new .dockerignore was not read");
  }, 60_000);

  it("re-lints compose files with a dclint config written after they were opened", async () => {
    const uri = ws.uri("compose.yaml");
    const first = client.diagnostics(uri, 1);
    await client.open(uri, "dockercompose", COMPOSE);
    expect((await first).map((d) => d.code)).not.toContain("DC005");
    writeFileSync(path.join(ws.dir, ".dclintrc"), JSON.stringify({ rules: { "no-unbound-port-interfaces": 2 } }));
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: ws.uri(".dclintrc"), type: 1 }] });
    await until(client, uri, (ds) => ds.some((d) => d.code === "DC005" && d.severity === 1), "the new .dclintrc was not applied");
  }, 60_000);
});
