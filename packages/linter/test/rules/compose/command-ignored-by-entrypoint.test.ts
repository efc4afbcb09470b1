import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/command-ignored-by-entrypoint.js";
import { lintProject } from "./project-helper.js";

const message = (service: string, line: number, path: string) =>
  `Service '${service}' sets a command that its image ignores: the ENTRYPOINT on line ${line} of ${path} is in shell form and never reads its arguments; write that ENTRYPOINT as a JSON array, or set entrypoint here`;

describe("DC209 command-ignored-by-entrypoint", () => {
  it("reports a command under a shell-form ENTRYPOINT of the built image, its base stages included", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": [
        "services:",
        "  worker:",
        "    build: .",
        "    command: [\"--queue\", \"emails\"]",
        "  admin:",
        "    build: {context: ., target: base}",
        "    command: serve --admin",
        "",
      ].join("\n"),
      "/p/Dockerfile": "FROM python:3.13-slim AS base\nENTRYPOINT python -m worker\nFROM base\nCMD [\"--queue\", \"default\"]\n",
    });
    expect(out).toEqual([
      `/p/compose.yaml:4:5 ${message("worker", 2, "/p/Dockerfile")}`,
      `/p/compose.yaml:7:5 ${message("admin", 2, "/p/Dockerfile")}`,
    ]);
  });

  it("accepts JSON entrypoints, command lines that read their arguments, a service entrypoint and no command", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": [
        "services:",
        "  json:",
        "    build: ./json",
        "    command: [\"--fast\"]",
        "  args:",
        "    build: ./args",
        "    command: [\"--fast\"]",
        "  own:",
        "    build: ./shell",
        "    entrypoint: [\"/app/run\"]",
        "    command: [\"--fast\"]",
        "  none:",
        "    build: ./shell",
        "  pwsh:",
        "    build: ./pwsh",
        "    command: [\"--fast\"]",
        "",
      ].join("\n"),
      "/p/json/Dockerfile": "FROM alpine:3.21\nENTRYPOINT [\"/app/run\"]\n",
      "/p/args/Dockerfile": "FROM alpine:3.21\nENTRYPOINT exec /app/run \"$@\"\n",
      "/p/shell/Dockerfile": "FROM alpine:3.21\nENTRYPOINT /app/run\n",
      "/p/pwsh/Dockerfile": "FROM mcr.microsoft.com/powershell:lts-debian-12\nSHELL [\"pwsh\", \"-Command\"]\nENTRYPOINT ./run.ps1\n",
    });
    expect(out).toEqual([]);
  });
});
