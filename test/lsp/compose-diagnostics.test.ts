import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver-types";
import { type TestClient, ensureBuilt, startClient, workspace } from "./client.js";

// Each clash is written twice; the finding sits on the second place and points back at the first.
const COMPOSE = [
  "services:", //                      0
  "  web:", //                         1
  "    image: nginx:1.27", //          2
  "    container_name: app", //        3
  '    ports: ["8080:80"]', //          4
  "    tmpfs: /run", //                5
  "    volumes:", //                   6
  "      - type: volume", //           7
  "        source: data", //           8
  "        target: /run", //           9
  "  api:", //                         10
  "    image: nginx:1.27", //          11
  "    container_name: app", //        12
  '    ports: ["8080:81"]', //          13
  "    image: nginx:1.28", //          14
  "volumes:", //                       15
  "  data: {}", //                     16
  "",
].join("\n");

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe("compose diagnostics with related information over stdio", () => {
  let client: TestClient;
  const ws = workspace({ "compose.yaml": COMPOSE });
  let ds: Diagnostic[];
  let uri: string;
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
    uri = ws.uri("compose.yaml");
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, "dockercompose", COMPOSE);
    ds = await pending;
  }, 300_000);
  afterAll(async () => client?.stop());

  const find = (code: string) => {
    const d = ds.find((x) => x.code === code);
    expect(d, JSON.stringify(ds)).toBeDefined();
    return d!;
  };

  it("points a duplicate YAML key at its first definition", () => {
    const d = find("CF002");
    expect(d.range).toEqual(range(14, 4, 9));
    expect(d.relatedInformation).toEqual([{ message: 'First definition of "image"', location: { uri, range: range(11, 4, 9) } }]);
  });

  it("points a reused container name at the service that has it", () => {
    const d = find("DC001");
    expect(d.range).toEqual(range(12, 20, 23));
    expect(d.relatedInformation).toEqual([{ message: "'web' uses it here", location: { uri, range: range(3, 20, 23) } }]);
  });

  it("points a host port published twice at the other service's port", () => {
    const d = find("DC003");
    expect(d.range.start.line).toBe(13);
    expect(d.relatedInformation).toEqual([{ message: "'web' publishes it here", location: { uri, range: range(4, 12, 21) } }]);
  });

  it("points a volume mounted over a tmpfs at the tmpfs", () => {
    const d = find("DC105");
    expect(d.range).toEqual(range(9, 16, 20));
    expect(d.relatedInformation).toEqual([{ message: "the tmpfs mount", location: { uri, range: range(5, 11, 15) } }]);
  });
});

describe("compose diagnostics with related information in another file", () => {
  const DOCKERFILE = ["FROM alpine:3.20", "ARG VERSION", 'RUN echo "$VERSION"', ""].join("\n");
  const COMPOSE_BUILD = ["services:", "  web:", "    build: .", ""].join("\n");
  let client: TestClient;
  const ws = workspace({ "compose.yaml": COMPOSE_BUILD, Dockerfile: DOCKERFILE });
  afterAll(async () => client?.stop());

  it("places a related location in the service's Dockerfile, read from disk", async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
    const uri = ws.uri("compose.yaml");
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, "dockercompose", COMPOSE_BUILD);
    const ds = await pending;
    const d = ds.find((x) => x.code === "DC206");
    expect(d, JSON.stringify(ds)).toBeDefined();
    expect(d!.relatedInformation).toEqual([
      { message: "ARG VERSION is declared here", location: { uri: ws.uri("Dockerfile"), range: range(1, 4, 11) } },
    ]);
  }, 300_000);

  it("reads the service's Dockerfile again on each lint, unsaved edits included", async () => {
    // The same server (its compose lint session is kept between lints).
    const uri = ws.uri("compose.yaml");
    const dockerfileUri = ws.uri("Dockerfile");
    await client.open(dockerfileUri, "dockerfile", DOCKERFILE);
    await client.notify("textDocument/didChange", {
      textDocument: { uri: dockerfileUri, version: 2 },
      contentChanges: [{ text: DOCKERFILE.replace("ARG VERSION", "ARG VERSION=1.0") }],
    });
    const pending = client.diagnostics(uri, 2);
    await client.notify("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: `${COMPOSE_BUILD}# touched\n` }],
    });
    const ds = await pending;
    expect(ds.map((x) => x.code)).not.toContain("DC206");
  }, 300_000);
});

describe("compose diagnostics follow the open Dockerfile they read", () => {
  let client: TestClient;
  const dockerfile = "FROM alpine:3.19 AS base\n";
  const compose = "services:\n  web:\n    build:\n      context: .\n      target: dev\n";
  const ws = workspace({ "Dockerfile": dockerfile, "compose.yaml": compose });
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  /**
   * The compose file's diagnostics once they satisfy `done` after `act`: a publish from an earlier lint
   * (the settings the server pulls at start re-lint every open file) may still arrive after `act`.
   */
  async function composeUntil(act: () => Promise<void>, done: (codes: string[]) => boolean): Promise<string[]> {
    const uri = ws.uri("compose.yaml");
    await act();
    const until = Date.now() + 15_000;
    for (;;) {
      const all = client.published.get(uri) ?? [];
      const codes = all.length ? all[all.length - 1]!.diagnostics.map((d) => String(d.code)) : undefined;
      if (codes && done(codes)) return codes;
      if (Date.now() > until) return codes ?? [];
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it("lints the compose file again when the Dockerfile is edited, with the editor's text", async () => {
    const dfUri = ws.uri("Dockerfile");
    const composeUri = ws.uri("compose.yaml");
    await client.open(dfUri, "dockerfile", dockerfile);
    const hasTarget = (codes: string[]) => codes.includes("DC204");
    expect(await composeUntil(() => client.open(composeUri, "dockercompose", compose), hasTarget)).toContain("DC204");
    const change = (version: number, text: string) => () => client.notify("textDocument/didChange", { textDocument: { uri: dfUri, version }, contentChanges: [{ text }] });
    expect(await composeUntil(change(2, `${dockerfile}FROM base AS dev\n`), (codes) => !hasTarget(codes))).not.toContain("DC204");
    expect(await composeUntil(change(3, `${dockerfile}FROM base AS test\n`), hasTarget)).toContain("DC204");
  });
});
