import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { type TestClient, applyTextEdits as apply, ensureBuilt, startClient, workspace } from "./client.js";

describe("code actions over stdio", () => {
  let client: TestClient;
  const ws = workspace({});
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  async function openAndLint(name: string, languageId: string, text: string): Promise<{ uri: string; ds: Diagnostic[] }> {
    const uri = ws.uri(name);
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, languageId, text);
    return { uri, ds: await pending };
  }

  const actionsFor = (uri: string, d: Diagnostic, only?: string[]) =>
    client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only } });

  it("offers each fix as a quick fix whose edit repairs the finding", async () => {
    const text = "FROM alpine:3.20\nCOPY a.tar.gz /x\nWORKDIR app\nMAINTAINER me\n";
    const { uri, ds } = await openAndLint("fix/Dockerfile", "dockerfile", text);
    const fixable = ds.filter((d) => (d.data as { fix?: unknown }).fix);
    expect(fixable.length, JSON.stringify(ds)).toBeGreaterThan(0);
    for (const d of fixable) {
      const actions = await actionsFor(uri, d);
      const fix = actions.find((a) => a.title === (d.data as { fix: { title: string } }).fix.title)!;
      expect(fix.kind).toBe("quickfix");
      expect(fix.diagnostics).toEqual([d]);
      const fixed = apply(text, fix.edit!.changes![uri]!);
      expect(fixed).not.toBe(text);
    }
  });

  it("writes a hadolint pragma above the instruction for a hadolint code", async () => {
    const text = "FROM alpine:3.20\nRUN apk add curl\n";
    const { uri, ds } = await openAndLint("hadolint/Dockerfile", "dockerfile", text);
    const d = ds.find((x) => x.code === "DL3018")!;
    const ignore = (await actionsFor(uri, d)).find((a) => a.title.startsWith("Ignore DL3018"))!;
    expect(apply(text, ignore.edit!.changes![uri]!)).toBe("FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n");
  });

  it("writes # check=skip= for a BuildKit check when the file uses check pragmas", async () => {
    const text = "# check=error=true\nFROM alpine:3.20 as Build\n";
    const { uri, ds } = await openAndLint("check/Dockerfile", "dockerfile", text);
    const d = ds.find((x) => x.code === "FromAsCasing" || (x.data as { aliases?: string[] }).aliases?.includes("FromAsCasing"));
    expect(d, JSON.stringify(ds)).toBeDefined();
    const ignore = (await actionsFor(uri, d!)).find((a) => a.title.startsWith("Ignore"))!;
    expect(apply(text, ignore.edit!.changes![uri]!)).toBe("# check=error=true\n# check=skip=FromAsCasing\nFROM alpine:3.20 as Build\n");
  });

  it("writes a shipshape pragma in a compose file, indented like the line", async () => {
    const text = "services:\n  web:\n    image: nginx:1.27\n    restart: sometimes\n    privileged: true\n";
    const { uri, ds } = await openAndLint("compose.yaml", "dockercompose", text);
    const d = ds.find((x) => x.code === "DC301");
    expect(d, JSON.stringify(ds)).toBeDefined();
    const ignore = (await actionsFor(uri, d!)).find((a) => a.title.startsWith("Ignore"));
    expect(apply(text, ignore!.edit!.changes![uri]!)).toContain("    # shipshape ignore=DC301\n    privileged: true");
    // A schema error is not suppressible (the linter keeps it whatever the pragma says), so it gets no ignore action.
    const schema = ds.find((x) => x.code === "CF109");
    expect(schema, JSON.stringify(ds)).toBeDefined();
    expect((await actionsFor(uri, schema!)).some((a) => a.title.startsWith("Ignore"))).toBe(false);
  });

  it("offers no ignore action for a syntax error", async () => {
    const text = "FROM alpine:3.20\nRUN <<EOF\necho\n";
    const { uri, ds } = await openAndLint("syntax/Dockerfile", "dockerfile", text);
    const d = ds.find((x) => x.code === "DF008")!;
    expect((await actionsFor(uri, d)).some((a) => a.title.startsWith("Ignore"))).toBe(false);
  });

  it("offers an ignore action for shipshape's own Dockerfile rules, which the pragma then silences", async () => {
    const text = "FROM alpine:3.20 AS unused\nFROM alpine:3.20\nRUN echo hi\n";
    const { uri, ds } = await openAndLint("own-rule/Dockerfile", "dockerfile", text);
    const d = ds.find((x) => x.code === "DF202");
    expect(d, JSON.stringify(ds)).toBeDefined();
    const ignore = (await actionsFor(uri, d!)).find((a) => a.title === "Ignore DF202 for this line");
    expect(ignore?.edit?.changes?.[uri]?.[0]?.newText).toBe("# shipshape ignore=DF202\n");
    const relinted = client.diagnostics(uri, 2);
    await client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: apply(text, ignore!.edit!.changes![uri]!) }] });
    expect((await relinted).map((x) => x.code)).not.toContain("DF202");
  });

  it("fixes all safe findings with one source action, leaving unsafe ones", async () => {
    const text = "FROM alpine:3.20 as Build\nrun apk add curl=8.0\nEXPOSE 80/TCP\nENV A 1\n";
    const { uri, ds } = await openAndLint("all/Dockerfile", "dockerfile", text);
    const safe = ds.filter((d) => (d.data as { fix?: { safe: boolean } }).fix?.safe);
    expect(safe.length, JSON.stringify(ds)).toBeGreaterThanOrEqual(3);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll"] },
    });
    const fixAll = actions.find((a) => a.kind === "source.fixAll.shipshape");
    expect(actions.every((a) => a.kind === "source.fixAll.shipshape")).toBe(true);
    const fixed = apply(text, fixAll!.edit!.changes![uri]!);
    const relinted = client.diagnostics(uri, 2);
    await client.notify("textDocument/didChange", { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    const after = await relinted;
    for (const d of safe) expect(after.some((x) => x.code === d.code && x.range.start.line === d.range.start.line)).toBe(false);
  });
});
