import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/build-secret-undeclared.js";
import { lintProject } from "./project-helper.js";

describe("DC207 build-secret-undeclared", () => {
  it("reports secret mounts the build does not provide", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    build:\n      context: .\n      secrets:\n        - npmrc\n        - source: gh\n          target: github_token\nsecrets:\n  npmrc:\n    file: .npmrc\n  gh:\n    environment: GH\n",
      "/p/Dockerfile": "FROM node:22\nRUN --mount=type=secret,id=npmrc npm ci\nRUN --mount=type=secret,id=github_token true\nRUN --mount=type=secret,target=/run/secrets/aws true\nRUN --mount=type=cache,target=/x true\n",
    });
    expect(out).toEqual(["/p/compose.yaml:6:11 Service 'web' does not pass the build secret 'aws' that /p/Dockerfile mounts (line 4)"]);
  });

  it("ignores stages the build does not run", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    build: .\n",
      "/p/Dockerfile": "FROM node:22 AS unused\nRUN --mount=type=secret,id=x true\nFROM node:22\nRUN true\n",
    });
    expect(out).toEqual([]);
  });
});
