// The custom request `shipshape/buildPlan` over stdio: the simulator's plan of the open document's
// current text (unsaved edits included), with target and build args, null for a non-Dockerfile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuildPlan } from "@shipshape/buildplan";
import { type TestClient, ensureBuilt, startClient, workspace } from "./client.js";

const DOCKERFILE = `ARG NODE_VERSION=18
FROM node:\${NODE_VERSION} AS deps
WORKDIR /app
COPY package.json .
RUN npm ci

FROM deps AS build
COPY . .
RUN npm run build

FROM nginx:1.27 AS web
COPY --from=build /app/dist /usr/share/nginx/html

FROM alpine:3.20 AS debug
RUN apk add curl
`;

describe("shipshape/buildPlan over stdio", () => {
  let client: TestClient;
  // On disk the file is different: the plan must come from the editor's text.
  const ws = workspace({ "Dockerfile": "FROM scratch\n", "compose.yaml": "services:\n  a:\n    image: nginx\n" });
  const uri = ws.uri("Dockerfile");

  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
    await client.open(uri, "dockerfile", DOCKERFILE);
  }, 300_000);
  afterAll(async () => client?.stop());

  const planOf = (params: Record<string, unknown>) => client.request<BuildPlan | null>("shipshape/buildPlan", params);

  it("plans the open text: stages, the default target (last stage), waves, edges and the state per step", async () => {
    const p = (await planOf({ uri }))!;
    expect(p.stages.map((s) => s.id)).toEqual(["deps", "build", "web", "debug"]);
    expect(p.target).toBe("debug");
    expect(p.stages.filter((s) => s.built).map((s) => s.id)).toEqual(["debug"]);
    expect(p.stages.find((s) => s.id === "web")!.skippedBecause).toBeTruthy();
    expect(p.edges).toEqual(expect.arrayContaining([expect.objectContaining({ from: "build", to: "web", kind: "copy-from" }), expect.objectContaining({ from: "deps", to: "build", kind: "base" })]));
    const deps = p.stages.find((s) => s.id === "deps")!;
    expect(deps.base).toBe("node:18");
    expect(deps.steps.find((s) => s.instruction === "RUN")!.state.workdir).toBe("/app");
  });

  it("honours target and build args", async () => {
    const p = (await planOf({ uri, target: "web", buildArgs: { NODE_VERSION: "22" } }))!;
    expect(p.target).toBe("web");
    expect(p.stages.filter((s) => s.built).map((s) => s.id)).toEqual(["deps", "build", "web"]);
    expect(p.order).toEqual([["deps"], ["build"], ["web"]].map((w) => expect.arrayContaining(w)));
    expect(p.stages.find((s) => s.id === "deps")!.base).toBe("node:22");
  });

  it("follows edits to the open document", async () => {
    await client.notify("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: DOCKERFILE.replace("FROM alpine:3.20 AS debug\nRUN apk add curl\n", "") }],
    });
    const p = (await planOf({ uri }))!;
    expect(p.stages.map((s) => s.id)).toEqual(["deps", "build", "web"]);
    expect(p.target).toBe("web");
  });

  it("reports an unknown target in the plan's diagnostics rather than failing", async () => {
    const p = (await planOf({ uri, target: "nope" }))!;
    expect(p.target).toBeNull();
    expect(p.diagnostics.length).toBeGreaterThan(0);
  });

  it("answers null for a compose file, a document that is not open, and malformed params", async () => {
    await client.open(ws.uri("compose.yaml"), "dockercompose", "services:\n  a:\n    image: nginx\n");
    expect(await planOf({ uri: ws.uri("compose.yaml") })).toBeNull();
    expect(await planOf({ uri: ws.uri("other/Dockerfile") })).toBeNull();
    expect(await planOf({ uri: 42 })).toBeNull();
    expect(await client.request("shipshape/buildPlan", null)).toBeNull();
  });
});
