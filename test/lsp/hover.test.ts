import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hover } from "vscode-languageserver-types";
import { type TestClient, cursor, ensureBuilt, startClient, workspace } from "./client.js";

describe("hover over stdio", () => {
  let client: TestClient;
  const ws = workspace({});
  let n = 0;
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  async function hoverAt(marked: string, name = "Dockerfile", languageId = "dockerfile"): Promise<string | undefined> {
    const { text, position } = cursor(marked);
    const uri = ws.uri(`h${n++}/${name}`);
    await client.open(uri, languageId, text);
    const h = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position });
    return h ? (h.contents as { value: string }).value : undefined;
  }

  it("documents an instruction and shows the state in force from the simulator", async () => {
    const v = await hoverAt("FROM alpine:3.20\nWORKDIR /src\nUSER app\nENV MODE=prod\nSHELL [\"/bin/ash\", \"-c\"]\nR<|>UN make\n");
    expect(v).toContain("**RUN**");
    expect(v).toContain("Runs a command");
    expect(v).toContain("WORKDIR: `/src`");
    expect(v).toContain("USER: `app`");
    expect(v).toContain("`MODE=prod`");
    expect(v).toContain('["/bin/ash","-c"]');
  });

  it("documents flags, including RUN --mount keys and newer COPY flags", async () => {
    expect(await hoverAt("FROM alpine:3.20\nCOPY --li<|>nk a /b\n")).toContain("independent layer");
    expect(await hoverAt("FROM alpine:3.20\nCOPY --exc<|>lude=*.md . /b\n")).toContain("Leave out paths");
    expect(await hoverAt("FROM alpine:3.20\nRUN --mount=type=cache,sha<|>ring=locked,target=/c make\n")).toContain("share it");
    expect(await hoverAt("FROM alpine:3.20\nRUN --net<|>work=none make\n")).toContain("Network access");
  });

  it("documents parser directives", async () => {
    expect(await hoverAt("# esc<|>ape=`\nFROM alpine:3.20\n")).toContain("escape character");
  });

  it("shows a variable's resolved value and where it comes from", async () => {
    const v = await hoverAt("ARG VERSION=1.2\nFROM alpine:3.20\nARG VERSION\nRUN echo ${VER<|>SION}\n");
    expect(v).toContain("**$VERSION** = `1.2`");
    expect(v).toContain("ARG on line 3");
    expect(await hoverAt("FROM alpine:3.20\nENV HOME_DIR=/home/app\nWORKDIR $HOME<|>_DIR\n")).toContain("= `/home/app`");
    const undeclared = await hoverAt("FROM alpine:3.20\nRUN echo $TARGETA<|>RCH\n");
    expect(undeclared).toContain("Not declared in this Dockerfile");
    expect(undeclared).toContain("add `ARG TARGETARCH` in this stage");
    expect(await hoverAt("FROM alpine:3.20\nARG TARGETARCH\nRUN echo $TARGETA<|>RCH\n")).toContain("**$TARGETARCH** = `amd64`");
    expect(await hoverAt("FROM --platform=$BUILDPLA<|>TFORM alpine:3.20\n")).toContain("**$BUILDPLATFORM** = `linux/amd64`");
  });

  it("shows a stage's definition from a COPY --from reference", async () => {
    const v = await hoverAt("FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=bu<|>ild /out /app\n");
    expect(v).toContain("Stage build");
    expect(v).toContain("FROM golang:1.23 AS build");
  });

  it("shows the rule documentation for a code in a suppression comment", async () => {
    const v = await hoverAt("FROM alpine:3.20\n# hadolint ignore=DL3018,DL30<|>07\nRUN apk add curl\n");
    expect(v).toContain("**DL3007**");
    expect(v).toContain("docs/rules/DL3007.md");
  });

  it("documents compose keys from the model and shows referenced definitions", async () => {
    const compose = "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    rest<|>art: always\n  db:\n    image: postgres:16\n";
    const key = await hoverAt(compose, "compose.yaml", "dockercompose");
    expect(key).toContain("services.web.restart");
    const ref = await hoverAt("services:\n  web:\n    image: nginx:1.27\n    depends_on: [d<|>b]\n  db:\n    image: postgres:16\n", "compose.yaml", "dockercompose");
    expect(ref).toContain("**Service db**");
    expect(ref).toContain("image: postgres:16");
    const net = await hoverAt("services:\n  web:\n    image: nginx:1.27\n    networks: [fro<|>nt]\nnetworks:\n  front:\n    driver: bridge\n", "compose.yaml", "dockercompose");
    expect(net).toContain("**Network front**");
    expect(net).toContain("driver: bridge");
  });
});
