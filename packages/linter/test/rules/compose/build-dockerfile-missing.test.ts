import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/build-dockerfile-missing.js";
import { lintProject } from "./project-helper.js";

describe("DC203 build-dockerfile-missing", () => {
  it("reports builds whose Dockerfile cannot be read", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": [
        "services:",
        "  ok:",
        "    build: ./ok",
        "  nodir:",
        "    build: ./missing",
        "  nofile:",
        "    build:",
        "      context: ./ok",
        "      dockerfile: Dockerfile.prod",
        "  remote:",
        "    build: https://github.com/docker/compose.git",
        "  inline:",
        "    build:",
        "      dockerfile_inline: FROM alpine:3.20",
        "",
      ].join("\n"),
      "/p/ok/Dockerfile": "FROM alpine:3.20\n",
    });
    expect(out).toEqual([
      "/p/compose.yaml:5:12 Service 'nodir' builds from /p/missing/Dockerfile, which cannot be read",
      "/p/compose.yaml:9:19 Service 'nofile' builds from /p/ok/Dockerfile.prod, which cannot be read",
    ]);
  });
});
