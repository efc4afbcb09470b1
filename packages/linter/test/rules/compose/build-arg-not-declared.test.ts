import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/build-arg-not-declared.js";
import { lintProject } from "./project-helper.js";

describe("DC205 build-arg-not-declared", () => {
  const dockerfile = "ARG BASE=alpine:3.20\nFROM $BASE AS deps\nARG DEPS_ONLY\nFROM $BASE AS app\nARG APP_VERSION=1\nRUN echo $APP_VERSION\n";

  it("reports args no ARG of the built stages declares", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    build:\n      context: .\n      args:\n        BASE: alpine:3.21\n        APP_VERSION: \"2\"\n        APPVERSION: \"2\"\n        DEPS_ONLY: x\n        HTTP_PROXY: http://proxy:3128\n",
      "/p/Dockerfile": dockerfile,
    });
    expect(out).toEqual([
      "/p/compose.yaml:8:9 Build arg 'APPVERSION' of service 'web' is not declared by an ARG in /p/Dockerfile; BuildKit ignores it",
      "/p/compose.yaml:9:9 Build arg 'DEPS_ONLY' of service 'web' is not declared by an ARG in /p/Dockerfile; BuildKit ignores it",
    ]);
  });

  it("counts the stages the target builds", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    build:\n      context: .\n      target: deps\n      args: [DEPS_ONLY=1, APP_VERSION=2]\n",
      "/p/Dockerfile": dockerfile,
    });
    expect(out).toEqual(["/p/compose.yaml:6:27 Build arg 'APP_VERSION' of service 'web' is not declared by an ARG in /p/Dockerfile in the stages target 'deps' builds; BuildKit ignores it"]);
  });
});
