import { describe, expect, it } from "vitest";
import { lint } from "../src/index.js";

const dockerfile = "FROM alpine:3.20\nCOPY app.log /srv/\nCOPY main.go /src/\n";
const reader = (files: Record<string, string>) => (path: string) => files[path];
const copyIgnored = async (files: Record<string, string>, path = "app/Dockerfile") =>
  (await lint([{ path, text: dockerfile }], { readFile: reader(files), noConfigSearch: true }))
    .filter((d) => d.code === "CopyIgnoredFile")
    .map((d) => `${d.line}:${d.column}-${d.endColumn}`);

describe("CopyIgnoredFile reads the .dockerignore in force through the reader", () => {
  it("uses .dockerignore beside the Dockerfile", async () => {
    expect(await copyIgnored({ "app/.dockerignore": "*.log\n" })).toEqual(["2:6-13"]);
  });

  it("prefers <Dockerfile>.dockerignore, as BuildKit does", async () => {
    expect(
      await copyIgnored({ "app/.dockerignore": "*.log\n", "app/Dockerfile.dockerignore": "*.go\n" }),
    ).toEqual(["3:6-13"]);
  });

  it("reports nothing without a .dockerignore", async () => {
    expect(await copyIgnored({})).toEqual([]);
  });
});
