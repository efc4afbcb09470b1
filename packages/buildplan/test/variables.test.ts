import { describe, expect, it } from "vitest";
import { planOf, stage, stepAt } from "./helpers.js";

describe("E5.1 ARG without a value stays unset; ARG BAR= is the empty string", () => {
  it("FOO is declared but not in the env; BAR is", () => {
    const p = planOf(`
      FROM busybox
      ARG FOO
      ARG BAR=
      RUN env > env.txt
    `);
    const run = stepAt(p, 4);
    expect(run.state.args).toEqual({ BAR: "" });
    expect(run.argDetails).toEqual([
      { name: "FOO", source: "unset" },
      { name: "BAR", value: "", source: "default" },
    ]);
  });
});

describe("E5.2 global ARGs are visible in FROM only, until re-declared", () => {
  const text = `
    ARG VERSION=3.19
    ARG IMG=alpine:\${VERSION}
    FROM \${IMG} AS a
    RUN echo "v=$VERSION"
    ARG VERSION
    RUN echo "v=$VERSION"
    FROM busybox
    ARG VERSION=9
    RUN echo $VERSION
  `;
  it("defaults", () => {
    const p = planOf(text);
    expect(stage(p, "a").base).toBe("alpine:3.19");
    expect(stepAt(p, 4).state.args).toEqual({});
    expect(stepAt(p, 4).expanded).toBe('RUN echo "v=$VERSION"');
    expect(stepAt(p, 6).state.args).toEqual({ VERSION: "3.19" });
    expect(stepAt(p, 6).argDetails).toEqual([{ name: "VERSION", value: "3.19", source: "global" }]);
    expect(stepAt(p, 6).expanded).toBe('RUN echo "v=3.19"');
    expect(stepAt(p, 9).state.args).toEqual({ VERSION: "9" });
    expect(p.globalArgs).toEqual([
      { name: "VERSION", value: "3.19", source: "default" },
      { name: "IMG", value: "alpine:3.19", source: "default" },
    ]);
  });

  it("a build-arg beats both the global and the stage default", () => {
    const p = planOf(text, { buildArgs: { VERSION: "1" }, target: "a" });
    expect(stage(p, "a").base).toBe("alpine:1");
    expect(stepAt(p, 6).state.args).toEqual({ VERSION: "1" });
    expect(stepAt(p, 6).argDetails[0]!.source).toBe("build-arg");
    const all = planOf(text, { buildArgs: { VERSION: "1" } });
    expect(stepAt(all, 9).state.args).toEqual({ VERSION: "1" });
  });

  it("a stage ARG is visible in a stage built FROM it, not in unrelated stages", () => {
    const p = planOf(`
      FROM alpine AS base
      ARG A=1
      FROM base AS child
      RUN echo $A
      FROM alpine AS other
      RUN echo $A
    `);
    expect(stepAt(p, 4).state.args).toEqual({ A: "1" });
    expect(stepAt(p, 6).state.args).toEqual({});
  });

  it("an undeclared build-arg is ignored", () => {
    const p = planOf(`
      FROM alpine
      RUN echo $NOPE
    `, { buildArgs: { NOPE: "x" } });
    expect(stepAt(p, 2).state.args).toEqual({});
    expect(p.diagnostics).toEqual([]);
  });
});

describe("E5.3 TARGETSTAGE", () => {
  const text = `
    FROM alpine AS base
    WORKDIR /out
    RUN echo -n "value:$TARGETSTAGE" > /out/first
    ARG TARGETSTAGE
    RUN echo -n "value:$TARGETSTAGE" > /out/second
    FROM scratch AS foo
    COPY --from=base /out/ /
    FROM scratch
    COPY --from=base /out/ /
  `;
  it("is unset until declared, then the target's name", () => {
    const p = planOf(text, { target: "foo" });
    expect(stepAt(p, 3).state.args).toEqual({});
    expect(stepAt(p, 5).state.args).toEqual({ TARGETSTAGE: "foo" });
    expect(stepAt(p, 5).argDetails[0]!.source).toBe("builtin");
  });
  it('is "default" when the last stage is unnamed and there is no --target', () => {
    expect(stepAt(planOf(text), 5).state.args).toEqual({ TARGETSTAGE: "default" });
  });
  it("is the last stage's name otherwise", () => {
    const p = planOf(`
      FROM alpine AS one
      ARG TARGETSTAGE
      RUN true
      FROM one AS last
    `);
    expect(stepAt(p, 3).state.args).toEqual({ TARGETSTAGE: "last" });
  });
});

describe("E5.4 cross-compilation", () => {
  const text = `
    FROM --platform=$BUILDPLATFORM golang AS build
    ARG TARGETOS TARGETARCH
    RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/app
    FROM alpine
    COPY --from=build /out/app /app
  `;
  it("builds natively and sees the target platform's parts", () => {
    const p = planOf(text, { platform: "linux/arm64" });
    expect(stage(p, "build").platform).toBe("linux/amd64");
    expect(stage(p, "stage-1").platform).toBe("linux/arm64");
    expect(stepAt(p, 3).state.args).toEqual({ TARGETOS: "linux", TARGETARCH: "arm64" });
    expect(stepAt(p, 3).expanded).toBe("RUN GOOS=linux GOARCH=arm64 go build -o /out/app");
    expect(p.image!.platform).toBe("linux/arm64");
  });
  it("the builtins follow the build platform without --platform", () => {
    const p = planOf(text, { buildPlatform: "linux/arm64" });
    expect(stepAt(p, 3).state.args).toEqual({ TARGETOS: "linux", TARGETARCH: "arm64" });
    expect(p.image!.platform).toBeUndefined();
  });
  it("a build-arg overrides a builtin for expansion", () => {
    const p = planOf(text, { buildArgs: { TARGETARCH: "riscv64" } });
    expect(stepAt(p, 3).state.args.TARGETARCH).toBe("riscv64");
  });
  it("TARGETVARIANT and the other builtins", () => {
    const p = planOf(`
      FROM alpine
      ARG TARGETPLATFORM TARGETVARIANT BUILDPLATFORM BUILDOS
      RUN true
    `, { platform: "linux/arm/v7" });
    expect(stepAt(p, 3).state.args).toEqual({ TARGETPLATFORM: "linux/arm/v7", TARGETVARIANT: "v7", BUILDPLATFORM: "linux/amd64", BUILDOS: "linux" });
  });
});

describe("5.3 ENV expands against the environment before the instruction", () => {
  it("ENV abc=bye def=$abc gives def=hello", () => {
    const p = planOf(`
      FROM scratch
      ENV abc=hello
      ENV abc=bye def=$abc
      ENV ghi=$abc
    `);
    expect(stepAt(p, 3).state.env).toMatchObject({ abc: "bye", def: "hello" });
    expect(stepAt(p, 4).state.env).toMatchObject({ abc: "bye", def: "hello", ghi: "bye" });
  });
  it("ARG a=1 b=$a gives b=1 (ARG sees earlier keys of the same instruction)", () => {
    const p = planOf(`
      FROM scratch
      ARG a=1 b=$a
    `);
    expect(stepAt(p, 2).state.args).toEqual({ a: "1", b: "1" });
  });
  it("an existing key keeps its position; the legacy form takes the rest of the line", () => {
    const p = planOf(`
      FROM scratch
      ENV A=1 B=2
      ENV A 3 4
    `);
    expect(Object.entries(stepAt(p, 3).state.env)).toEqual([["PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], ["A", "3 4"], ["B", "2"]]);
  });
});

describe("5.4 ENV and ARG of the same name", () => {
  it("ARG V then ENV V=env: the RUN sees env even with a build-arg", () => {
    const p = planOf(`
      FROM alpine
      ARG V
      ENV V=env
      RUN echo $V
    `, { buildArgs: { V: "x" } });
    expect(stepAt(p, 4).expanded).toBe("RUN echo env");
  });
  it("ENV V=env then ARG V: the build-arg wins at build time, the image keeps env", () => {
    const text = `
      FROM alpine
      ENV V=env
      ARG V
      RUN echo $V
    `;
    const p = planOf(text, { buildArgs: { V: "x" } });
    expect(stepAt(p, 4).expanded).toBe("RUN echo x");
    expect(stepAt(p, 4).shadowedEnv).toEqual(["V"]);
    expect(p.image!.env).toEqual({ V: "env" });
    const q = planOf(text);
    expect(stepAt(q, 4).expanded).toBe("RUN echo env");
    expect(stepAt(q, 4).shadowedEnv).toBeUndefined();
  });
});

describe("5.5 which instructions expand", () => {
  it("COPY, WORKDIR, USER, LABEL, EXPOSE, VOLUME, STOPSIGNAL expand; CMD does not", () => {
    const p = planOf(`
      FROM alpine
      ARG DIR=/srv P="80 443/udp" U=app
      WORKDIR $DIR
      COPY \${DIR:-x}/a b/
      USER $U
      LABEL "k-$U"="v $DIR"
      EXPOSE $P
      VOLUME $DIR/data
      STOPSIGNAL SIG\${U:+TERM}
      CMD echo $DIR
    `);
    expect(stepAt(p, 3).expanded).toBe("WORKDIR /srv");
    expect(stepAt(p, 4).expanded).toBe("COPY /srv/a b/");
    expect(p.image).toMatchObject({
      workdir: "/srv",
      user: "app",
      labels: { "k-app": "v /srv" },
      exposedPorts: ["443/udp", "80/tcp"],
      volumes: ["/srv/data"],
      stopSignal: "SIGTERM",
      cmd: ["/bin/sh", "-c", "echo $DIR"],
    });
  });
  it("an unset variable expands to the empty string", () => {
    const p = planOf(`
      FROM scratch
      ENV DIRPATH=/path
      WORKDIR $DIRPATH/$DIRNAME
    `);
    expect(stepAt(p, 3).state.workdir).toBe("/path");
  });
  it("on an external image PATH is set but unknown: it stays as written; other names follow BuildKit", () => {
    const p = planOf(`
      FROM golang
      ENV PATH=/opt/bin:$PATH GOFLAGS=\${GOFLAGS:-x}
      ENV B=known-$PATH
    `);
    expect(stepAt(p, 2).state.env).toEqual({ PATH: "/opt/bin:$PATH", GOFLAGS: "x" });
    expect(stepAt(p, 3).state.env).toMatchObject({ B: "known-/opt/bin:$PATH" });
  });
  it("${X:?msg} fails in a built stage", () => {
    const p = planOf(`
      FROM alpine
      WORKDIR \${X:?must be set}
    `);
    expect(p.diagnostics.map((d) => [d.code, d.message])).toEqual([["ExpansionError", 'failed to process "${X:?must be set}": X: must be set']]);
  });
});

describe("5.6 lexer vectors, through the plan (ENV expands with the lexer of @shipshape/semantic)", () => {
  // [env before, word, expected value]; env entries are set with ENV first.
  const VECTORS: [Record<string, string>, string, string][] = [
    [{}, "${A:-def}", "def"],
    [{ A: "" }, "${A:-def}", "def"],
    [{ A: "" }, "${A-def}", ""],
    [{}, "${A-def}", "def"],
    [{ A: "x" }, "${A:+alt}", "alt"],
    [{ A: "" }, "${A+alt}", "alt"],
    [{}, "${A+alt}", ""],
    [{ A: "" }, "${A?must}", ""],
    [{ S: "foobarbaz" }, "${S#f*b}", "arbaz"],
    [{ S: "foobarbaz" }, "${S##f*b}", "az"],
    [{ S: "foobarbaz" }, "${S%b*}", "foobar"],
    [{ S: "foobarbaz" }, "${S%%b*}", "foo"],
    [{ S: "foobarbaz" }, "${S/ba/fo}", "fooforbaz"],
    [{ S: "foobarbaz" }, "${S//ba/fo}", "fooforfoz"],
    [{ S: "foobarbaz" }, "${S/#foo/X}", "foobarbaz"],
    [{ V: "1.2.3" }, "${V%.*}_${V%%.*}", "1.2_1"],
    [{ V: "v1.2.3" }, "app-${V#v}", "app-1.2.3"],
    [{ A: "x/y/z" }, "${A/\\//-}", "x-y/z"],
    [{ A: "x/y/z" }, "${A//\\//-}", "x-y-z"],
    [{ TARGETARCH: "arm64", TARGETVARIANT: "v7" }, "${TARGETARCH}${TARGETVARIANT:+/${TARGETVARIANT}}", "arm64/v7"],
    [{}, "$UNDEFINED/x", "/x"],
    [{ A: "1" }, "\\$A", "$A"],
    [{ A: "1" }, `"$A"'$A'`, "1$A"],
    [{ A: "1" }, "$$A", "A"],
    [{ A: "1" }, "${A}_b$A_b", "1_b"],
  ];
  it.each(VECTORS)("env %j: %s", (env, word, expected) => {
    const envLines = Object.entries(env).map(([k, v]) => `ENV ${k}="${v}"`).join("\n");
    const p = planOf(`FROM scratch\n${envLines}\nENV OUT=${word}\n`);
    expect(p.diagnostics).toEqual([]);
    expect(p.image!.env.OUT).toBe(expected);
  });

  it("${A:?must} fails, with BuildKit's message (ENV words split on white space, so no spaces here)", () => {
    const p = planOf("FROM scratch\nENV OUT=${A:?must}\n");
    expect(p.diagnostics.map((d) => d.message)).toEqual(['failed to process "${A:?must}": A: must']);
  });
});

