import { describe, expect, it } from "vitest";
import { dockerfileLocation, loadProject } from "@shipshape/compose";
import { memoryReader, yaml } from "./helpers.js";

function locations(files: Record<string, string>, first = Object.keys(files)[0]!) {
  const { project } = loadProject({ files: [first], readFile: memoryReader(files), env: {} });
  return Object.fromEntries(Object.values(project.services).map((s) => [s.name, dockerfileLocation(s, project)]));
}

describe("dockerfileLocation", () => {
  it("joins the context with the dockerfile, both defaulted as Compose does", () => {
    expect(
      locations({
        "/p/compose.yaml": yaml(
          "services:",
          "  short: {build: ./web}",
          "  plain: {build: {context: ./api, dockerfile: prod.Dockerfile}}",
          "  parent: {build: {context: ../up, dockerfile: ../other/Dockerfile}}",
          "  absolute: {build: {context: ./x, dockerfile: /abs/Dockerfile}}",
          "  defaults: {build: {}}",
          "  image: {image: alpine}",
        ),
      }),
    ).toEqual({
      short: { kind: "file", path: "/p/web/Dockerfile", contextDir: "/p/web" },
      plain: { kind: "file", path: "/p/api/prod.Dockerfile", contextDir: "/p/api" },
      parent: { kind: "file", path: "/other/Dockerfile", contextDir: "/up" },
      absolute: { kind: "file", path: "/abs/Dockerfile", contextDir: "/p/x" },
      defaults: { kind: "file", path: "/p/Dockerfile", contextDir: "/p" },
      image: undefined,
    });
  });

  it("tells inline, remote and unresolved builds apart", () => {
    expect(
      locations({
        "/p/compose.yaml": yaml(
          "services:",
          "  inline: {build: {dockerfile_inline: 'FROM alpine'}}",
          "  git: {build: 'https://github.com/docker/compose.git#main'}",
          "  ssh: {build: 'git@github.com:docker/compose.git'}",
          "  escaped: {build: {context: ./$$dir}}",
        ),
      }),
    ).toEqual({
      inline: { kind: "inline", text: "FROM alpine" },
      git: { kind: "remote", context: "https://github.com/docker/compose.git#main" },
      ssh: { kind: "remote", context: "git@github.com:docker/compose.git" },
      escaped: { kind: "unresolved" },
    });
  });

  it("resolves a context inherited through extends against the file that wrote it", () => {
    const files = {
      "/p/compose.yaml": yaml(
        "services:",
        "  inherited: {extends: {file: base/common.yaml, service: app}}",
        "  overridden: {extends: {file: base/common.yaml, service: app}, build: {context: ./mine}}",
        "  local: {extends: {service: inherited}}",
      ),
      "/p/base/common.yaml": yaml("services:", "  app:", "    build: {context: ./app, dockerfile: prod.Dockerfile}"),
    };
    expect(locations(files)).toEqual({
      inherited: { kind: "file", path: "/p/base/app/prod.Dockerfile", contextDir: "/p/base/app" },
      // The dockerfile (from the base) is relative to the context, which this file now gives.
      overridden: { kind: "file", path: "/p/mine/prod.Dockerfile", contextDir: "/p/mine" },
      local: { kind: "file", path: "/p/base/app/prod.Dockerfile", contextDir: "/p/base/app" },
    });
  });

  it("resolves an included file's context against its project directory", () => {
    const files = {
      "/p/compose.yaml": yaml("include:", "  - path: lib/compose.yaml", "    project_directory: shared", "services:", "  web: {build: .}"),
      "/p/lib/compose.yaml": yaml("services:", "  worker: {build: ./worker}"),
    };
    expect(locations(files)).toEqual({
      web: { kind: "file", path: "/p/Dockerfile", contextDir: "/p" },
      worker: { kind: "file", path: "/p/shared/worker/Dockerfile", contextDir: "/p/shared/worker" },
    });
  });
});
