// The `shipshape.*` settings the VS Code extension contributes, as the server honours them over stdio:
// configPath (inside and outside the workspace, relative and absolute, changed at run time), enable per
// kind, severity "off", debounceMs, and trace ($/setTrace -> $/logTrace). ignore and severity levels are
// covered in diagnostics.test.ts.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic, Hover } from "vscode-languageserver-types";
import { type TestClient, ensureBuilt, startClient, until, workspace } from "./client.js";

const DOCKERFILE = "FROM debian:latest\nMAINTAINER me\n";
const COMPOSE = "services:\n  web:\n    image: nginx\n    restart: sometimes\n";

/** Waits until the diagnostics published for `uri` satisfy `ok` (the latest publish counts). */
const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));

describe("settings over stdio", () => {
  let client: TestClient | undefined;
  beforeAll(() => ensureBuilt(), 300_000);
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it("configPath names a config file outside the workspace, and its ignores remove findings", async () => {
    const outside = workspace({ "team/lint.yaml": "ignored: [DL4000]\n" });
    const ws = workspace({ "Dockerfile": DOCKERFILE });
    const uri = ws.uri("Dockerfile");
    // Without the setting both findings show: the outside file is not found by the upward search.
    client = await startClient({ root: ws.dir });
    await client.open(uri, "dockerfile", DOCKERFILE);
    expect(codes(await until(client, uri, (ds) => ds.length > 0, "no diagnostics"))).toEqual(expect.arrayContaining(["DL3007", "DL4000"]));
    await client.stop();

    client = await startClient({ root: ws.dir, settings: { configPath: path.join(outside.dir, "team/lint.yaml") } });
    await client.open(uri, "dockerfile", DOCKERFILE);
    const ds = await until(client, uri, (d) => d.length > 0 && !codes(d).includes("DL4000"), "DL4000 was not removed by the config file");
    expect(codes(ds)).toContain("DL3007");
  }, 60_000);

  it("configPath relative to the first workspace folder wins over the .hadolint.yaml found upward", async () => {
    const ws = workspace({ "Dockerfile": DOCKERFILE, ".hadolint.yaml": "ignored: [DL3007]\n", "ci/strict.yaml": "ignored: [DL4000]\n" });
    const uri = ws.uri("Dockerfile");
    client = await startClient({ root: ws.dir, settings: { configPath: "ci/strict.yaml" } });
    await client.open(uri, "dockerfile", DOCKERFILE);
    // Only the named file applies: DL3007 (ignored by the upward file) is back, DL4000 is gone.
    const ds = await until(client, uri, (d) => codes(d).includes("DL3007") && !codes(d).includes("DL4000"), "the named config did not replace the found one");
    expect(codes(ds)).not.toContain("DL4000");
  }, 60_000);

  it("re-lints open documents when configPath changes, and when the named file changes", async () => {
    const outside = workspace({ "a.yaml": "ignored: [DL4000]\n", "b.yaml": "override:\n  error: [DL4000]\n" });
    const ws = workspace({ "Dockerfile": DOCKERFILE });
    const uri = ws.uri("Dockerfile");
    const settings: Record<string, unknown> = {};
    client = await startClient({ root: ws.dir, settings });
    await client.open(uri, "dockerfile", DOCKERFILE);
    await until(client, uri, (d) => codes(d).includes("DL4000"), "DL4000 missing before the setting");

    settings.configPath = path.join(outside.dir, "a.yaml");
    await client.notify("workspace/didChangeConfiguration", { settings: null });
    await until(client, uri, (d) => d.length > 0 && !codes(d).includes("DL4000"), "setting configPath did not re-lint");

    settings.configPath = path.join(outside.dir, "b.yaml");
    await client.notify("workspace/didChangeConfiguration", { settings: null });
    await until(client, uri, (d) => d.find((x) => x.code === "DL4000")?.severity === 1, "switching configPath did not apply the new file");

    // The file itself changes on disk: the client reports it (the server asked to watch it by name).
    writeFileSync(path.join(outside.dir, "b.yaml"), "ignored: [DL4000, DL3007]\n");
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: pathToFileURL(path.join(outside.dir, "b.yaml")).href, type: 2 }] });
    await until(client, uri, (d) => !codes(d).includes("DL4000") && !codes(d).includes("DL3007"), "a change to the named file did not re-lint");

    delete settings.configPath;
    await client.notify("workspace/didChangeConfiguration", { settings: null });
    await until(client, uri, (d) => codes(d).includes("DL4000") && codes(d).includes("DL3007"), "clearing configPath did not restore the findings");
  }, 60_000);

  it("takes pushed settings (no workspace/configuration) with configPath too", async () => {
    const outside = workspace({ "lint.yaml": "ignored: [DL3007]\n" });
    const ws = workspace({ "Dockerfile": DOCKERFILE });
    const uri = ws.uri("Dockerfile");
    client = await startClient({ root: ws.dir, configuration: false });
    await client.open(uri, "dockerfile", DOCKERFILE);
    await until(client, uri, (d) => codes(d).includes("DL3007"), "DL3007 missing before the setting");
    await client.notify("workspace/didChangeConfiguration", { settings: { shipshape: { configPath: path.join(outside.dir, "lint.yaml") } } });
    const ds = await until(client, uri, (d) => d.length > 0 && !codes(d).includes("DL3007"), "pushed configPath not applied");
    expect(codes(ds)).toContain("DL4000");
  }, 60_000);

  it("enable.dockerfile=false withdraws Dockerfile diagnostics and answers, compose stays served; true brings them back", async () => {
    const ws = workspace({ "Dockerfile": DOCKERFILE, "compose.yaml": COMPOSE });
    const docUri = ws.uri("Dockerfile");
    const composeUri = ws.uri("compose.yaml");
    const settings: Record<string, unknown> = {};
    client = await startClient({ root: ws.dir, settings });
    await client.open(docUri, "dockerfile", DOCKERFILE);
    await client.open(composeUri, "dockercompose", COMPOSE);
    await until(client, docUri, (d) => d.length > 0, "no Dockerfile diagnostics");
    await until(client, composeUri, (d) => d.length > 0, "no compose diagnostics");
    const hoverAt = () => client!.request<Hover | null>("textDocument/hover", { textDocument: { uri: docUri }, position: { line: 1, character: 2 } });
    expect(await hoverAt()).not.toBeNull();

    settings.enable = { dockerfile: false, compose: true };
    const composeBefore = client.published.get(composeUri)!.length;
    await client.notify("workspace/didChangeConfiguration", { settings: null });
    await until(client, docUri, (d) => d.length === 0, "Dockerfile diagnostics were not withdrawn");
    expect(await hoverAt()).toBeNull();
    // Compose documents are re-linted and keep their findings.
    await until(client, composeUri, (d) => d.length > 0 && client!.published.get(composeUri)!.length > composeBefore, "compose not re-linted");

    // An edit while disabled publishes nothing new.
    await client.notify("textDocument/didChange", { textDocument: { uri: docUri, version: 2 }, contentChanges: [{ text: "FROM debian:latest\nMAINTAINER x\nMAINTAINER y\n" }] });
    await new Promise((r) => setTimeout(r, 300));
    expect(client.published.get(docUri)!.at(-1)!.diagnostics).toEqual([]);

    settings.enable = { dockerfile: true, compose: false };
    await client.notify("workspace/didChangeConfiguration", { settings: null });
    const back = await until(client, docUri, (d) => d.length > 0, "Dockerfile diagnostics did not come back");
    expect(back.filter((d) => d.code === "DL4000").length).toBe(2);
    await until(client, composeUri, (d) => d.length === 0, "compose diagnostics were not withdrawn");
  }, 60_000);

  it("severity 'off' drops a rule by its BuildKit name", async () => {
    const ws = workspace({ "Dockerfile": "FROM debian:latest as build\nMAINTAINER me\n" });
    const uri = ws.uri("Dockerfile");
    client = await startClient({ root: ws.dir, settings: { severity: { FromAsCasing: "off", DL4000: "info" } } });
    await client.open(uri, "dockerfile", "FROM debian:latest as build\nMAINTAINER me\n");
    const ds = await until(client, uri, (d) => d.find((x) => x.code === "DL4000")?.severity === 3, "DL4000 not at info");
    expect(ds.some((d) => d.code === "FromAsCasing" || (d.data as { aliases?: string[] }).aliases?.includes("FromAsCasing"))).toBe(false);
  }, 60_000);

  it("debounceMs delays linting after an edit by that long", async () => {
    const ws = workspace({ "Dockerfile": DOCKERFILE });
    const uri = ws.uri("Dockerfile");
    client = await startClient({ root: ws.dir, settings: { debounceMs: 800 } });
    await client.open(uri, "dockerfile", DOCKERFILE);
    await until(client, uri, (d) => d.length > 0, "no diagnostics");
    await new Promise((r) => setTimeout(r, 300)); // the settings pull has long been answered
    const next = client.diagnostics(uri, 2);
    const sent = Date.now();
    await client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: "FROM debian:latest\n" }] });
    await next;
    expect(Date.now() - sent).toBeGreaterThanOrEqual(750);
  }, 60_000);

  it("trace: $/setTrace verbose makes the server log each publish as $/logTrace; off silences it", async () => {
    const ws = workspace({ "Dockerfile": DOCKERFILE });
    const uri = ws.uri("Dockerfile");
    client = await startClient({ root: ws.dir });
    const traces: { message: string; verbose?: string }[] = [];
    client.connection.onNotification("$/logTrace", (p: { message: string; verbose?: string }) => traces.push(p));
    await client.open(uri, "dockerfile", DOCKERFILE);
    await until(client, uri, (d) => d.length > 0, "no diagnostics");
    expect(traces).toEqual([]);

    await client.notify("$/setTrace", { value: "verbose" });
    await client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: "FROM debian:latest\n" }] });
    const ds = await client.diagnostics(uri, 2);
    await new Promise((r) => setTimeout(r, 100));
    const mine = traces.filter((t) => t.message.includes(uri) && t.message.includes("v2"));
    expect(mine.length, JSON.stringify(traces)).toBeGreaterThan(0);
    expect(mine[0]!.message).toContain(`: ${ds.length}`);
    expect(mine[0]!.verbose).toContain("1: DL3007");

    await client.notify("$/setTrace", { value: "off" });
    const count = traces.length;
    await client.notify("textDocument/didChange", { textDocument: { uri, version: 3 }, contentChanges: [{ text: "FROM debian:latest\nUSER root\n" }] });
    await client.diagnostics(uri, 3);
    await new Promise((r) => setTimeout(r, 100));
    expect(traces.length).toBe(count);
  }, 60_000);
});
