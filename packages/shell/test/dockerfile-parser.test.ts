/**
 * The same instruction cases, through the real Dockerfile parser, plus what only a whole file has:
 * RUN flags, ONBUILD, HEALTHCHECK options, several instructions and CRLF line endings.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseDockerfile } from "@shipshape/dockerfile";
import { initShell, parseInstructionShell, shellScriptsOf, type ShellCommand } from "@shipshape/shell";
import { actual, instructionCases } from "./instruction-cases.js";

beforeAll(() => initShell());

function commandsIn(source: string): ShellCommand[] {
  return parseDockerfile(source).ast.instructions.flatMap((i) => parseInstructionShell(i).flatMap((s) => s.script.commands));
}

describe("instruction cases through parseDockerfile", () => {
  it.each(instructionCases)("$name", ({ source, commands }) => {
    expect(actual(source, commandsIn(source))).toEqual(commands);
  });
});

describe("exec form", () => {
  it("parses the script of an exec-form shell call with straight offsets", () => {
    const source = 'FROM alpine\nRUN ["/bin/bash", "-o", "pipefail", "-ec", "apk add curl | tee /log"]\n';
    const [run] = parseDockerfile(source).ast.instructions.slice(1);
    expect(shellScriptsOf(run).map((s) => [s.kind, s.interpreter, s.text])).toEqual([["exec-form-shell", "bash", "apk add curl | tee /log"]]);
    expect(actual(source, commandsIn(source))).toEqual([
      [["/bin/bash", '"/bin/bash"'], ["-o", '"-o"'], ["pipefail", '"pipefail"'], ["-ec", '"-ec"'], ["apk add curl | tee /log", '"apk add curl | tee /log"']],
      ["apk", "add", "curl"],
      ["tee", "/log"],
    ]);
  });

  it("leaves a JSON string with escapes unparsed, but keeps the command", () => {
    const source = 'FROM alpine\nRUN ["sh", "-c", "echo \\"hi\\""]\n';
    const [run] = parseDockerfile(source).ast.instructions.slice(1);
    expect(shellScriptsOf(run)).toEqual([]);
    expect(commandsIn(source).map((c) => c.name?.value)).toEqual(["sh"]);
  });

  it("gives a plain exec-form command to rules", () => {
    const source = 'FROM debian\nRUN ["apt-get", "install", "-y", "curl"]\n';
    const [parsed] = parseInstructionShell(parseDockerfile(source).ast.instructions[1]);
    expect(parsed.kind).toBe("exec-form");
    expect(parsed.script.commands[0].args.map((a) => a.value)).toEqual(["install", "-y", "curl"]);
  });
});

describe("whole Dockerfiles", () => {
  it("skips RUN flags and keeps ranges exact in a multi-stage file", () => {
    const source = [
      "# syntax=docker/dockerfile:1",
      "FROM debian:bookworm AS build",
      "RUN --mount=type=cache,target=/var/cache/apt \\",
      "    apt-get update && apt-get install -y \\",
      "      build-essential",
      "HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1",
      "ONBUILD RUN sudo make \\",
      "  install",
      'CMD ["node", "server.js"]',
      "",
    ].join("\n");
    expect(actual(source, commandsIn(source))).toEqual([
      ["apt-get", "update"],
      ["apt-get", "install", "-y", "build-essential"],
      ["curl", "-f", "http://localhost/"],
      ["exit", "1"],
      ["sudo", "make", "install"],
      // Exec form: the command itself, each word's range being its JSON string literal.
      [["node", '"node"'], ["server.js", '"server.js"']],
    ]);
  });

  it("maps through CRLF line endings", () => {
    const source = "FROM alpine\r\nRUN apk add \\\r\n    curl && \\\r\n    rm -rf /var/cache/apk/*\r\n";
    expect(actual(source, commandsIn(source))).toEqual([["apk", "add", "curl"], ["rm", "-rf", "/var/cache/apk/*"]]);
  });

  it("maps through a backtick escape directive", () => {
    const source = "# escape=`\nFROM alpine\nRUN echo a `\n  && echo b\n";
    expect(actual(source, commandsIn(source))).toEqual([["echo", "a"], ["echo", "b"]]);
  });

  it("gives the heredoc kinds for a file with several heredoc RUNs", () => {
    const source = "FROM alpine\nRUN <<EOF\napk add curl\nEOF\nRUN <<EOF bash\nset -o pipefail\nEOF\nRUN python3 <<EOF\nprint(1)\nEOF\n";
    const kinds = parseDockerfile(source).ast.instructions.flatMap((i) => shellScriptsOf(i).map((s) => [s.kind, s.interpreter ?? null, s.text]));
    expect(kinds).toEqual([
      ["heredoc-script", null, "apk add curl\n"],
      ["shell-form", null, "bash <<EOF\nset -o pipefail\nEOF"],
      ["heredoc-stdin", "bash", "set -o pipefail\n"],
      ["shell-form", null, "python3 <<EOF\nprint(1)\nEOF"],
    ]);
  });
});
