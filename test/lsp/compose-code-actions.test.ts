import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { type TestClient, applyTextEdits as apply, ensureBuilt, startClient, workspace } from "./client.js";

// The compose rules with fixes are off by default; the workspace config turns three of them on.
const CONFIG = "extend-select: [DC006, DC008, DC014]\n";

describe("compose code actions over stdio", () => {
  let client: TestClient;
  const ws = workspace({ ".shipshape.yaml": CONFIG });
  let n = 0;
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  async function openAndLint(text: string): Promise<{ uri: string; ds: Diagnostic[] }> {
    const uri = ws.uri(`p${n++}/compose.yaml`);
    const pending = client.diagnostics(uri, 1);
    await client.open(uri, "dockercompose", text);
    return { uri, ds: await pending };
  }

  const actionsFor = (uri: string, d: Diagnostic) =>
    client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });

  const fixAll = async (uri: string) => {
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll"] },
    });
    expect(actions.every((a) => a.kind === "source.fixAll.shipshape")).toBe(true);
    return actions[0];
  };

  it("offers each compose fix as a preferred quick fix beside the ignore action", async () => {
    const text = 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n';
    const { uri, ds } = await openAndLint(text);
    const version = ds.find((d) => d.code === "DC006");
    const port = ds.find((d) => d.code === "DC008");
    expect(version && port, JSON.stringify(ds)).toBeTruthy();

    const forVersion = await actionsFor(uri, version!);
    // Without `only`, the file's fix-all comes too; the quick fixes for this diagnostic come first.
    expect(forVersion.filter((a) => a.kind === "quickfix").map((a) => [a.title, a.kind, a.isPreferred ?? false])).toEqual([
      ["Remove the 'version' key", "quickfix", true],
      ["Ignore DC006 for this line", "quickfix", false],
    ]);
    expect(forVersion[0]!.diagnostics).toEqual([version]);
    expect(apply(text, forVersion[0]!.edit!.changes![uri]!)).toBe("services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n");

    const forPort = await actionsFor(uri, port!);
    expect(forPort[0]!.title).toBe("Quote the port");
    expect(apply(text, forPort[0]!.edit!.changes![uri]!)).toBe('version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - \'8080:80\'\n');
    expect(apply(text, forPort[1]!.edit!.changes![uri]!)).toBe('version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      # shipshape ignore=DC008\n      - 8080:80\n');
  });

  it("fixes all safe compose findings with the source action, and again until nothing is left", async () => {
    const text = 'version: "3"\nservices:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80\n  cache:\n    image: redis:7\n';
    const { uri, ds } = await openAndLint(text);
    // CF010 is the reader's own note on `version`, without a fix; removing the key clears it too.
    expect(ds.map((d) => d.code).sort()).toEqual(["CF010", "DC006", "DC008", "DC014"]);
    // The port quote and the service sort touch the same lines: one pass takes the first, the next the other.
    let current = text;
    let version = 1;
    for (let pass = 0; pass < 3; pass++) {
      const action = await fixAll(uri);
      if (!action) break;
      current = apply(current, action.edit!.changes![uri]!);
      const relinted = client.diagnostics(uri, ++version);
      await client.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text: current }] });
      await relinted;
    }
    expect(current).toBe("services:\n  cache:\n    image: redis:7\n  web:\n    image: nginx:1.27\n    ports:\n      - '8080:80'\n");
    expect(client.published.get(uri)!.at(-1)!.diagnostics).toEqual([]);
    expect(await fixAll(uri)).toBeUndefined();
  });
});
