import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/build-target-unknown-stage.js";
import { check } from "../../helpers/check.js";
import { lintProject } from "./project-helper.js";

describe("DC204 build-target-unknown-stage", () => {
  it("reports a target that is not a stage of the read Dockerfile", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    build:\n      context: ./web\n      target: Prod\n  ok:\n    build:\n      context: ./web\n      target: BUILD\n",
      "/p/web/Dockerfile": "FROM node:22 AS Build\nFROM nginx:1.27 AS runtime\n",
    });
    expect(out).toEqual(["/p/compose.yaml:5:15 Service 'web' builds the target 'Prod', which is not a stage of /p/web/Dockerfile (stages: Build, runtime)"]);
  });

  it("uses build.dockerfile and inline Dockerfiles", () =>
    check(rule, `
      services:
        web:
          build:
            dockerfile_inline: |
              FROM alpine:3.20
            target: base
      #             ^^^^ warning[DC204]: Service 'web' builds the target 'base', which is not a stage of web:dockerfile_inline (it has no named stages)
    `));

  it("skips services whose Dockerfile cannot be read", async () => {
    expect(await lintProject(rule, { "/p/compose.yaml": "services:\n  web:\n    build:\n      context: .\n      target: x\n" })).toEqual([]);
  });
});
