import { describe, expect, it } from "vitest";
import { planJsonChunks, planToJson, renderDot, renderMermaid, renderPlan, renderPlanText } from "@shipshape/buildplan";
import { planOf } from "./helpers.js";

const TEXT = `
  ARG GO=1.23
  FROM golang:\${GO} AS build
  WORKDIR /src
  RUN go build -o /out/app
  FROM alpine AS unused
  RUN true
  FROM alpine AS tools
  FROM scratch AS final
  COPY --from=build /out/app /app
  RUN --mount=from=tools,target=/t ls
  USER 1000
  EXPOSE 8080
  CMD ["/app"]
  COPY --from=nginx:1 /x /x
`;

describe("planToJson: the INTERFACE.md shape", () => {
  const p = planOf(TEXT, { dockerfilePath: "svc/Dockerfile" });
  const json = planToJson(p);

  it("has target, stages, order, image and diagnostics", () => {
    expect(json.target).toBe("final");
    expect(json.order).toEqual([["build", "tools"], ["final"]]);
    expect(json.stages.map((s) => [s.index, s.name, s.id, s.base, s.baseStage, s.built, s.dependsOn])).toEqual([
      [0, "build", "build", "golang:1.23", null, true, []],
      [1, "unused", "unused", "alpine", null, false, []],
      [2, "tools", "tools", "alpine", null, true, []],
      [3, "final", "final", "scratch", null, true, ["build", "tools"]],
    ]);
    expect(json.image).toEqual({
      env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
      workdir: "/",
      user: "1000",
      cmd: ["/app"],
      exposedPorts: ["8080/tcp"],
      volumes: [],
      labels: {},
      healthcheck: null,
    });
    expect(json.diagnostics).toEqual([]);
  });

  it("steps carry line, instruction, text, layer, cache and state in that order", () => {
    const step = json.stages[0]!.steps[2]!;
    expect(Object.keys(step).slice(0, 6)).toEqual(["line", "instruction", "text", "layer", "cache", "state"]);
    expect(step).toMatchObject({ line: 4, instruction: "RUN", text: "RUN go build -o /out/app", layer: true, cache: "hit" });
    expect(step.state).toEqual({ workdir: "/src", shell: ["/bin/sh", "-c"], env: {}, args: {} });
    expect(json.stages[1]!.steps.every((s) => s.cache === "not-built")).toBe(true);
  });

  it("diagnostics use the lint JSON objects with the file", () => {
    const bad = planToJson(planOf(`
      FROM alpine
      COPY --from=$X /a /b
    `, { dockerfilePath: "x/Dockerfile" }));
    expect(bad.diagnostics).toEqual([
      expect.objectContaining({ file: "x/Dockerfile", line: 2, column: 13, endLine: 2, endColumn: 15, code: "CopyFromVariable", rule: "copy-from-variable", aliases: [], severity: "error" }),
    ]);
  });

  it("survives JSON round trips", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("renderPlanText", () => {
  it("lists built stages in order, marks skipped ones and shows the image", () => {
    const text = renderPlanText(planOf(TEXT));
    const headers = text.split("\n").filter((l) => l.startsWith("Stage "));
    expect(headers.map((h) => h.split(" ")[1])).toEqual(["build", "tools", "final", "unused"]);
    expect(headers[3]).toContain("SKIPPED");
    expect(text).toContain('  skipped: not needed by the target "final"');
    expect(text).toContain("Build order: build + tools  ->  final");
    expect(text).toContain("     4  layer   RUN go build -o /out/app");
    expect(text).toContain("  user        1000");
    expect(text).not.toContain("first step to re-run");
  });

  it("shows cache outcomes when a change set is given", () => {
    const text = renderPlanText(planOf(`
      FROM alpine
      COPY a /a
      RUN make
    `, { changedPaths: ["a"] }));
    expect(text).toMatch(/2 {2}layer {3}miss +COPY a \/a {3}\(changed: a\)/);
    expect(text).toContain("first step to re-run: line 2 COPY");
  });

  it("shows control characters of the Dockerfile instead of sending them to the terminal", () => {
    const text = renderPlanText(planOf('FROM alpine:3.21\nRUN echo "\x1b[2J\x1b]0;t\x07"\nENV A=\x1b[31mred\x9b\n'));
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(text).toContain('RUN echo "␛[2J␛]0;t␇"');
    expect(text).toContain("A=␛[31mred\ufffd");
  });
});

describe("renderMermaid and renderDot", () => {
  const p = planOf(TEXT);
  it("mermaid: stages, sources, edge kinds and built/skipped classes", () => {
    const m = renderMermaid(p);
    expect(m.startsWith("flowchart TD\n")).toBe(true);
    expect(m).toContain('stage3["final (target)"]');
    expect(m).toContain('[("golang:1.23")]');
    expect(m).toContain("stage0 -.->|COPY --from| stage3");
    expect(m).toContain("stage2 -.-o|RUN --mount| stage3");
    expect(m).toMatch(/class stage1 skipped;/);
    expect(m).toMatch(/class stage0,stage2 built;/);
  });
  it("dot: solid FROM, dashed COPY --from, dotted mounts, grey dashed skipped stages", () => {
    const d = renderDot(p);
    expect(d).toContain('"image:golang:1.23" -> "build" [label="FROM", style="solid"];');
    expect(d).toContain('"build" -> "final" [label="COPY --from", style="dashed", arrowhead="empty"];');
    expect(d).toContain('"tools" -> "final" [label="RUN --mount", style="dotted", arrowhead="diamond"];');
    expect(d).toContain('"unused" [label="unused", style="dashed", color="gray55", fontcolor="gray55"];');
    expect(d).toContain('"final" [label="final\\n(target)"');
    expect(d.trim().endsWith("}")).toBe(true);
  });
});

describe("planJsonChunks", () => {
  it("joins to exactly JSON.stringify of planToJson, for plans with empty lists, nested objects and unusual text", () => {
    const texts = [
      "FROM scratch\n",
      'FROM alpine:3.20 AS base\nENV A="é \\"q\\"" B=\nLABEL x="1\\n2"\nARG EMPTY\nHEALTHCHECK CMD ["true"]\nEXPOSE 80/tcp 53/udp\nFROM base\nONBUILD RUN x\nCMD []\n',
      "FROM alpine:3.20 AS a\nRUN --mount=type=cache,target=/c true\nFROM a AS b\nCOPY --from=a /x /y\nFROM b\nCOPY --from=nowhere /x /y\nRUN echo ${UNSET:?must be set}\n",
    ];
    for (const text of texts) {
      const p = planOf(text, { changedPaths: ["x"] });
      const chunks = [...planJsonChunks(p, { file: "Dockerfile" })];
      expect(chunks.length).toBeGreaterThan(10);
      expect(chunks.join("")).toBe(JSON.stringify(planToJson(p, { file: "Dockerfile" }), null, 2) + "\n");
      expect(renderPlan(p, "json", { file: "Dockerfile" })).toBe(chunks.join(""));
    }
  });

  it("keeps each piece small however much a plan prints", () => {
    const lines = ["FROM scratch"];
    for (let i = 0; i < 400; i++) lines.push(`ENV VARIABLE_${i}=value_${i}`);
    const chunks = [...planJsonChunks(planOf(lines.join("\n")))];
    // The whole is some 400 steps times 400 variables; a piece is at most one step's environment.
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBeGreaterThan(3_000_000);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(20_000);
  });
});
