import { describe, expect, it } from "vitest";
import type { PlanOptions } from "@shipshape/buildplan";
import { df, planOf, stage, stepAt, vertexCache } from "./helpers.js";

// §7.7 worked example. Lines: D0=2 D1=3 D2=4 D3=5 | build FROM=6 B1=7 B2=9 | F0=10 F1=12
const WORKED = `
  # syntax=docker/dockerfile:1
  FROM node:22-alpine AS deps
  WORKDIR /app
  COPY package.json package-lock.json ./
  RUN npm ci
  FROM deps AS build
  COPY . .
  ARG VERSION=dev
  RUN npm run build
  FROM nginx:1.27-alpine AS final
  LABEL version=$VERSION
  COPY --from=build /app/dist /usr/share/nginx/html
  EXPOSE 80
`;
const IGNORE = "node_modules\n*.md\n";
const D1 = 3, D2 = 4, D3 = 5, B1 = 7, B2 = 9, F0 = 10, F1 = 12;

const TABLE_COLUMNS = [D1, D2, D3, B1, B2, F1];

function outcomes(options: PlanOptions): string[] {
  const c = vertexCache(planOf(WORKED, { dockerignore: IGNORE, ...options }));
  return TABLE_COLUMNS.map((l) => c[l]!);
}

describe("§7.7 worked example: which steps re-run", () => {
  it("edit src/index.ts", () => {
    expect(outcomes({ changedPaths: ["src/index.ts"] })).toEqual(["hit", "hit", "hit", "miss", "miss", "content-dependent"]);
  });
  it("edit package.json", () => {
    expect(outcomes({ changedPaths: ["package.json"] })).toEqual(["hit", "miss", "miss", "miss", "miss", "content-dependent"]);
  });
  it("touch package.json (no change) and nothing given: all hits", () => {
    expect(outcomes({})).toEqual(["hit", "hit", "hit", "hit", "hit", "hit"]);
    expect(outcomes({ changedPaths: [] })).toEqual(["hit", "hit", "hit", "hit", "hit", "hit"]);
  });
  it("edit README.md, which .dockerignore excludes", () => {
    expect(outcomes({ changedPaths: ["README.md"] })).toEqual(["hit", "hit", "hit", "hit", "hit", "hit"]);
  });
  it("--build-arg VERSION=1.2 against a build with the default", () => {
    expect(outcomes({ buildArgs: { VERSION: "1.2" }, previous: { buildArgs: {} } })).toEqual(["hit", "hit", "hit", "hit", "miss", "content-dependent"]);
  });
  it("EXPOSE or LABEL text edits change no layer", () => {
    const edited = df(WORKED).replace("EXPOSE 80", "EXPOSE 8080").replace("LABEL version=$VERSION", "LABEL version=2");
    expect(outcomes({ previous: { dockerfileText: edited } })).toEqual(["hit", "hit", "hit", "hit", "hit", "hit"]);
  });
  it("a new digest for node:22-alpine", () => {
    const p = planOf(WORKED, { dockerignore: IGNORE, changedImages: ["node:22-alpine"] });
    expect(stepAt(p, 2).cache).toBe("miss");
    expect(outcomes({ changedImages: ["node:22-alpine"] })).toEqual(["miss", "miss", "miss", "miss", "miss", "content-dependent"]);
  });
  it("a new digest for nginx:1.27-alpine", () => {
    const p = planOf(WORKED, { dockerignore: IGNORE, changedImages: ["docker.io/library/nginx:1.27-alpine"] });
    expect(stepAt(p, F0).cache).toBe("miss");
    expect(outcomes({ changedImages: ["nginx:1.27-alpine"] })).toEqual(["hit", "hit", "hit", "hit", "hit", "miss"]);
  });
  it("records the first step that re-runs per stage and explains why", () => {
    const p = planOf(WORKED, { dockerignore: IGNORE, changedPaths: ["package.json"] });
    expect(p.cacheAnalysed).toBe(true);
    expect(stage(p, "deps").steps[stage(p, "deps").firstMiss!]!.line).toBe(D2);
    expect(stage(p, "build").steps[stage(p, "build").firstMiss!]!.line).toBe(B1);
    expect(stage(p, "final").firstMiss).toBeNull();
    expect(stepAt(p, D2).cacheReason).toBe("changed: package.json");
    expect(stepAt(p, D3).cacheReason).toContain("the step before re-runs");
    expect(stepAt(p, F1).cacheReason).toContain("build:/app/dist");
  });
});

describe("§7.3 change → effect", () => {
  it("a changed file that no COPY selects changes nothing", () => {
    const p = planOf(`
      FROM alpine
      COPY src/ /src/
      RUN make
    `, { changedPaths: ["docs/a.txt"] });
    expect(vertexCache(p)).toEqual({ 1: "hit", 2: "hit", 3: "hit" });
  });
  it("a file under a copied directory, and a wildcard source", () => {
    const text = `
      FROM alpine
      COPY src/ /src/
      COPY *.json /cfg/
      RUN make
    `;
    expect(vertexCache(planOf(text, { changedPaths: ["src/a/b.c"] }))).toEqual({ 1: "hit", 2: "miss", 3: "miss", 4: "miss" });
    expect(vertexCache(planOf(text, { changedPaths: ["app.json"] }))).toEqual({ 1: "hit", 2: "hit", 3: "miss", 4: "miss" });
    expect(vertexCache(planOf(text, { changedPaths: ["sub/app.json"] }))).toEqual({ 1: "hit", 2: "hit", 3: "hit", 4: "hit" });
  });
  it("a changed directory touches the sources below it", () => {
    const text = `
      FROM alpine
      COPY src/app.js /app.js
      COPY lib/*.js /lib/
    `;
    expect(vertexCache(planOf(text, { changedPaths: ["src"] }))).toEqual({ 1: "hit", 2: "miss", 3: "miss" });
    expect(vertexCache(planOf(text, { changedPaths: ["lib/"] }))).toEqual({ 1: "hit", 2: "hit", 3: "miss" });
    expect(vertexCache(planOf(text, { changedPaths: ["."] }))).toEqual({ 1: "hit", 2: "miss", 3: "miss" });
  });
  it("a build-arg that is declared misses the first RUN after the ARG, used or not", () => {
    const text = `
      FROM alpine
      RUN one
      ARG X
      RUN two
      RUN three $X
    `;
    expect(vertexCache(planOf(text, { buildArgs: { X: "2" }, previous: { buildArgs: { X: "1" } } }))).toEqual({ 1: "hit", 2: "hit", 4: "miss", 5: "miss" });
  });
  it("an undeclared build-arg (and a proxy arg) changes nothing", () => {
    const text = `
      FROM alpine
      RUN one
    `;
    expect(vertexCache(planOf(text, { buildArgs: { X: "2", HTTP_PROXY: "http://p" }, previous: { buildArgs: {} } }))).toEqual({ 1: "hit", 2: "hit" });
  });
  it("an ENV edit misses the next RUN", () => {
    const text = `
      FROM alpine
      RUN one
      ENV A=1
      RUN two
    `;
    expect(vertexCache(planOf(text, { previous: { dockerfileText: df(text).replace("A=1", "A=0") } }))).toEqual({ 1: "hit", 2: "hit", 4: "miss" });
  });
  it("a RUN text edit misses that RUN and everything after it", () => {
    const text = `
      FROM alpine
      RUN one
      RUN echo two
      RUN three
    `;
    expect(vertexCache(planOf(text, { previous: { dockerfileText: df(text).replace("echo two", "echo  two") } }))).toEqual({ 1: "hit", 2: "hit", 3: "miss", 4: "miss" });
  });
  it("SOURCE_DATE_EPOCH misses every WORKDIR mkdir and what follows", () => {
    const text = `
      FROM alpine
      RUN one
      WORKDIR /app
      RUN two
    `;
    expect(vertexCache(planOf(text, { buildArgs: { SOURCE_DATE_EPOCH: "2" }, previous: { buildArgs: { SOURCE_DATE_EPOCH: "1" } } }))).toEqual({ 1: "hit", 2: "hit", 3: "miss", 4: "miss" });
  });
  it("a new # syntax= frontend is treated as a full miss", () => {
    const text = `
      # syntax=docker/dockerfile:1.7
      FROM alpine
      RUN one
    `;
    const before = df(text).replace("1.7", "1.6");
    expect(vertexCache(planOf(text, { previous: { dockerfileText: before } }))).toEqual({ 2: "miss", 3: "miss" });
  });
  it("a USER or SHELL change misses the next RUN", () => {
    const text = `
      FROM alpine
      USER app
      RUN one
    `;
    expect(vertexCache(planOf(text, { previous: { dockerfileText: df(text).replace("USER app", "USER root") } }))).toEqual({ 1: "hit", 3: "miss" });
  });
  it("cache-mount contents never matter; a bind mount of the context does", () => {
    const text = `
      FROM golang
      WORKDIR /src
      RUN --mount=type=cache,target=/go/pkg/mod --mount=type=bind,source=go.mod,target=go.mod go mod download
      RUN --mount=type=cache,target=/root/.cache go build
    `;
    expect(vertexCache(planOf(text, { changedPaths: ["main.go"] }))).toEqual({ 1: "hit", 2: "hit", 3: "hit", 4: "hit" });
    expect(vertexCache(planOf(text, { changedPaths: ["go.mod"] }))).toEqual({ 1: "hit", 2: "hit", 3: "miss", 4: "miss" });
  });
  it("a cache mount's target or a secret's id is part of the key", () => {
    const text = `
      FROM alpine
      RUN --mount=type=cache,target=/root/.cache build
      RUN --mount=type=secret,id=token use
    `;
    const cacheMoved = df(text).replace("/root/.cache", "/var/cache");
    expect(vertexCache(planOf(text, { previous: { dockerfileText: cacheMoved } }))).toEqual({ 1: "hit", 2: "miss", 3: "miss" });
    const secretRenamed = df(text).replace("id=token", "id=other");
    expect(vertexCache(planOf(text, { previous: { dockerfileText: secretRenamed } }))).toEqual({ 1: "hit", 2: "hit", 3: "miss" });
  });
  it("a whole-context bind mount sees every non-ignored change", () => {
    const text = `
      FROM alpine
      RUN --mount=target=/ctx ls /ctx
    `;
    expect(vertexCache(planOf(text, { changedPaths: ["x"] }))).toEqual({ 1: "hit", 2: "miss" });
    expect(vertexCache(planOf(text, { changedPaths: ["x"], dockerignore: "x" }))).toEqual({ 1: "hit", 2: "hit" });
  });
  it("a .dockerignore edit that changes a COPY's file set misses that COPY (with a file list)", () => {
    const text = `
      FROM alpine
      RUN one
      COPY . .
    `;
    const files = ["a.txt", "b.md"];
    const p = planOf(text, { contextFiles: files, dockerignore: "*.md", previous: { dockerignore: "" } });
    expect(vertexCache(p)).toEqual({ 1: "hit", 2: "hit", 3: "miss" });
  });
  it("COPY --exclude drops a changed file relative to the source root", () => {
    const text = `
      FROM alpine
      COPY --exclude=*.txt dir /d/
    `;
    expect(vertexCache(planOf(text, { changedPaths: ["dir/a.txt"] }))).toEqual({ 1: "hit", 2: "hit" });
    expect(vertexCache(planOf(text, { changedPaths: ["dir/a.go"] }))).toEqual({ 1: "hit", 2: "miss" });
  });
});

describe("§7.5 COPY --link", () => {
  const E71 = `
    FROM alpine
    RUN apk add curl
    COPY --link app /app
    RUN /app/setup
  `;
  it("editing R1: the linked copy is reused, the next RUN misses", () => {
    const edited = df(E71).replace("apk add curl", "apk add curl git");
    const p = planOf(E71, { previous: { dockerfileText: edited } });
    expect(vertexCache(p)).toEqual({ 1: "hit", 2: "miss", 3: "hit", 4: "miss" });
    expect(stepAt(p, 3).cacheReason).toContain("reused");
  });
  it("editing app/*: only the copy and what follows", () => {
    expect(vertexCache(planOf(E71, { changedPaths: ["app/main"] }))).toEqual({ 1: "hit", 2: "hit", 3: "miss", 4: "miss" });
  });
  it("without --link the COPY misses too; --chmod disables --link", () => {
    for (const text of [df(E71).replace("--link ", ""), df(E71).replace("--link ", "--link --chmod=755 ")]) {
      const edited = text.replace("apk add curl", "apk add curl git");
      expect(vertexCache(planOf(text, { previous: { dockerfileText: edited } }))).toEqual({ 1: "hit", 2: "miss", 3: "miss", 4: "miss" });
    }
  });
});

describe("--no-cache-filter and propagation across stages", () => {
  const text = `
    FROM alpine AS base
    RUN one
    FROM base AS child
    RUN two
    FROM alpine
    COPY --from=base /x /x
  `;
  it("forces every step of the named stage; dependants become content-dependent", () => {
    const p = planOf(text, { noCacheFilter: ["base"] });
    expect(vertexCache(p)).toEqual({ 1: "forced", 2: "forced", 4: "not-built", 5: "hit", 6: "content-dependent" });
  });
  it("--no-cache forces everything", () => {
    const p = planOf(text, { noCacheFilter: true });
    expect(Object.values(vertexCache(p)).filter((c) => c !== "not-built").every((c) => c === "forced")).toBe(true);
  });
  it("a miss in a base stage misses every step of a stage built FROM it", () => {
    const p = planOf(text, { target: "child", previous: { dockerfileText: df(text).replace("RUN one", "RUN uno") } });
    expect(vertexCache(p)).toEqual({ 1: "hit", 2: "miss", 4: "miss", 5: "not-built", 6: "not-built" });
    expect(stepAt(p, 3).cache).toBe("miss");
  });
  it("a miss in a copied-from stage is content-dependent downstream, and so is the rest of that chain", () => {
    const p = planOf(`
      FROM alpine AS build
      COPY src /src
      RUN make
      FROM alpine
      COPY --from=build /out /out
      RUN use
    `, { changedPaths: ["src/a.c"] });
    expect(vertexCache(p)).toEqual({ 1: "hit", 2: "miss", 3: "miss", 4: "hit", 5: "content-dependent", 6: "content-dependent" });
  });
  it("skipped stages are not-built", () => {
    const p = planOf(text, { target: "base", changedPaths: ["x"] });
    expect(stage(p, "child").steps.every((s) => s.cache === "not-built")).toBe(true);
  });
});

describe("a RUN mounting from several stages", () => {
  const text = `
    FROM alpine AS a
    RUN echo a > /a
    FROM alpine AS b
    COPY b.txt /b.txt
    RUN wc -c /b.txt
    FROM alpine
    RUN --mount=from=a,target=/x --mount=from=b,target=/y cat /x/a /y/b.txt
  `;
  it("each mount reads its own stage: a change in the second one reaches the RUN", () => {
    const p = planOf(text, { changedPaths: ["b.txt"] });
    expect(stage(p, "b").steps.map((s) => s.cache)).toEqual(["hit", "miss", "miss"]);
    expect(stepAt(p, 7).cache).toBe("content-dependent");
    expect(stepAt(p, 7).cacheReason).toContain("b:/");
  });
  it("and its wave follows the later of the two stages", () => {
    expect(stepAt(planOf(text), 7).wave).toBe(3);
  });
});
