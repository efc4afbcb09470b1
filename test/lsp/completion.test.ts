import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompletionItem, CompletionList } from "vscode-languageserver-types";
import { type TestClient, cursor, ensureBuilt, startClient, workspace } from "./client.js";

describe("completion over stdio", () => {
  let client: TestClient;
  const ws = workspace({ "app/Dockerfile": "FROM golang:1.23 AS build\nFROM alpine:3.20 AS runtime\nCOPY --from=build /x /x\n" });
  let n = 0;
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient({ root: ws.dir });
  }, 300_000);
  afterAll(async () => client?.stop());

  async function labels(marked: string, name = "Dockerfile", languageId = "dockerfile"): Promise<{ labels: string[]; items: CompletionItem[] }> {
    const { text, position } = cursor(marked);
    const uri = ws.uri(`c${n++}/${name}`);
    await client.open(uri, languageId, text);
    const r = await client.request<CompletionItem[] | CompletionList | null>("textDocument/completion", { textDocument: { uri }, position });
    const items = Array.isArray(r) ? r : (r?.items ?? []);
    return { labels: items.map((i) => i.label), items };
  }
  const composeAt = async (marked: string) => {
    const { text, position } = cursor(marked);
    const uri = ws.uri("compose.yaml");
    await client.notify("textDocument/didClose", { textDocument: { uri } });
    await client.open(uri, "dockercompose", text, n++);
    const r = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position });
    return { labels: r.map((i) => i.label), items: r };
  };

  it("offers instructions as snippets at the start of a line", async () => {
    const { labels: l, items } = await labels("FROM alpine:3.20\nCO<|>\n");
    expect(l).toEqual(expect.arrayContaining(["COPY", "RUN", "HEALTHCHECK", "ONBUILD"]));
    const copy = items.find((i) => i.label === "COPY")!;
    expect(copy.insertTextFormat).toBe(2);
    expect(copy.insertText).toBe("COPY ${1:src} ${2:dest}");
  });

  it("offers the flags of the instruction and their values", async () => {
    expect((await labels("FROM alpine:3.20\nCOPY --<|>\n")).labels).toEqual(expect.arrayContaining(["--from", "--chown", "--chmod", "--link", "--exclude", "--parents"]));
    expect((await labels("FROM alpine:3.20\nRUN --network=<|>\n")).labels).toEqual(["default", "none", "host"]);
    expect((await labels("FROM alpine:3.20\nRUN --mount=type=<|>\n")).labels).toEqual(["bind", "cache", "tmpfs", "secret", "ssh"]);
    const keys = (await labels("FROM alpine:3.20\nRUN --mount=type=cache,<|>\n")).labels;
    expect(keys).toEqual(expect.arrayContaining(["target", "id", "sharing", "from"]));
    expect(keys).not.toContain("type");
    expect((await labels("FROM alpine:3.20\nRUN --mount=type=cache,sharing=<|>\n")).labels).toEqual(["shared", "private", "locked"]);
  });

  it("offers earlier stage names after --from=", async () => {
    const { labels: l } = await labels("FROM golang:1.23 AS build\nFROM node:20 AS assets\nFROM alpine:3.20 AS final\nCOPY --from=<|>\n");
    expect(l).toEqual(["build", "assets"]);
  });

  it("offers the variables in scope after $", async () => {
    const { labels: l } = await labels("ARG GLOBAL=1\nFROM alpine:3.20\nARG VERSION=2\nENV HOME_DIR=/x\nRUN echo ${<|>\nENV LATER=1\n");
    expect(l).toEqual(expect.arrayContaining(["VERSION", "HOME_DIR", "HTTP_PROXY", "no_proxy"]));
    // Global ARGs and the platform args need an `ARG NAME` inside the stage; later declarations are not in force yet.
    expect(l).not.toContain("LATER");
    expect(l).not.toContain("GLOBAL");
    expect(l).not.toContain("TARGETPLATFORM");
  });

  it("offers only what is in force in the stage: its own and its base stage's variables, not another stage's", async () => {
    const stages = "ARG GLOBAL_TAG=3.19\nFROM alpine:${GLOBAL_TAG} AS build\nARG BUILD_ONLY=1\nENV BUILD_ENV=x\n";
    const inChild = (await labels(`${stages}FROM build AS child\nARG GLOBAL_TAG\nRUN echo $<|>\n`)).labels;
    // A stage built FROM another inherits its ARG and ENV values (BuildKit applies both to the child's state).
    expect(inChild).toEqual(expect.arrayContaining(["BUILD_ENV", "GLOBAL_TAG", "BUILD_ONLY"]));
    const inFinal = (await labels(`${stages}FROM alpine:3.19 AS final\nWORKDIR /$<|>\n`)).labels;
    expect(inFinal.filter((n) => /^(GLOBAL_TAG|BUILD_ONLY|BUILD_ENV|TARGETPLATFORM)$/.test(n))).toEqual([]);
  });

  it("offers the global ARGs and BuildKit's platform args in FROM", async () => {
    const { labels: l, items } = await labels("ARG BASE=alpine\nFROM ${<|>\n");
    expect(l).toEqual(expect.arrayContaining(["BASE", "TARGETPLATFORM", "BUILDARCH"]));
    expect(l).not.toContain("HTTP_PROXY");
    expect(items.find((i) => i.label === "BASE")?.detail).toBe("ARG = alpine");
  });

  it("offers parser directives before the first instruction", async () => {
    expect((await labels("# <|>\nFROM alpine:3.20\n")).labels).toEqual(["syntax", "escape", "check"]);
  });

  it("offers compose keys from the model at every level", async () => {
    expect((await composeAt("<|>")).labels).toEqual(expect.arrayContaining(["services", "networks", "volumes", "secrets", "configs"]));
    const service = await composeAt("services:\n  web:\n    <|>\n");
    expect(service.labels).toEqual(expect.arrayContaining(["image", "build", "depends_on", "healthcheck", "restart"]));
    expect((await composeAt("services:\n  web:\n    healthcheck:\n      <|>\n")).labels).toEqual(expect.arrayContaining(["test", "interval", "retries"]));
    expect((await composeAt("services:\n  web:\n    build:\n      <|>\n")).labels).toEqual(expect.arrayContaining(["context", "dockerfile", "target", "args"]));
  });

  it("offers enum values from the model", async () => {
    expect((await composeAt("services:\n  web:\n    restart: <|>\n")).labels).toEqual(expect.arrayContaining(["no", "always", "on-failure", "unless-stopped"]));
    expect((await composeAt("services:\n  web:\n    pull_policy: <|>\n")).labels).toEqual(expect.arrayContaining(["always", "never", "missing"]));
  });

  it("offers service names in depends_on, links, extends and network_mode", async () => {
    const base = "services:\n  db:\n    image: postgres:16\n  cache:\n    image: redis:7\n  web:\n    image: nginx:1.27\n";
    expect((await composeAt(`${base}    depends_on:\n      - <|>\n`)).labels).toEqual(["db", "cache"]);
    expect((await composeAt(`${base}    depends_on:\n      <|>\n`)).labels).toEqual(["db", "cache"]);
    expect((await composeAt(`${base}    links:\n      - <|>\n`)).labels).toEqual(["db", "cache"]);
    expect((await composeAt(`${base}    extends:\n      service: <|>\n`)).labels).toEqual(["db", "cache"]);
    expect((await composeAt(`${base}    network_mode: <|>\n`)).labels).toEqual(expect.arrayContaining(["host", "service:db", "service:cache"]));
  });

  it("offers defined networks, volumes, secrets and configs", async () => {
    const tail = "networks:\n  front: {}\n  back: {}\nvolumes:\n  data: {}\nsecrets:\n  token:\n    file: ./t\nconfigs:\n  conf:\n    file: ./c\n";
    expect((await composeAt(`services:\n  web:\n    networks:\n      - <|>\n${tail}`)).labels).toEqual(["front", "back"]);
    expect((await composeAt(`services:\n  web:\n    volumes:\n      - <|>\n${tail}`)).labels).toEqual(["data"]);
    expect((await composeAt(`services:\n  web:\n    secrets:\n      - <|>\n${tail}`)).labels).toEqual(["token"]);
    expect((await composeAt(`services:\n  web:\n    configs:\n      - <|>\n${tail}`)).labels).toEqual(["conf"]);
  });

  it("offers the stages of the referenced Dockerfile for build.target", async () => {
    const r = await composeAt("services:\n  web:\n    build:\n      context: ./app\n      target: <|>\n");
    expect(r.labels).toEqual(["build", "runtime"]);
  });
});
