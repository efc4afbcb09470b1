import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/build-arg-without-value.js";
import { lintProject } from "./project-helper.js";

describe("DC206 build-arg-without-value", () => {
  it("reports used ARGs without default that build.args does not set", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    build: .\n  set:\n    build:\n      context: .\n      args:\n        VERSION: \"22\"\n        TOKEN: \"\"\n",
      "/p/Dockerfile": "ARG VERSION\nFROM node:${VERSION}\nARG TOKEN\nARG UNUSED\nARG TARGETARCH\nARG SAFE\nRUN echo $TOKEN $TARGETARCH ${SAFE:-none}\n",
    });
    expect(out).toEqual([
      "/p/compose.yaml:3:12 Service 'web' gives no value to ARG VERSION, which /p/Dockerfile declares without a default and uses; add it to build.args",
      "/p/compose.yaml:3:12 Service 'web' gives no value to ARG TOKEN, which /p/Dockerfile declares without a default and uses; add it to build.args",
    ]);
  });

  it("ignores stages the target does not build", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    build:\n      context: .\n      target: app\n",
      "/p/Dockerfile": "FROM alpine:3.20 AS tools\nARG TOOL\nRUN echo $TOOL\nFROM alpine:3.20 AS app\nRUN true\n",
    });
    expect(out).toEqual([]);
  });
});
