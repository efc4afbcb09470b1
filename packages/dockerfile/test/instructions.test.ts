import { describe, expect, it } from "vitest";
import { parseDockerfile, type Instruction } from "@shipshape/dockerfile";
import type { Range } from "@shipshape/text";
import { rangeProblems } from "./nesting.js";

/** Parses, asserts no errors and nested ranges, returns the instructions and a slicer. */
function parse(text: string) {
  const { ast, errors } = parseDockerfile(text);
  expect(errors).toEqual([]);
  expect(rangeProblems(ast, text.length)).toEqual([]);
  const at = (r: Range | undefined) => (r ? text.slice(r.start, r.end) : undefined);
  return { ast, at, instructions: ast.instructions };
}

function only<K extends Instruction["kind"]>(text: string, kind: K) {
  const { instructions, at, ast } = parse(text);
  const i = instructions.find((x) => x.kind === kind) as Extract<Instruction, { kind: K }>;
  expect(i).toBeDefined();
  return { i, at, ast };
}

describe("FROM", () => {
  it("splits platform, image reference parts, AS and stage name", () => {
    const { i, at } = only("FROM --platform=$BUILDPLATFORM ghcr.io/org/app:1.2@sha256:abc AS build\n", "From");
    expect(i.keyword).toBe("FROM");
    expect(at(i.platform?.range)).toBe("--platform=$BUILDPLATFORM");
    expect(i.platform?.value?.value).toBe("$BUILDPLATFORM");
    expect(at(i.image?.registry?.range)).toBe("ghcr.io");
    expect(at(i.image?.path.range)).toBe("org/app");
    expect(at(i.image?.tag?.range)).toBe("1.2");
    expect(at(i.image?.digest?.range)).toBe("sha256:abc");
    expect(at(i.asKeyword?.range)).toBe("AS");
    expect(i.stageName?.value).toBe("build");
    expect(i.variables.map((v) => v.name)).toEqual(["BUILDPLATFORM"]);
  });

  it("keeps an implicit registry absent and a port-qualified registry", () => {
    expect(only("FROM node:20\n", "From").i.image?.registry).toBeUndefined();
    const { i, at } = only("FROM localhost:5000/app\n", "From");
    expect(at(i.image?.registry?.range)).toBe("localhost:5000");
    expect(i.image?.tag).toBeUndefined();
  });

  it("collects words after the stage name as extra arguments", () => {
    const { i } = only("from alpine as base extra more\n", "From");
    expect(i.keyword).toBe("FROM");
    expect(i.keywordWord.value).toBe("from");
    expect(i.stageName?.value).toBe("base");
    expect(i.extraArgs.map((w) => w.value)).toEqual(["extra", "more"]);
  });
});

describe("RUN", () => {
  it("shell form keeps the logical text with its logical offset", () => {
    const text = "RUN apt-get update && \\\n    apt-get install -y curl\n";
    const { i } = only(text, "Run");
    expect(i.command).toMatchObject({ kind: "ShellForm", value: "apt-get update &&     apt-get install -y curl" });
    const form = i.command as Extract<typeof i.command, { kind: "ShellForm" }>;
    expect(i.original.slice(form.logicalOffset, form.logicalOffset + form.value.length)).toBe(form.value);
    expect(i.startLine).toBe(1);
    expect(i.endLine).toBe(2);
  });

  it("exec form decodes JSON strings and locates each literal", () => {
    const { i, at } = only('RUN ["echo", "a\\"b"]\n', "Run");
    expect(i.command?.kind).toBe("JsonForm");
    if (i.command?.kind !== "JsonForm") return;
    expect(i.command.elements.map((e) => e.value)).toEqual(["echo", 'a"b']);
    expect(at(i.command.elements[1].range)).toBe('"a\\"b"');
    expect(at(i.command.range)).toBe('["echo", "a\\"b"]');
  });

  it("invalid JSON falls back to shell form", () => {
    const { i } = only("RUN ['echo', 'x']\n", "Run");
    expect(i.command?.kind).toBe("ShellForm");
  });

  it("parses mounts, network, security and devices", () => {
    const text =
      'RUN --mount=type=cache,target=/root/.cache,id=pip --mount=type=secret,id=tok --network=none --security=insecure --device=/dev/x pip install\n';
    const { i, at } = only(text, "Run");
    expect(i.mounts.map((m) => m.type)).toEqual(["cache", "secret"]);
    expect(i.mounts[0].values).toEqual({ type: "cache", target: "/root/.cache", id: "pip" });
    expect(at(i.mounts[0].fields[1].value?.range)).toBe("/root/.cache");
    expect(at(i.mounts[0].fields[1].key.range)).toBe("target");
    expect(i.network?.value?.value).toBe("none");
    expect(i.security?.value?.value).toBe("insecure");
    expect(i.devices.map((d) => d.value?.value)).toEqual(["/dev/x"]);
  });

  it("quoted mount values are unquoted as BuildKit does", () => {
    const { i } = only('RUN --mount="type=bind,source=a b,target=/x" ls\n', "Run");
    expect(i.flags[0].text).toBe("--mount=type=bind,source=a b,target=/x");
    expect(i.mounts[0].values.source).toBe("a b");
    expect(i.mounts[0].type).toBe("bind");
  });

  it("mount type defaults to bind and from= is not expanded", () => {
    const { i } = only("RUN --mount=from=$STAGE,target=$T ls\n", "Run");
    expect(i.mounts[0].type).toBe("bind");
    expect(i.variables.map((v) => v.name)).toEqual(["T"]);
  });
});

describe("CMD, ENTRYPOINT, SHELL, HEALTHCHECK", () => {
  it("CMD without arguments has no command", () => {
    expect(only("CMD\n", "Cmd").i.command).toBeUndefined();
    expect(only("CMD []\n", "Cmd").i.command).toMatchObject({ kind: "JsonForm", elements: [] });
  });

  it("ENTRYPOINT and SHELL take the exec form", () => {
    expect(only('ENTRYPOINT ["/bin/app"]\n', "Entrypoint").i.command?.kind).toBe("JsonForm");
    expect(only('SHELL ["/bin/bash", "-c"]\n', "Shell").i.command?.kind).toBe("JsonForm");
  });

  it("HEALTHCHECK has flags, a type and a command", () => {
    const { i, at } = only("HEALTHCHECK --interval=5s --timeout=3s CMD curl -f http://x/ || exit 1\n", "Healthcheck");
    expect(i.flags.map((f) => f.name.value)).toEqual(["interval", "timeout"]);
    expect(at(i.type?.range)).toBe("CMD");
    expect(i.command).toMatchObject({ kind: "ShellForm", value: "curl -f http://x/ || exit 1" });
    expect(only("HEALTHCHECK NONE\n", "Healthcheck").i.type?.value).toBe("NONE");
  });
});

describe("COPY and ADD", () => {
  it("COPY flags, sources and destination", () => {
    const text = "COPY --from=build --chown=app:app --chmod=755 --link --parents --exclude=*.md a b /dst/\n";
    const { i, at } = only(text, "Copy");
    expect(i.from?.value?.value).toBe("build");
    expect(i.chown?.value?.value).toBe("app:app");
    expect(i.chmod?.value?.value).toBe("755");
    expect(i.link?.value).toBeUndefined();
    expect(at(i.link?.range)).toBe("--link");
    expect(i.parents).toBeDefined();
    expect(i.exclude.map((f) => f.value?.value)).toEqual(["*.md"]);
    expect(i.sources.map((w) => w.value)).toEqual(["a", "b"]);
    expect(at(i.destination?.range)).toBe("/dst/");
    expect(i.json).toBe(false);
  });

  it("ADD flags and JSON form", () => {
    const text = 'ADD --checksum=sha256:00 --keep-git-dir=true --unpack=false ["https://x/a.tgz", "/opt/"]\n';
    const { i } = only(text, "Add");
    expect(i.checksum?.value?.value).toBe("sha256:00");
    expect(i.keepGitDir?.value?.value).toBe("true");
    expect(i.unpack?.value?.value).toBe("false");
    expect(i.json).toBe(true);
    expect(i.paths.map((w) => w.value)).toEqual(["https://x/a.tgz", "/opt/"]);
  });

  it("whitespace split has no quote handling, as in BuildKit", () => {
    const { i } = only('COPY "a b" /x\n', "Copy");
    expect(i.paths.map((w) => w.value)).toEqual(['"a', 'b"', "/x"]);
  });

  it("a bare -- ends the flags", () => {
    const { i } = only("COPY --link -- --notaflag /x\n", "Copy");
    expect(i.flags.map((f) => f.text)).toEqual(["--link"]);
    expect(i.sources.map((w) => w.value)).toEqual(["--notaflag"]);
  });
});

describe("ENV, LABEL, ARG", () => {
  it("ENV key=value pairs keep raw values with quotes", () => {
    const { i, at } = only('ENV A=1 B="x y" C=\'z\'\n', "Env");
    expect(i.pairs.map((p) => [p.key.value, p.value?.value, p.legacy])).toEqual([
      ["A", "1", false],
      ["B", '"x y"', false],
      ["C", "'z'", false],
    ]);
    expect(at(i.pairs[1].range)).toBe('B="x y"');
  });

  it("ENV legacy form takes the rest of the line as the value", () => {
    const { i, at } = only("ENV PATH /usr/local/bin:$PATH more\n", "Env");
    expect(i.pairs).toHaveLength(1);
    expect(i.pairs[0].legacy).toBe(true);
    expect(at(i.pairs[0].value?.range)).toBe("/usr/local/bin:$PATH more");
    expect(i.variables.map((v) => v.name)).toEqual(["PATH"]);
  });

  it("LABEL pairs", () => {
    const { i } = only('LABEL org.opencontainers.image.title="App" version=1\n', "Label");
    expect(i.pairs.map((p) => p.key.value)).toEqual(["org.opencontainers.image.title", "version"]);
  });

  it("ARG with and without defaults", () => {
    const { i, at } = only("ARG A B=2 C=${A:-x}\n", "Arg");
    expect(i.declarations.map((d) => [d.name.value, d.defaultValue?.value])).toEqual([
      ["A", undefined],
      ["B", "2"],
      ["C", "${A:-x}"],
    ]);
    expect(at(i.declarations[2].defaultValue?.range)).toBe("${A:-x}");
    expect(i.variables.map((v) => v.name)).toEqual(["A"]);
  });
});

describe("EXPOSE, VOLUME, USER, WORKDIR, STOPSIGNAL, MAINTAINER, ONBUILD, unknown", () => {
  it("EXPOSE ports", () => {
    expect(only("EXPOSE 80 443/tcp $P\n", "Expose").i.ports.map((p) => p.value)).toEqual(["80", "443/tcp", "$P"]);
  });

  it("VOLUME JSON or words", () => {
    expect(only('VOLUME ["/a", "/b"]\n', "Volume").i).toMatchObject({ json: true });
    expect(only("VOLUME /a /b\n", "Volume").i.paths.map((p) => p.value)).toEqual(["/a", "/b"]);
  });

  it("USER user:group", () => {
    const { i, at } = only("USER app:staff\n", "User");
    expect(at(i.user?.range)).toBe("app");
    expect(at(i.group?.range)).toBe("staff");
    expect(only("USER 1000\n", "User").i.group).toBeUndefined();
  });

  it("WORKDIR, STOPSIGNAL, MAINTAINER", () => {
    expect(only("WORKDIR /app/$X\n", "Workdir").i.path?.value).toBe("/app/$X");
    expect(only("STOPSIGNAL SIGTERM\n", "Stopsignal").i.signal?.value).toBe("SIGTERM");
    expect(only("MAINTAINER Jane <j@x>\n", "Maintainer").i.maintainer?.value).toBe("Jane <j@x>");
  });

  it("ONBUILD parses its trigger as an instruction", () => {
    const { i, at } = only("ONBUILD COPY --from=x a /b\n", "Onbuild");
    expect(i.trigger?.kind).toBe("Copy");
    expect(i.trigger?.parentOnbuild).toBe(true);
    expect(at(i.trigger?.range)).toBe("COPY --from=x a /b");
    expect(i.trigger?.kind === "Copy" && i.trigger.from?.value?.value).toBe("x");
  });

  it("an unknown keyword still gets a node", () => {
    const { i, at } = only("FORM alpine\n", "Unknown");
    expect(i.keyword).toBe("FORM");
    expect(at(i.args.range)).toBe("alpine");
  });
});
