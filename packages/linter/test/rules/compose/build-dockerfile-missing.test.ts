import { describe, expect, it } from "vitest";
import { lintSync } from "../../../src/lint.js";
import rule from "../../../src/rules/compose/build-dockerfile-missing.js";
import targetRule from "../../../src/rules/compose/build-target-unknown-stage.js";
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

  it("says nothing without a reader: an unread file may well exist", () => {
    const text = "services:\n  web:\n    build: ./web\n  api:\n    build:\n      context: .\n      dockerfile: api.Dockerfile\n";
    expect(lintSync({ path: "/p/compose.yaml", text }, { rules: [rule] })).toEqual([]);
    // A reader that cannot answer synchronously leaves the files unknown as well.
    expect(lintSync({ path: "/p/compose.yaml", text }, { rules: [rule], readFile: async () => undefined })).toEqual([]);
  });

  it("reads through a synchronous reader when linting synchronously", () => {
    const text = "services:\n  web:\n    build: ./web\n  api:\n    build:\n      context: .\n      dockerfile: api.Dockerfile\n";
    const files: Record<string, string> = { "/p/web/Dockerfile": "FROM alpine:3.20\n" };
    const found = lintSync({ path: "/p/compose.yaml", text }, { rules: [rule], readFile: (p) => files[p] });
    expect(found.map((d) => [text.slice(d.range.start, d.range.end), d.message])).toEqual([
      ["api.Dockerfile", "Service 'api' builds from /p/api.Dockerfile, which cannot be read"],
    ]);
  });

  // The base service's context is written in /p/base/common.yaml: it resolves against /p/base, not /p.
  const extending = {
    "/p/compose.yaml": "services:\n  web:\n    extends:\n      file: base/common.yaml\n      service: app\n",
    "/p/base/common.yaml": "services:\n  app:\n    build:\n      context: ./app\n      target: prod\n",
  };

  it("resolves a context inherited through extends against the file that wrote it", async () => {
    expect(await lintProject(rule, { ...extending, "/p/base/app/Dockerfile": "FROM alpine:3.20 AS build\n" }, ["/p/compose.yaml"])).toEqual([]);
    // The Dockerfile the other rules see is that same file (DC204 reads its stages).
    expect(await lintProject(targetRule, { ...extending, "/p/base/app/Dockerfile": "FROM alpine:3.20 AS build\n" }, ["/p/compose.yaml"])).toEqual([
      "/p/base/common.yaml:5:15 Service 'web' builds the target 'prod', which is not a stage of /p/base/app/Dockerfile (stages: build)",
    ]);
    // A Dockerfile beside the extending file is not the one used.
    expect(await lintProject(rule, { ...extending, "/p/app/Dockerfile": "FROM alpine:3.20\n" }, ["/p/compose.yaml"])).toEqual([
      "/p/base/common.yaml:4:16 Service 'web' builds from /p/base/app/Dockerfile, which cannot be read",
    ]);
  });

  it("resolves a context overridden by the extending service against the extending file", async () => {
    const files = {
      "/p/compose.yaml": "services:\n  web:\n    extends:\n      file: base/common.yaml\n      service: app\n    build:\n      context: ./web\n",
      "/p/base/common.yaml": "services:\n  app:\n    build:\n      context: ./app\n      dockerfile: prod.Dockerfile\n",
    };
    expect(await lintProject(rule, { ...files, "/p/web/prod.Dockerfile": "FROM alpine:3.20\n" }, ["/p/compose.yaml"])).toEqual([]);
    expect(await lintProject(rule, files, ["/p/compose.yaml"])).toEqual([
      "/p/base/common.yaml:5:19 Service 'web' builds from /p/web/prod.Dockerfile, which cannot be read",
    ]);
  });
});
