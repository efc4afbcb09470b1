import { describe, expect, it } from "vitest";
import { parseDockerfile, type Instruction } from "@shipshape/dockerfile";
import { analyzeDockerfile, type AnalyzeOptions } from "../src/index.js";

function analyze(text: string, options: AnalyzeOptions = {}) {
  const { ast } = parseDockerfile(text);
  const model = analyzeDockerfile(ast, options);
  const at = (line: number): Instruction => {
    const instr = ast.instructions.find((i) => i.startLine === line);
    if (!instr) throw new Error(`no instruction on line ${line}`);
    return instr;
  };
  const slice = (r: { start: number; end: number }) => text.slice(r.start, r.end);
  return { ast, model, at, slice };
}

const lines = (...l: string[]) => l.join("\n") + "\n";

describe("stages", () => {
  it("partitions stages with index, lower-cased name, display name and range", () => {
    const { model, slice } = analyze(lines("ARG V=1", "FROM alpine AS Build", "RUN make", "FROM scratch", "COPY --from=build /a /a"));
    expect(model.stages.map((s) => [s.index, s.name, s.displayName, s.instructions.map((i) => i.kind)])).toEqual([
      [0, "build", "build", ["Run"]],
      [1, undefined, "stage-1", ["Copy"]],
    ]);
    expect(slice(model.stages[0].range)).toBe("FROM alpine AS Build\nRUN make");
    expect(model.stages[1].base).toEqual({ kind: "scratch" });
    expect(model.stages[0].base).toEqual({ kind: "image", reference: "alpine" });
  });

  it("resolves the FROM image with the global ARG scope", () => {
    const { model } = analyze(lines("ARG V=20", "ARG IMG=node:${V}", "FROM ${IMG}-alpine"));
    expect(model.stages[0].image?.value).toBe("node:20-alpine");
    expect(model.stages[0].base).toEqual({ kind: "image", reference: "node:20-alpine" });
  });

  it("build args replace meta ARG defaults", () => {
    const { model } = analyze(lines("ARG VERSION=3.19", "ARG IMG=alpine:${VERSION}", "FROM ${IMG} AS a"), { buildArgs: { VERSION: "1" } });
    expect(model.stages[0].image?.value).toBe("alpine:1");
  });

  it("links FROM to an earlier stage only by its exact lower-cased name", () => {
    const { model } = analyze(lines("FROM alpine AS base", "FROM base AS a", "FROM Base AS b", "FROM later AS c", "FROM alpine AS later"));
    const [base, a, b, c] = model.stages;
    expect(a.base).toEqual({ kind: "stage", stage: base });
    expect(b.base).toEqual({ kind: "image", reference: "Base" });
    expect(c.base).toEqual({ kind: "image", reference: "later" });
    expect(model.stageReferences.map((r) => [r.kind, r.source.displayName, r.value, r.target.kind, r.problem])).toEqual([
      ["from", "a", "base", "stage", undefined],
      ["from", "b", "Base", "image", "case-mismatch"],
      ["from", "c", "later", "image", "later-stage"],
    ]);
  });

  it("reports blank base names and invalid stage names with BuildKit's messages", () => {
    const { model } = analyze(lines("ARG EMPTY", "FROM ${EMPTY}", "FROM alpine AS 1bad"));
    expect(model.problems.map((p) => p.message)).toEqual([
      'invalid name for build stage: "1bad", name can\'t start with a number or contain symbols',
      "base name (${EMPTY}) should not be blank",
    ]);
    expect(model.stages[0].base).toEqual({ kind: "unknown", reason: "blank" });
  });

  it("reports instructions before the first FROM and files without stages", () => {
    expect(analyze(lines("RUN x", "FROM a")).model.problems.map((p) => p.code)).toEqual(["instruction-before-from"]);
    expect(analyze(lines("ARG A=1")).model.problems.map((p) => p.message)).toEqual(["dockerfile contains no stages to build"]);
  });
});

describe("stage references", () => {
  const text = lines(
    "FROM golang:1.22 AS build",
    "RUN go build -o /out/app .",
    "FROM alpine",
    "COPY --from=build /out/app /app",
    "COPY --from=0 /out/app /app2",
    "COPY --from=Build /out/app /app3",
    "COPY --from=nginx:1.27 /etc/nginx/nginx.conf /n.conf",
  );
  it("resolves names case-insensitively, numeric indexes, and external images (reference E3.2)", () => {
    const { model } = analyze(text);
    const refs = model.stageReferences.map((r) => [r.value, r.target.kind === "stage" ? r.target.stage.index : r.target.kind, r.problem]);
    expect(refs).toEqual([
      ["build", 0, undefined],
      ["0", 0, undefined],
      ["Build", 0, undefined],
      ["nginx:1.27", "image", undefined],
    ]);
    expect(model.stages[0].referencedBy).toHaveLength(3);
    expect(model.stages.map((s) => s.reachable)).toEqual([true, true]);
    expect(model.findStage("BUILD")).toBe(model.stages[0]);
    expect(model.findStage("1")).toBe(model.stages[1]);
  });

  it("rejects variables in --from and bad indexes", () => {
    const { model, slice } = analyze(lines("FROM alpine", "COPY --from=$SRC /a /b", "COPY --from=5 /a /b"));
    expect(model.problems.map((p) => [p.code, slice(p.range)])).toEqual([
      ["copy-from-variable", "$SRC"],
      ["invalid-stage-index", "5"],
    ]);
    expect(model.problems[1].message).toBe("invalid stage index 5");
  });

  it("flags forward references (reference E3.4) as dispatch-time errors", () => {
    const { model } = analyze(lines("FROM busybox AS target", "COPY --from=build / /out", "FROM alpine AS build", "FROM target"));
    expect(model.stageReferences.find((r) => r.kind === "copy-from")?.problem).toBe("later-stage");
    expect(model.problems).toMatchObject([
      {
        code: "copy-from-later-stage",
        message: 'cannot copy from stage "build", it needs to be defined before current stage "target"',
        onlyWhenBuilt: true,
      },
    ]);
  });

  it("RUN --mount from= resolves by name only, rejects variables, and flags later stages", () => {
    const { model } = analyze(
      lines(
        "FROM alpine AS deps",
        "FROM alpine AS app",
        "RUN --mount=type=cache,from=deps,target=/d true",
        "RUN --mount=from=0,target=/x true",
        "RUN --mount=from=$X,target=/y true",
        "RUN --mount=from=late,target=/z true",
        "FROM alpine AS late",
      ),
    );
    expect(model.stageReferences.map((r) => [r.kind, r.value, r.target.kind, r.problem])).toEqual([
      ["mount-from", "deps", "stage", undefined],
      ["mount-from", "0", "image", undefined],
      ["mount-from", "$X", "invalid", "variable"],
      ["mount-from", "late", "stage", "later-stage"],
    ]);
    expect(model.problems.map((p) => p.message)).toEqual([
      "'from' doesn't support variable expansion, define alias stage instead",
      'cannot mount from stage "late" to "/z", stage needs to be defined before current command',
    ]);
  });

  it("ONBUILD COPY --from is a reference that counts for the stages built from it", () => {
    const { model } = analyze(lines("FROM alpine AS assets", "FROM alpine AS base", "ONBUILD COPY --from=assets /a /a", "FROM base"));
    const ref = model.stageReferences.find((r) => r.onbuild);
    expect(ref).toMatchObject({ kind: "copy-from", value: "assets", source: model.stages[1] });
    expect(model.stages.map((s) => s.reachable)).toEqual([true, true, true]);
  });

  it("detects cycles", () => {
    const { model } = analyze(lines("FROM alpine AS a", "COPY --from=b / /", "FROM a AS b"));
    expect(model.problems.map((p) => p.message)).toContain("circular dependency detected on stage: a");
  });
});

describe("target, reachability and unused stages", () => {
  const text = lines("FROM ubuntu AS base", 'RUN echo "base"', "FROM base AS stage1", 'RUN echo "stage1"', "FROM base AS stage2", 'RUN echo "stage2"');
  it("builds the last stage by default and prunes the rest (reference E3.1)", () => {
    const { model } = analyze(text);
    expect(model.target?.name).toBe("stage2");
    expect(model.stages.filter((s) => s.reachable).map((s) => s.name)).toEqual(["base", "stage2"]);
    expect(model.unusedStages().map((s) => s.name)).toEqual(["stage1"]);
  });
  it("follows --target case-insensitively", () => {
    const { model } = analyze(text, { target: "STAGE1" });
    expect(model.stages.filter((s) => s.reachable).map((s) => s.name)).toEqual(["base", "stage1"]);
    expect(model.predefinedArgs.get("TARGETSTAGE")).toBe("stage1");
  });
  it("reports an unknown target", () => {
    const { model } = analyze(text, { target: "nope" });
    expect(model.problems.map((p) => p.message)).toEqual(['target stage "nope" could not be found']);
    expect(model.stages.some((s) => s.reachable)).toBe(false);
  });
});

describe("variables", () => {
  it("keeps global ARGs out of stages until re-declared (reference E5.2)", () => {
    const { model, at } = analyze(
      lines(
        "ARG VERSION=3.19",
        "ARG IMG=alpine:${VERSION}",
        "FROM ${IMG} AS a",
        'RUN echo "v=$VERSION"',
        "ARG VERSION",
        'RUN echo "v=$VERSION"',
        "FROM busybox",
        "ARG VERSION=9",
        "RUN echo $VERSION",
      ),
    );
    expect(model.resolveAt(at(4), "$VERSION").value).toBe("");
    expect(model.resolveAt(at(6), "$VERSION").value).toBe("3.19");
    expect(model.resolveAt(at(9), "$VERSION").value).toBe("9");
    const [globalVersion, img] = model.globalArgs;
    expect(img.value).toBe("alpine:3.19");
    const redeclared = model.declarations.find((d) => d.stage?.index === 0 && d.name === "VERSION");
    expect(redeclared).toMatchObject({ valueSource: "global", value: "3.19", inherits: globalVersion });
    // The global VERSION is used by IMG's default and by the re-declaration.
    expect(globalVersion.uses.map((u) => [u.instruction.startLine, u.redeclaration ?? false])).toEqual([
      [2, false],
      [5, true],
    ]);
  });

  it("a build arg beats a stage default; an unset ARG stays unset (reference E5.1)", () => {
    const { model, at } = analyze(lines("FROM busybox", "ARG FOO", "ARG BAR=", "ARG V=9", "RUN env"), { buildArgs: { V: "1" } });
    const scope = model.scopeAt(at(5));
    expect(scope.lookup("FOO")).toBeUndefined();
    expect(scope.declarationOf("FOO")?.valueSource).toBe("unset");
    expect(scope.lookup("BAR")).toBe("");
    expect(scope.lookup("V")).toBe("1");
  });

  it("expands all ENV pairs with the scope from before the instruction; ARG sees earlier keys", () => {
    const { model, at } = analyze(
      lines("FROM alpine", "ENV abc=hello", "ENV abc=bye def=$abc", "ENV ghi=$abc", "ARG a=1 b=$a", "RUN true"),
    );
    const scope = model.scopeAt(at(6));
    expect(["abc", "def", "ghi", "a", "b"].map((n) => scope.lookup(n))).toEqual(["bye", "hello", "bye", "1", "1"]);
  });

  it("last writer wins between ENV and ARG (reference §5.4)", () => {
    const text = lines("FROM alpine", "ENV V=env", "ARG V", "RUN echo $V");
    const plain = analyze(text);
    expect(plain.model.resolveAt(plain.at(4), "$V").value).toBe("env");
    const withArg = analyze(text, { buildArgs: { V: "x" } });
    expect(withArg.model.resolveAt(withArg.at(4), "$V").value).toBe("x");
  });

  it("predefined platform args are global, and visible in a stage only after ARG", () => {
    const { model, at } = analyze(
      lines("FROM --platform=$BUILDPLATFORM golang AS build", "RUN echo $TARGETARCH", "ARG TARGETOS TARGETARCH", "RUN echo $TARGETOS/$TARGETARCH"),
      { targetPlatform: { os: "linux", arch: "arm64" } },
    );
    expect(model.stages[0].platform?.value).toBe("linux/amd64");
    expect(model.resolveAt(at(2), "$TARGETARCH").value).toBe("");
    expect(model.resolveAt(at(4), "$TARGETOS/$TARGETARCH").value).toBe("linux/arm64");
    expect(model.declarations.filter((d) => d.predefined).map((d) => d.valueSource)).toEqual(["predefined", "predefined"]);
  });

  it("TARGETSTAGE: the target, else the last stage's name, else default (reference E5.3)", () => {
    const text = lines("FROM alpine AS base", "ARG TARGETSTAGE", "RUN echo $TARGETSTAGE", "FROM scratch AS foo", "FROM scratch");
    const value = (options: AnalyzeOptions) => {
      const { model, at } = analyze(text, options);
      return model.resolveAt(at(3), "$TARGETSTAGE").value;
    };
    expect(value({})).toBe("default");
    expect(value({ target: "foo" })).toBe("foo");
    expect(analyze(lines("FROM alpine AS base", "FROM scratch AS last")).model.predefinedArgs.get("TARGETSTAGE")).toBe("last");
  });

  it("ARG and ENV values flow into stages built FROM a stage", () => {
    const { model, at } = analyze(lines("FROM alpine AS base", "ARG A=1", "ENV E=2", "FROM base", "RUN echo $A $E"));
    const r = model.resolveAt(at(5), "$A-$E");
    expect(r.value).toBe("1-2");
    expect(r.references.map((x) => x.declaration?.instruction.startLine)).toEqual([2, 3]);
  });

  it("records uses, build-time and run-time, and finds unused ARGs", () => {
    const { model, slice } = analyze(
      lines(
        "ARG UNUSED_GLOBAL=1",
        "ARG BASE=alpine",
        "FROM $BASE",
        "ARG USED_IN_RUN",
        "ARG USED_IN_COPY=/src",
        "ARG NEVER",
        "ENV HOME_DIR=/home",
        "COPY . ${USED_IN_COPY}",
        "RUN echo '$NEVER' \"$USED_IN_RUN\" # $NEVER",
        "CMD echo $HOME_DIR $USED_IN_COPY",
      ),
    );
    expect(model.unusedArgs().map((d) => d.name)).toEqual(["UNUSED_GLOBAL", "NEVER"]);
    const uses = model.uses.map((u) => [slice(u.range), u.context, u.declaration?.name, u.defined]);
    expect(uses).toEqual([
      ["$BASE", "build", "BASE", true],
      ["${USED_IN_COPY}", "build", "USED_IN_COPY", true],
      ["$USED_IN_RUN", "runtime", "USED_IN_RUN", false],
      ["$HOME_DIR", "runtime", "HOME_DIR", true],
      // CMD runs in the container, which has no ARG values.
      ["$USED_IN_COPY", "runtime", undefined, false],
    ]);
    // Declared before a RUN, even unset: a --build-arg would reach that RUN's environment.
    const reaches = Object.fromEntries(model.declarations.map((d) => [d.name, d.reachesRun]));
    expect(reaches).toMatchObject({ UNUSED_GLOBAL: false, NEVER: true, USED_IN_COPY: true, HOME_DIR: true });
  });

  it("maps run-time references across line continuations", () => {
    const { model, slice } = analyze(lines("FROM alpine", "ARG A=1", "RUN echo x \\", "    $A"));
    const use = model.uses.find((u) => u.context === "runtime")!;
    expect(slice(use.range)).toBe("$A");
    expect(use.declaration?.name).toBe("A");
  });

  it("finds run-time references in RUN heredocs unless the delimiter is quoted", () => {
    const { model, slice } = analyze(lines("FROM alpine", "ARG A=1 B=2", "RUN <<EOF", "echo $A", "EOF", "RUN <<'EOF'", "echo $B", "EOF"));
    expect(model.uses.map((u) => [slice(u.range), u.instruction.startLine])).toEqual([["$A", 3]]);
    expect(model.unusedArgs().map((d) => d.name)).toEqual(["B"]);
  });

  it("does not count ONBUILD triggers as uses (they expand in the child build)", () => {
    const { model } = analyze(lines("FROM alpine", "ARG A=1", "ONBUILD RUN echo $A"));
    expect(model.uses).toEqual([]);
  });

  it("reports where each name in a resolved text was declared, and what was unset", () => {
    const { model, at } = analyze(lines("ARG G=g", "FROM alpine", "ARG G", "ARG L=l", "WORKDIR /$G/$L/$MISSING"));
    const r = model.resolveAt(at(5), "/$G/$L/$MISSING");
    expect(r.value).toBe("/g/l/");
    expect(r.unmatched).toEqual(["MISSING"]);
    expect(r.references.map((x) => [x.name, x.declaration?.instruction.startLine])).toEqual([
      ["G", 3],
      ["L", 4],
      ["MISSING", undefined],
    ]);
  });

  it("uses the Dockerfile's escape token", () => {
    const { model, at } = analyze(lines("# escape=`", "FROM mcr.microsoft.com/windows/servercore:ltsc2022", "ENV A=1", "WORKDIR C:\\dir\\$A"));
    expect(model.escape).toBe("`");
    expect(model.resolveAt(at(4), "C:\\dir\\$A").value).toBe("C:\\dir\\1");
  });
});

describe("shells", () => {
  it("defaults to /bin/sh -c, follows SHELL, and inherits it through FROM <stage>", () => {
    const { model, at } = analyze(lines("FROM alpine AS a", "RUN x", 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', "RUN y", "FROM a", "RUN z"));
    expect(model.shellAt(at(2))).toEqual({ shell: ["/bin/sh", "-c"], kind: "posix" });
    expect(model.shellAt(at(4))).toMatchObject({ shell: ["/bin/bash", "-o", "pipefail", "-c"], kind: "posix" });
    expect(model.shellAt(at(6)).setBy?.startLine).toBe(3);
  });
  it("detects Windows stages, cmd and PowerShell", () => {
    const { model, at } = analyze(
      lines("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022", "RUN dir", 'SHELL ["powershell", "-Command"]', "RUN Write-Host $env:PATH"),
    );
    expect(model.stages[0].os).toBe("windows");
    expect(model.shellAt(at(2)).kind).toBe("cmd");
    expect(model.shellAt(at(4)).kind).toBe("powershell");
    expect(model.uses.map((u) => u.name)).toEqual(["PATH"]);
  });
});

describe("robustness", () => {
  it("never throws on partial input", () => {
    for (const text of ["", "FROM", "FROM a AS", "ARG", "COPY --from= a b", "FROM a\nRUN --mount=from", "FROM ${", "ONBUILD"]) {
      expect(() => analyze(text)).not.toThrow();
    }
  });
});

describe("per-instruction answers", () => {
  it("give ONBUILD triggers and unknown instructions no stage, and the global scope", () => {
    const { ast, model } = analyze(lines("ARG V=1", "FROM alpine", "ONBUILD RUN echo $V"));
    const onbuild = ast.instructions[2];
    const trigger = onbuild.kind === "Onbuild" ? onbuild.trigger! : onbuild;
    expect(model.stageOf(onbuild)?.index).toBe(0);
    expect(model.stageOf(trigger)).toBeUndefined();
    expect(model.scopeAt(trigger).lookup("V")).toBe("1");
    const stranger = parseDockerfile("RUN x\n").ast.instructions[0];
    expect(model.stageOf(stranger)).toBeUndefined();
  });
  it("still find instructions of a hand-made AST whose order is not the file's", () => {
    const { ast } = parseDockerfile(lines("FROM a AS one", "ENV X=1", "FROM b", "ENV Y=2", "RUN y"));
    const shuffled = { ...ast, instructions: ast.instructions.map((i) => ({ ...i, range: { start: 0, end: 0 } })) as Instruction[] };
    const model = analyzeDockerfile(shuffled);
    const [, envX, , , run] = shuffled.instructions;
    expect(model.stageOf(envX)?.index).toBe(0);
    expect(model.stageOf(run)?.index).toBe(1);
    expect(model.scopeAt(run).lookup("Y")).toBe("2");
    expect(model.scopeAt(run).lookup("X")).toBeUndefined();
  });
});
