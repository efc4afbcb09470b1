import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver-types";
import { type TestClient, ensureBuilt, startClient, workspace } from "./client.js";

const DOCKERFILE = `FROM debian:latest
RUN apt-get update && apt-get install -y curl
MAINTAINER someone
FROM node:20 as Build
ENV A=1 \\

`;

const COMPOSE = `services:
  web:
    image: nginx
    depends_on: [db]
    ports: ["80:80"]
    restart: sometimes
`;

describe("diagnostics over stdio", () => {
  let client: TestClient;
  const ws = workspace({ "Dockerfile": DOCKERFILE, "compose.yaml": COMPOSE, "sub/Dockerfile": "FROM alpine:latest\nUSER root\n", "sub/.hadolint.yaml": "ignored: [DL3007]\n" });

  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  const byCode = (ds: Diagnostic[], code: string) => ds.find((d) => d.code === code);

  it("publishes lint findings for a Dockerfile with code, link, range and fix data", async () => {
    const uri = ws.uri("Dockerfile");
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, "dockerfile", DOCKERFILE);
    const ds = await pending;
    const latest = byCode(ds, "DL3007")!;
    expect(latest).toBeDefined();
    expect(latest.range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 18 } });
    expect(latest.codeDescription?.href).toBe("https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/DL3007.md");
    expect(latest.source).toBe("shipshape");
    expect(latest.severity).toBe(2);
    const maintainer = ds.find((d) => d.code === "DL4000")!;
    expect(maintainer.range.start.line).toBe(2);
    // Every finding carries what its code action needs.
    for (const d of ds) expect((d.data as { code: string }).code).toBe(d.code);
    const casing = ds.find((d) => (d.data as { aliases?: string[] }).aliases?.includes("FromAsCasing") || d.code === "FromAsCasing");
    expect(casing?.range.start.line).toBe(3);
    expect(ds.some((d) => (d.data as { fix?: unknown }).fix !== undefined)).toBe(true);
  });

  it("tags unnecessary or deprecated findings", async () => {
    const uri = ws.uri("Dockerfile");
    const ds = client.published.get(uri)!.at(-1)!.diagnostics;
    const maintainer = ds.find((d) => d.code === "DL4000")!;
    expect(maintainer.tags).toContain(2); // Deprecated
  });

  it("publishes compose findings, including schema errors", async () => {
    const uri = ws.uri("compose.yaml");
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, "dockercompose", COMPOSE);
    const ds = await pending;
    const restart = ds.find((d) => d.range.start.line === 5);
    expect(restart, JSON.stringify(ds)).toBeDefined();
    expect(restart!.severity).toBe(1);
    const undefinedService = ds.find((d) => d.range.start.line === 3 && d.range.start.character === 17);
    expect(undefinedService, JSON.stringify(ds)).toBeDefined();
  });

  it("treats a yaml document as compose only when its name is a compose name", async () => {
    const composeUri = ws.uri("docker-compose.yml");
    const pending = client.diagnostics(composeUri, 1);
    await client.open(composeUri, "yaml", "services:\n  a:\n    restart: sometimes\n");
    expect((await pending).length).toBeGreaterThan(0);
    const other = ws.uri("values.yaml");
    await client.open(other, "yaml", "services:\n  a:\n    restart: sometimes\n");
    await new Promise((r) => setTimeout(r, 300));
    expect(client.published.get(other)).toBeUndefined();
  });

  it("carries related information pointing at the first definition", async () => {
    const uri = ws.uri("dup/Dockerfile");
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, "dockerfile", "FROM alpine:3.20 AS base\nRUN true\nFROM alpine:3.20 AS base\n");
    const ds = await pending;
    const dup = ds.find((d) => d.range.start.line === 2 && d.relatedInformation?.length);
    expect(dup, JSON.stringify(ds)).toBeDefined();
    expect(dup!.relatedInformation![0]!.location).toEqual({ uri, range: { start: { line: 0, character: 20 }, end: { line: 0, character: 24 } } });
  });

  it("reports parse errors with their codes and severity error", async () => {
    const uri = ws.uri("broken/Dockerfile");
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, "dockerfile", "FROM alpine:3\nRUN <<EOF\necho hi\n");
    const ds = await pending;
    const syntax = ds.find((d) => d.code === "DF008");
    expect(syntax, JSON.stringify(ds)).toBeDefined();
    expect(syntax!.severity).toBe(1);
    expect(syntax!.range.start.line).toBe(1);
  });

  it("re-lints after an incremental edit and drops fixed findings", async () => {
    const uri = ws.uri("Dockerfile");
    const pending = client.diagnostics(uri, 2);
    await client.notify("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 18 } }, text: "12.5" }],
    });
    const ds = await pending;
    expect(ds.find((d) => d.code === "DL3007")).toBeUndefined();
    expect(ds.find((d) => d.code === "DL4000")).toBeDefined();
  });

  it("reads .hadolint.yaml found upward inside the workspace", async () => {
    const uri = ws.uri("sub/Dockerfile");
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, "dockerfile", "FROM alpine:latest\nUSER root\n");
    const ds = await pending;
    expect(ds.find((d) => d.code === "DL3007")).toBeUndefined();
    expect(ds.find((d) => d.code === "DL3002")).toBeDefined();
  });
});

const hasShellcheck = spawnSync("shellcheck", ["--version"]).status === 0;

describe("ShellCheck", () => {
  it.skipIf(!hasShellcheck)("adds SC findings in a second publish and keeps them through the next fast pass", async () => {
    ensureBuilt();
    const ws = workspace({});
    const client = await startClient({ root: ws.dir });
    try {
      const uri = ws.uri("Dockerfile");
      const text = "FROM alpine:3.20\nRUN echo $HOME/*.txt | xargs cat\n";
      const fast = client.diagnostics(uri, 1);
      await client.open(uri, "dockerfile", text);
      expect((await fast).some((d) => String(d.code).startsWith("SC"))).toBe(false);
      const full = await client.diagnostics(uri, 1);
      const sc = full.find((d) => d.code === "SC2086");
      expect(sc, JSON.stringify(full)).toBeDefined();
      expect(sc!.range.start.line).toBe(1);
      const next = client.diagnostics(uri, 2);
      await client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: "USER app\n" }] });
      expect((await next).some((d) => d.code === "SC2086")).toBe(true);
    } finally {
      await client.stop();
    }
  }, 300_000);
});

describe("settings", () => {
  it("applies ignored codes and severity overrides from the client's settings", async () => {
    ensureBuilt();
    const ws = workspace({ "Dockerfile": "FROM debian:latest\nMAINTAINER me\n" });
    const client = await startClient({ root: ws.dir, settings: { ignore: ["DL4000"], severity: { DL3007: "error" } } });
    try {
      const uri = ws.uri("Dockerfile");
      await new Promise((r) => setTimeout(r, 100)); // settings are pulled after `initialized`
      const pending = client.diagnostics(uri, 1);
      await client.open(uri, "dockerfile", "FROM debian:latest\nMAINTAINER me\n");
      let ds = await pending;
      // The first publish may race the settings pull; the server re-lints once they arrive.
      if (ds.some((d) => d.code === "DL4000")) ds = await client.diagnostics(uri, 1);
      expect(ds.find((d) => d.code === "DL4000")).toBeUndefined();
      expect(ds.find((d) => d.code === "DL3007")?.severity).toBe(1);
    } finally {
      await client.stop();
    }
  }, 300_000);

  it("ignores a config file outside the workspace folders", async () => {
    ensureBuilt();
    const outer = workspace({ ".hadolint.yaml": "ignored: [DL3007]\n", "inner/Dockerfile": "FROM debian:latest\n" });
    const client = await startClient({ root: `${outer.dir}/inner` });
    try {
      const uri = outer.uri("inner/Dockerfile");
      const pending = client.diagnostics(uri, 1);
      await client.open(uri, "dockerfile", "FROM debian:latest\n");
      expect((await pending).find((d) => d.code === "DL3007")).toBeDefined();
    } finally {
      await client.stop();
    }
  }, 300_000);
});
