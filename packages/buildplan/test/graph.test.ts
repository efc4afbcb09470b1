import { describe, expect, it } from "vitest";
import { codes, planOf, stage } from "./helpers.js";

const PRUNING = `
  FROM ubuntu AS base
  RUN echo "base"
  FROM base AS stage1
  RUN echo "stage1"
  FROM base AS stage2
  RUN echo "stage2"
`;

describe("E3.1 pruning: only the stages the target needs are built", () => {
  it("without --target the last stage is the target", () => {
    const p = planOf(PRUNING);
    expect(p.target).toBe("stage2");
    expect(p.order).toEqual([["base"], ["stage2"]]);
    expect(stage(p, "stage1").built).toBe(false);
    expect(stage(p, "stage1").steps.every((s) => s.cache === "not-built")).toBe(true);
    expect(stage(p, "stage2").baseStage).toBe("base");
  });

  it("--target stage1 builds base and stage1", () => {
    const p = planOf(PRUNING, { target: "stage1" });
    expect(p.order).toEqual([["base"], ["stage1"]]);
    expect(stage(p, "stage2").built).toBe(false);
    expect(stage(p, "stage2").skippedBecause).toContain("stage1");
  });

  it("--target is case-insensitive", () => {
    expect(planOf(PRUNING, { target: "STAGE1" }).target).toBe("stage1");
  });

  it("an unknown target is a diagnostic with a suggestion", () => {
    const p = planOf(PRUNING, { target: "stage3" });
    expect(p.target).toBeNull();
    expect(p.diagnostics[0]).toMatchObject({ code: "TargetNotFound", severity: "error" });
    expect(p.diagnostics[0]!.message).toContain('target stage "stage3" could not be found');
    expect(p.diagnostics[0]!.message).toContain("did you mean");
    expect(p.order).toEqual([]);
  });
});

describe("E3.2 COPY --from forms", () => {
  const text = `
    FROM golang:1.22 AS build
    RUN go build -o /out/app .
    FROM alpine
    COPY --from=build /out/app /app
    COPY --from=0 /out/app /app2
    COPY --from=Build /out/app /app3
    COPY --from=nginx:1.27 /etc/nginx/nginx.conf /n.conf
  `;
  it("resolves by name, index and case-insensitive name; images are external sources", () => {
    const p = planOf(text);
    expect(p.target).toBe("stage-1");
    const s1 = stage(p, "stage-1");
    expect(s1.name).toBeNull();
    expect(s1.dependsOn).toEqual(["build"]);
    expect(p.edges.filter((e) => e.to === "stage-1" && e.kind === "copy-from").map((e) => e.from)).toEqual([
      "build", "build", "build", "image:nginx:1.27",
    ]);
    expect(p.images).toEqual(["golang:1.22", "alpine", "nginx:1.27"]);
    expect(p.order).toEqual([["build"], ["stage-1"]]);
    expect(p.diagnostics).toEqual([]);
  });

  it("a variable in --from is an error whatever the target", () => {
    const p = planOf(`
      FROM alpine AS a
      FROM alpine AS b
      COPY --from=$SRC /x /x
      FROM alpine AS c
    `, { target: "a" });
    expect(codes(p)).toEqual(["CopyFromVariable"]);
    expect(p.diagnostics[0]!.message).toContain("variable expansion is not supported for --from");
    expect(p.diagnostics[0]!.line).toBe(3);
  });

  it("the ARG-in-FROM workaround is fine", () => {
    const p = planOf(`
      ARG SRC=build
      FROM golang AS build
      FROM \${SRC} AS src
      FROM alpine
      COPY --from=src /x /x
    `);
    expect(p.diagnostics).toEqual([]);
    expect(stage(p, "src").baseStage).toBe("build");
    expect(p.order).toEqual([["build"], ["src"], ["stage-2"]]);
  });

  it("an out-of-range index is an error", () => {
    const p = planOf(`
      FROM alpine
      COPY --from=5 /x /x
    `);
    expect(codes(p)).toEqual(["InvalidStageIndex"]);
    expect(p.diagnostics[0]!.message).toBe("invalid stage index 5");
  });
});

describe("E3.3 a stage name shadows an image", () => {
  it("COPY --from=golang copies from the stage", () => {
    const p = planOf(`
      FROM busybox AS golang
      RUN mkdir -p /usr/bin && echo -n foo > /usr/bin/go
      FROM scratch
      COPY --from=golang /usr/bin/go go
    `);
    expect(stage(p, "stage-1").dependsOn).toEqual(["golang"]);
    expect(p.images).toEqual(["busybox"]);
  });
});

describe("E3.4 forward references", () => {
  const text = `
    FROM busybox AS target
    COPY --from=build / /out
    FROM alpine AS build
    COPY /Dockerfile /d2
    FROM target
  `;
  it("COPY --from a later stage fails when the stage is built", () => {
    const p = planOf(text);
    expect(codes(p)).toEqual(["StageForwardReference"]);
    expect(p.diagnostics[0]!.message).toBe('cannot copy from stage "build", it needs to be defined before current stage "target"');
    expect(p.diagnostics[0]!.line).toBe(2);
  });

  it("FROM a later stage name is an image, not the stage", () => {
    const p = planOf(`
      FROM b AS a
      FROM alpine AS b
    `, { target: "a" });
    expect(stage(p, "a").baseKind).toBe("image");
    expect(stage(p, "a").baseStage).toBeNull();
    expect(p.images).toEqual(["b"]);
  });

  it("a forward mount is reported with the mount message", () => {
    const p = planOf(`
      FROM alpine AS a
      RUN --mount=from=b,target=/x true
      FROM alpine AS b
      FROM a
    `);
    expect(p.diagnostics.map((d) => d.message)).toEqual([
      'cannot mount from stage "b" to "/x", stage needs to be defined before current command',
    ]);
  });

  it("FROM Base (upper case) is neither the stage nor a valid image", () => {
    const p = planOf(`
      FROM alpine AS base
      FROM Base
    `);
    expect(codes(p)).toEqual(["InvalidBaseName"]);
  });
});

describe("E3.5 an unreachable stage is not dispatched", () => {
  it("the reference's example: a bogus mount type fails only when that stage is built", () => {
    const text = `
      FROM alpine AS broken
      RUN --mount=type=bogus,target=/x true
      FROM alpine AS ok
      RUN true
    `;
    expect(planOf(text).diagnostics).toEqual([]);
    const p = planOf(text, { target: "broken" });
    expect(p.diagnostics.map((d) => [d.code, d.message])).toEqual([["InvalidMount", 'unsupported mount type "bogus"']]);
  });

  it("a mount target resolves against WORKDIR and must not be /", () => {
    const p = planOf(`
      FROM alpine
      RUN --mount=type=cache true
      RUN --mount=type=tmpfs,target=/ true
      RUN --mount=type=secret,id=x true
      WORKDIR /src
      RUN --mount=type=bind,source=. make
    `);
    expect(p.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ["InvalidMount", 2, 'invalid mount target "/"'],
      ["InvalidMount", 3, 'invalid mount target "/"'],
    ]);
  });

  it("errors that only dispatch finds stay silent unless the stage is built", () => {
    const text = `
      FROM alpine AS broken
      WORKDIR \${MISSING:?must be set}
      FROM alpine AS ok
      RUN true
    `;
    expect(planOf(text).diagnostics).toEqual([]);
    const p = planOf(text, { target: "broken" });
    expect(codes(p)).toEqual(["ExpansionError"]);
  });

  it("base-name errors are reported for every stage", () => {
    const p = planOf(`
      ARG EMPTY=
      FROM \${EMPTY} AS broken
      FROM alpine AS ok
    `);
    expect(codes(p)).toEqual(["BlankBaseName"]);
    expect(p.diagnostics[0]!.message).toBe("base name (${EMPTY}) should not be blank");
  });
});

describe("E3.6 named contexts", () => {
  const text = `
    FROM golang:1.22 AS build
    RUN go build -o /out/app .
    FROM alpine
    COPY --from=build /out/app /app
  `;
  it("a named context replaces a stage: it is not built and its dependencies are not followed", () => {
    const p = planOf(text, { namedContexts: { build: "./prebuilt" } });
    const b = stage(p, "build");
    expect(b.built).toBe(false);
    expect(b.context).toBe("./prebuilt");
    expect(b.skippedBecause).toContain("named context");
    expect(p.order).toEqual([["stage-1"]]);
    expect(p.images).toEqual(["alpine"]);
  });

  it("a named context replaces a base image, looked up by its familiar name", () => {
    const p = planOf(text, { namedContexts: { alpine: "docker-image://alpine:3.20" } });
    const s = stage(p, "stage-1");
    expect(s.baseKind).toBe("context");
    expect(s.context).toBe("docker-image://alpine:3.20");
    expect(s.base).toBe("alpine");
  });

  it("a target replaced by a named context has an unknown config", () => {
    const p = planOf(text, { namedContexts: { build: "docker-image://prebuilt:1" }, target: "build" });
    expect(p.order).toEqual([]);
    expect(p.image).toMatchObject({ inheritsUnknownBase: true, env: {} });
  });

  it("a platform-specific key wins over the plain one", () => {
    const p = planOf(text, { namedContexts: { alpine: "a", "alpine::linux/arm64": "b" }, platform: "linux/arm64" });
    expect(stage(p, "stage-1").context).toBe("b");
  });

  it("only the given names are contexts: FROM constructor is an image, with or without contexts", () => {
    for (const namedContexts of [{}, { alpine: "a" }]) {
      const p = planOf("FROM constructor\nCOPY --from=toString /x /y\n", { namedContexts });
      expect(stage(p, "stage-0")).toMatchObject({ baseKind: "image", base: "constructor" });
      expect(stage(p, "stage-0").context).toBeUndefined();
      expect(p.edges.map((e) => e.from)).toEqual(["image:constructor", "image:toString"]);
    }
  });
});

describe("E3.7 FROM <stage> ignores --platform", () => {
  it("warns and keeps the base stage's platform", () => {
    const p = planOf(`
      FROM --platform=linux/amd64 alpine AS base
      FROM --platform=linux/arm64 base AS x
    `);
    expect(stage(p, "x").platform).toBe("linux/amd64");
    expect(codes(p)).toEqual(["StagePlatformIgnored"]);
  });
});

describe("cycles and stage names", () => {
  it("COPY --from its own stage is a cycle", () => {
    const p = planOf(`
      FROM alpine AS a
      COPY --from=a /x /y
    `);
    expect(codes(p)).toEqual(["CircularDependency"]);
    expect(p.diagnostics[0]!.message).toBe("circular dependency detected on stage: a");
  });

  it("two stages copying from each other form a cycle", () => {
    const p = planOf(`
      FROM alpine AS a
      COPY --from=b /x /y
      FROM alpine AS b
      COPY --from=a /x /y
    `);
    expect(codes(p)).toContain("CircularDependency");
  });

  it("an invalid stage name is reported; mixed case is lowered", () => {
    const p = planOf(`
      FROM alpine AS 1st
      FROM alpine AS Final
    `);
    expect(codes(p)).toEqual(["InvalidStageName"]);
    expect(p.stages.map((s) => s.id)).toEqual(["1st", "final"]);
  });

  it("an instruction before the first FROM and an empty file", () => {
    expect(codes(planOf(`
      RUN true
      FROM alpine
    `))).toEqual(["InstructionBeforeFrom"]);
    expect(codes(planOf(""))).toEqual(["DF001"]);
    expect(codes(planOf("ARG A=1\n"))).toEqual(["NoStages"]);
  });
});

describe("E4.1 order: waves of stages that can build in parallel", () => {
  it("independent stages share a wave; the consumer comes after", () => {
    const p = planOf(`
      FROM golang AS api
      RUN go build -o /app ./api
      FROM node AS web
      RUN npm ci && npm run build
      FROM alpine
      RUN apk add ca-certificates
      COPY --from=api /app /app
      COPY --from=web /dist /www
    `);
    expect(p.order).toEqual([["api", "web"], ["stage-2"]]);
    expect(stage(p, "stage-2").dependsOn).toEqual(["api", "web"]);
  });

  it("vertex waves: images 0; A1, W1, F1 1; F2 after A1 and F1; F3 after W1 and F2", () => {
    const p = planOf(`
      FROM golang AS api
      RUN go build -o /app ./api
      FROM node AS web
      RUN npm ci && npm run build
      FROM alpine
      RUN apk add ca-certificates
      COPY --from=api /app /app
      COPY --from=web /dist /www
    `);
    const waves = p.stages.flatMap((s) => s.steps.filter((x) => x.wave !== undefined).map((x) => [x.line, x.wave]));
    expect(waves).toEqual([[1, 0], [2, 1], [3, 0], [4, 1], [5, 0], [6, 1], [7, 2], [8, 3]]);
  });

  it("a --link copy does not wait for the steps before it", () => {
    const p = planOf(`
      FROM alpine
      RUN a
      RUN b
      COPY --link x /x
      RUN c
    `);
    expect(p.stages[0]!.steps.map((x) => x.wave)).toEqual([0, 1, 2, 1, 4]);
  });

  it("RUN --mount=from= is an edge, by name only", () => {
    const p = planOf(`
      FROM alpine AS tools
      FROM alpine
      RUN --mount=from=tools,source=/bin,target=/t ls /t
      RUN --mount=type=cache,target=/root/.cache true
    `);
    expect(p.edges.filter((e) => e.kind === "mount-from")).toEqual([{ from: "tools", to: "stage-1", kind: "mount-from", line: 3 }]);
    expect(p.order).toEqual([["tools"], ["stage-1"]]);
  });

  it("ONBUILD COPY --from in a parent is an edge of the child", () => {
    const p = planOf(`
      FROM alpine AS assets
      FROM alpine AS parent
      ONBUILD COPY --from=assets /a /a
      FROM parent
    `);
    expect(p.edges.filter((e) => e.kind === "onbuild")).toEqual([{ from: "assets", to: "stage-2", kind: "onbuild", line: 3 }]);
    expect(p.order).toEqual([["assets", "parent"], ["stage-2"]]);
  });
});

describe("stage descriptions and the context the build sends", () => {
  it("a comment right above FROM that starts with the stage name describes it", () => {
    const p = planOf(`
      # base is the base stage with build dependencies
      FROM alpine AS base
      # just a comment
      FROM base AS release
    `);
    expect(stage(p, "base").description).toBe("base is the base stage with build dependencies");
    expect(stage(p, "release").description).toBeUndefined();
  });

  it("only the paths the built stages read are sent; . means everything", () => {
    const text = `
      FROM alpine AS a
      COPY go.mod go.sum ./
      RUN --mount=type=bind,source=scripts,target=/s /s/run
      FROM alpine AS b
      COPY . .
      FROM a
      COPY ./bin/ /bin/
    `;
    expect(planOf(text).contextPaths).toEqual(["bin", "go.mod", "go.sum", "scripts"]);
    expect(planOf(text, { target: "b" }).contextPaths).toEqual(["."]);
    expect(planOf(`
      FROM alpine
      RUN true
    `).contextPaths).toEqual([]);
  });
});

