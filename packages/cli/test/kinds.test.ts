import { expect, test } from "vitest";
import { kindFromName, kindOfExplicitFile } from "../src/kinds.js";

test.each([
  ["Dockerfile", "dockerfile"],
  ["dockerfile", "dockerfile"],
  ["DOCKERFILE", "dockerfile"],
  ["Containerfile", "dockerfile"],
  ["Dockerfile.dev", "dockerfile"],
  ["containerfile.prod", "dockerfile"],
  ["api.Dockerfile", "dockerfile"],
  ["api.dockerfile", "dockerfile"],
  ["sub/dir/Dockerfile", "dockerfile"],
  ["compose.yaml", "compose"],
  ["compose.yml", "compose"],
  ["docker-compose.yml", "compose"],
  ["Docker-Compose.YAML", "compose"],
  ["compose.override.yaml", "compose"],
  ["docker-compose.prod.yml", "compose"],
  ["app.compose.yaml", "compose"],
  ["Dockerfile.dockerignore", undefined],
  ["api.Dockerfile.dockerignore", undefined],
  [".dockerignore", undefined],
  ["Dockerfiles", undefined],
  ["my-dockerfile", undefined],
  ["compose.json", undefined],
  ["values.yaml", undefined],
  ["README.md", undefined],
  ["dockerfile.ts", undefined],
  ["Dockerfile.md", undefined],
  ["Dockerfile.orig", undefined],
  ["dockerfile.go", undefined],
  ["Dockerfile.j2", "dockerfile"],
  ["Dockerfile.arm64", "dockerfile"],
  ["Dockerfile.tar.gz", undefined],
  ["Dockerfile.tgz", undefined],
  ["Dockerfile.zip", undefined],
  ["dockerfile.png", undefined],
  ["api.Dockerfile.pdf", undefined],
  ["Dockerfile.deb", "dockerfile"],
  ["Dockerfile.wasm", "dockerfile"],
])("%s is %s", (name, kind) => {
  expect(kindFromName(name)).toBe(kind);
});

test("explicit files of unknown kind: YAML is compose, anything else a Dockerfile", () => {
  expect(kindOfExplicitFile("stack.yml")).toBe("compose");
  expect(kindOfExplicitFile("x/stack.YAML")).toBe("compose");
  expect(kindOfExplicitFile("build.txt")).toBe("dockerfile");
  expect(kindOfExplicitFile("Dockerfile.dockerignore")).toBe("dockerfile");
  // Named, every Dockerfile.* is a Dockerfile, YAML-looking or not; compose names stay compose.
  expect(kindOfExplicitFile("kd/Dockerfile.yml")).toBe("dockerfile");
  expect(kindOfExplicitFile("Containerfile.yaml")).toBe("dockerfile");
  expect(kindOfExplicitFile("compose.dockerfile.yml")).toBe("compose");
  expect(kindFromName("kd/Dockerfile.yml")).toBeUndefined();
  expect(kindOfExplicitFile("docker-compose.yml")).toBe("compose");
});
