// Edits to an open Dockerfile are parsed with the previous version's parse (its untouched instruction
// nodes kept); what the server answers must be what it answers for the same text opened fresh.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic, DocumentSymbol } from "vscode-languageserver-types";
import { type TestClient, ensureBuilt, startClient, workspace } from "./client.js";

const START = `# syntax=docker/dockerfile:1
ARG BASE=debian:12
FROM \${BASE} AS build
WORKDIR /src
# fetch the tools
RUN apt-get update \\
    && apt-get install -y curl
COPY <<EOF /src/run.sh
echo $HOME
EOF
ONBUILD RUN echo built
FROM build AS final
USER root
CMD ["sh", "/src/run.sh"]
`;

/** Each step turns the text into the next version, as typing and pasting do. */
const STEPS: ((t: string) => string)[] = [
  (t) => t.replace("curl", "curl wget"), // inside a continued RUN
  (t) => t.replace("USER root", "USER root\nRUN cd /tmp"), // a new instruction near the end
  (t) => t.replace("echo $HOME", "echo $HOME\ncat /etc/os-release"), // heredoc body
  (t) => t.replace("# fetch the tools\n", ""), // a comment above an instruction
  (t) => t.replace("WORKDIR /src\n", "WORKDIR /src\nFROM build AS extra\n"), // a stage in the middle
  (t) => `# escape=\`\n${t}`, // escape directive: every line's meaning may change
  (t) => t.replace("# escape=`\n", ""),
  (t) => t.replace("FROM build AS final", "FROM build AS final \\"), // now continues into USER
  (t) => t.replace("AS final \\", "AS final"),
];

const summary = (ds: Diagnostic[]) =>
  ds.map((d) => ({ code: d.code, message: d.message, range: d.range, severity: d.severity })).sort((a, b) =>
    JSON.stringify(a) < JSON.stringify(b) ? -1 : 1,
  );

describe("editing an open Dockerfile: answers equal those for the same text opened fresh", () => {
  let client: TestClient;
  const ws = workspace({ "Dockerfile": START });

  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  it("diagnostics and document symbols after every edit", async () => {
    const uri = ws.uri("Dockerfile");
    const opened = client.diagnostics(uri, 1);
    await client.open(uri, "dockerfile", START);
    await opened;
    let text = START;
    for (const [i, step] of STEPS.entries()) {
      const next = step(text);
      expect(next, `step ${i} changes the text`).not.toBe(text);
      text = next;
      const version = i + 2;
      const edited = client.diagnostics(uri, version);
      await client.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
      const afterEdit = await edited;

      const freshUri = ws.uri(`Dockerfile.fresh${i}`);
      const fresh = client.diagnostics(freshUri, 1);
      await client.open(freshUri, "dockerfile", text);
      expect(summary(afterEdit), `step ${i}`).toEqual(summary(await fresh));

      const symbols = (u: string) => client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: u } });
      expect(await symbols(uri), `step ${i}`).toEqual(await symbols(freshUri));
      await client.notify("textDocument/didClose", { textDocument: { uri: freshUri } });
    }
    // the steps reach lint findings that change with the text (not a vacuous comparison)
    const codes = (client.published.get(uri) ?? []).map((p) => p.diagnostics.length);
    expect(new Set(codes).size).toBeGreaterThan(1);
  }, 120_000);
});
