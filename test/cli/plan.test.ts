// `shipshape plan` end to end: the built CLI on the example Dockerfiles, with contexts made in temp folders.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { ensureBuilt, expectNoStack, ROOT, shipshape, tempTree } from "./helpers.js";

vi.setConfig({ testTimeout: 60_000 });
beforeAll(ensureBuilt, 300_000);

const WEB = "fixtures/web/Dockerfile";
const GO = "fixtures/go-service/Dockerfile";

interface JsonStep {
  line: number;
  instruction: string;
  text: string;
  layer: boolean;
  cache: string;
  state: { workdir?: string; user?: string; shell: string[]; env: Record<string, string>; args: Record<string, string> };
}
interface JsonStage {
  index: number;
  name: string | null;
  id: string;
  base: string;
  baseStage: string | null;
  built: boolean;
  dependsOn: string[];
  steps: JsonStep[];
}
interface JsonPlan {
  target: string;
  stages: JsonStage[];
  order: string[][];
  image: Record<string, unknown>;
  diagnostics: Record<string, unknown>[];
}

function planJson(args: string[], env?: Record<string, string | undefined>): { status: number | null; plan: JsonPlan } {
  const r = shipshape(["plan", ...args, "--format", "json"], { env });
  expectNoStack(r.stderr);
  return { status: r.status, plan: JSON.parse(r.stdout) as JsonPlan };
}

const stage = (p: JsonPlan, id: string): JsonStage => p.stages.find((s) => s.id === id)!;
const stepAt = (s: JsonStage, line: number): JsonStep => s.steps.find((x) => x.line === line)!;

// The web example's context: what its COPY lines need, a README the .dockerignore leaves out, and sources.
const web = tempTree({
  "package.json": "{}\n",
  "package-lock.json": "{}\n",
  "README.md": "# web\n",
  "src/server.ts": "export {};\n",
  ".dockerignore": "*.md\nnode_modules\n",
});
// The Go example's context: the bind-mounted go.mod/go.sum and the sources COPY . . sends.
const go = tempTree({ "go.mod": "module example.com/service\n", "go.sum": "", "cmd/service/main.go": "package main\n" });
afterAll(() => {
  web.remove();
  go.remove();
});

describe("text", () => {
  test("stages in build order, steps, the image; a complete context plans cleanly", () => {
    const r = shipshape(["plan", WEB, "--context", web.root]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^Target: stage-2\b/);
    expect(r.stdout).toMatch(/^Build order: deps\s+->\s+build\s+->\s+stage-2$/m);
    expect(r.stdout).toMatch(/^\s+13\s+layer\s+COPY \. \.$/m);
    expect(r.stdout).toContain("workdir     /app");
    expect(r.stdout).not.toContain("Diagnostics:");
  });

  test("the default context is the Dockerfile's folder: missing COPY sources are errors, exit 1", () => {
    // fixtures/web holds only the Dockerfile, so package.json and package-lock.json are not in the context.
    const r = shipshape(["plan", WEB]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\s+6:6\s+error\s+CopySourceNotFound\s+"package\.json"/m);
    expect(r.stdout).toMatch(/^\s+6:19\s+error\s+CopySourceNotFound\s+"package-lock\.json"/m);
  });

  test("a path relative to the working directory works from elsewhere", () => {
    const r = shipshape(["plan", "web/Dockerfile", "--context", web.root], { cwd: path.join(ROOT, "fixtures") });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Target: stage-2\b/);
  });
});

describe("json", () => {
  test("the INTERFACE.md shape", () => {
    const { status, plan } = planJson([GO, "--context", go.root]);
    expect(status).toBe(0);
    expect(plan.target).toBe("stage-2");
    expect(plan.stages.map((s) => [s.index, s.name, s.id, s.base, s.baseStage, s.built])).toEqual([
      [0, "build", "build", "golang:1.23-alpine", null, true],
      [1, "certs", "certs", "alpine:3.20", null, true],
      [2, null, "stage-2", "scratch", null, true],
    ]);
    expect([...stage(plan, "stage-2").dependsOn].sort()).toEqual(["build", "certs"]);
    expect(plan.order.at(-1)).toEqual(["stage-2"]);
    expect(plan.order.slice(0, -1).flat().sort()).toEqual(["build", "certs"]);
    for (const s of plan.stages) {
      for (const step of s.steps) {
        expect(Object.keys(step)).toEqual(expect.arrayContaining(["line", "instruction", "text", "layer", "cache", "state"]));
        expect(step.cache).toBe("hit");
      }
    }
    const build = stage(plan, "build");
    const goBuild = stepAt(build, 12);
    expect(goBuild.instruction).toBe("RUN");
    expect(goBuild.layer).toBe(true);
    expect(goBuild.state.workdir).toBe("/src");
    expect(goBuild.state.shell).toEqual(["/bin/sh", "-c"]);
    expect(goBuild.state.args).toMatchObject({ TARGETOS: "linux", TARGETARCH: "amd64" });
    // An external base image with no USER: the user is unknown offline and left out.
    expect(goBuild.state.user).toBeUndefined();
    expect(plan.image).toMatchObject({ user: "65532:65532", entrypoint: ["/service"], exposedPorts: ["8080/tcp"] });
    expect(plan.diagnostics).toEqual([]);
  });

  test("diagnostics are lint json objects naming the file as given", () => {
    const { status, plan } = planJson([WEB]);
    expect(status).toBe(1);
    const d = plan.diagnostics.find((x) => x.code === "CopySourceNotFound")!;
    expect(d).toMatchObject({ file: WEB, line: 6, column: 6, endLine: 6, severity: "error" });
    expect(Object.keys(d)).toEqual(expect.arrayContaining(["file", "line", "column", "endLine", "endColumn", "code", "rule", "aliases", "severity", "message"]));
    expect(typeof d.message).toBe("string");
    expect(d.endColumn).toBe(18); // the source word "package.json", end exclusive
  });
});

describe("graphs", () => {
  test("mermaid: a flowchart with the stages, the target marked", () => {
    const r = shipshape(["plan", GO, "--context", go.root, "--format", "mermaid"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("flowchart TD");
    expect(r.stdout).toContain('["stage-2 (target)"]');
    expect(r.stdout).toContain("|COPY --from|");
  });

  test("dot: a digraph of the same stages", () => {
    const r = shipshape(["plan", GO, "--context", go.root, "--format", "dot"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^digraph\b/);
    for (const name of ["build", "certs", "stage-2", "golang:1.23-alpine"]) expect(r.stdout).toContain(name);
    expect(r.stdout.trimEnd().endsWith("}")).toBe(true);
  });
});

describe("options", () => {
  test("--target builds only what the stage needs", () => {
    const { status, plan } = planJson([WEB, "--context", web.root, "--target", "build"]);
    expect(status).toBe(0);
    expect(plan.target).toBe("build");
    expect(plan.order).toEqual([["deps"], ["build"]]);
    const final = stage(plan, "stage-2");
    expect(final.built).toBe(false);
    expect(new Set(final.steps.map((s) => s.cache))).toEqual(new Set(["not-built"]));
  });

  test("--target naming no stage is an error diagnostic, exit 1", () => {
    const { status, plan } = planJson([WEB, "--context", web.root, "--target", "nope"]);
    expect(status).toBe(1);
    expect(plan.diagnostics.map((d) => d.code)).toContain("TargetNotFound");
  });

  test("--changed: the COPY that sends the file and everything after it re-runs", () => {
    const { status, plan } = planJson([WEB, "--context", web.root, "--changed", "package.json"]);
    expect(status).toBe(0);
    const deps = stage(plan, "deps");
    expect([4, 5, 6, 7].map((l) => stepAt(deps, l).cache)).toEqual(["hit", "hit", "miss", "miss"]);
    const build = stage(plan, "build");
    expect(stepAt(build, 12).cache).toBe("content-dependent"); // COPY --from=deps: depends on the new output
    expect(stepAt(build, 13).cache).toBe("miss"); // COPY . . sends package.json
    const final = stage(plan, "stage-2");
    expect(stepAt(final, 19).cache).toBe("hit"); // the apt-get layer does not depend on the context
  });

  test("--changed on a file the .dockerignore excludes changes nothing", () => {
    const { plan } = planJson([WEB, "--context", web.root, "--changed", "README.md"]);
    for (const s of plan.stages) for (const step of s.steps) expect(step.cache).toBe("hit");
  });

  test("--no-cache-filter forces a stage's steps", () => {
    const { plan } = planJson([WEB, "--context", web.root, "--no-cache-filter", "build"]);
    expect(stepAt(stage(plan, "build"), 14).cache).toBe("forced");
    expect(stepAt(stage(plan, "deps"), 7).cache).toBe("hit");
  });

  test("--build-arg K=V, and K alone from the environment", () => {
    const explicit = planJson([WEB, "--context", web.root, "--build-arg", "NODE_VERSION=22"]).plan;
    expect(explicit.stages.map((s) => s.base)).toEqual(Array(3).fill("node:22-bookworm-slim"));
    const fromEnv = planJson([WEB, "--context", web.root, "--build-arg", "NODE_VERSION"], { NODE_VERSION: "18" }).plan;
    expect(fromEnv.stages[0]!.base).toBe("node:18-bookworm-slim");
    // Unset in the environment: the ARG keeps its default.
    const unset = planJson([WEB, "--context", web.root, "--build-arg", "NODE_VERSION"], { NODE_VERSION: undefined }).plan;
    expect(unset.stages[0]!.base).toBe("node:20-bookworm-slim");
  });

  test("--platform: TARGETARCH follows it, a --platform=$BUILDPLATFORM stage stays on the build platform", () => {
    const { plan } = planJson([GO, "--context", go.root, "--platform", "linux/arm64"]);
    const build = stage(plan, "build");
    expect(stepAt(build, 12).state.args).toMatchObject({ TARGETARCH: "arm64", TARGETOS: "linux" });
    expect(stepAt(build, 4).text).toContain("$BUILDPLATFORM");
    const raw = JSON.parse(shipshape(["plan", GO, "--context", go.root, "--platform", "linux/arm64", "--format", "json"]).stdout) as Record<string, unknown>;
    expect(raw.targetPlatform).toBe("linux/arm64");
  });

  test("stdin (-) plans against the working directory", () => {
    const r = shipshape(["plan", "-", "--format", "json"], { cwd: go.root, input: readFileSync(path.join(ROOT, GO)) });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as JsonPlan).target).toBe("stage-2");
  });
});

describe("usage errors exit 2 without a stack", () => {
  test("an unreadable Dockerfile", () => {
    const r = shipshape(["plan", "fixtures/does-not-exist/Dockerfile"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("fixtures/does-not-exist/Dockerfile: no such file or directory");
    expectNoStack(r.stderr);
  });

  test("a folder instead of a file, a missing context, a bad format, no file", () => {
    for (const args of [["fixtures/web"], [WEB, "--context", "no/such/dir"], [WEB, "--format", "yaml"], [], [WEB, GO], [WEB, "--label", "novalue"]]) {
      const r = shipshape(["plan", ...args]);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stdout).toBe("");
      expectNoStack(r.stderr);
    }
  });

  test("a Compose file: the plan command of each service that builds, as the project resolves it", () => {
    const t = tempTree({
      "proj/compose.yaml": [
        "services:",
        "  web:",
        "    build: {context: app, target: runtime, args: {VERSION: '${TAG}', PLAIN: x}}",
        "  worker:",
        "    extends: {file: base/common.yaml, service: common}",
        "  inline:",
        "    build: {dockerfile_inline: 'FROM alpine:3.20'}",
        "  remote:",
        "    build: https://github.com/docker/buildx.git",
        "  db:",
        "    image: postgres:16",
        "",
      ].join("\n"),
      "proj/.env": "TAG=1.2 beta\n",
      "proj/base/common.yaml": "services:\n  common:\n    build: ../my app\n",
      "proj/app/Dockerfile": "FROM alpine:3.20 AS runtime\n",
      "proj/my app/Dockerfile": "FROM alpine:3.20\n",
      "other/compose.yaml": "services:\n  db:\n    image: postgres:16\n",
    });
    try {
      const r = shipshape(["plan", "proj/compose.yaml"], { cwd: t.root });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n")).toEqual([
        "shipshape: proj/compose.yaml is a Compose file; plan predicts the build of one Dockerfile. Its services that build:",
        "  web: shipshape plan proj/app/Dockerfile --context proj/app --target runtime --build-arg 'VERSION=1.2 beta' --build-arg PLAIN=x",
        "  worker: shipshape plan 'proj/my app/Dockerfile' --context 'proj/my app'",
        "  inline: its Dockerfile is inline (build.dockerfile_inline); save it to a file to plan it",
        "  remote: builds from a remote context (https://github.com/docker/buildx.git), which cannot be planned offline",
        "",
      ]);
      // The suggested command works as printed (from the same folder).
      const web = shipshape(["plan", "proj/app/Dockerfile", "--context", "proj/app", "--target", "runtime"], { cwd: t.root });
      expect(web.status).toBe(0);
      const none = shipshape(["plan", "other/compose.yaml"], { cwd: t.root });
      expect(none.status).toBe(2);
      expect(none.stderr).toBe("shipshape: other/compose.yaml is a Compose file; plan predicts the build of one Dockerfile, and none of its services builds one.\n");
      const missing = shipshape(["plan", "gone/compose.yaml"], { cwd: t.root });
      expect(missing.stderr).toBe("shipshape: gone/compose.yaml: no such file or directory\n");
    } finally {
      t.remove();
    }
  });

  test("help lists the options", () => {
    const r = shipshape(["plan", "--help"]);
    expect(r.status).toBe(0);
    for (const flag of ["--target", "--build-arg", "--platform", "--context", "--changed", "--no-cache-filter", "--format"]) expect(r.stdout).toContain(flag);
  });
});
