import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/published-port-not-exposed.js";
import { lintProject } from "./project-helper.js";

describe("DC208 published-port-not-exposed", () => {
  it("reports container ports the built stages do not expose", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  api:\n    build: .\n    ports:\n      - \"8080:3000\"\n      - \"9000:9000\"\n      - \"5000:5000/udp\"\n      - \"7001:7001\"\n",
      "/p/Dockerfile": "FROM node:22 AS base\nEXPOSE 7000-7010\nFROM base\nEXPOSE 3000 5000\n",
    });
    expect(out).toEqual([
      "/p/compose.yaml:6:15 Service 'api' publishes container port 9000/tcp, which /p/Dockerfile does not EXPOSE (it exposes 3000/tcp, 5000/tcp, 7000-7010/tcp)",
      "/p/compose.yaml:7:15 Service 'api' publishes container port 5000/udp, which /p/Dockerfile does not EXPOSE (it exposes 3000/tcp, 5000/tcp, 7000-7010/tcp)",
    ]);
  });

  it("says nothing without EXPOSE or with variables", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  a:\n    build: ./a\n    ports: [\"80:80\"]\n  b:\n    build: ./b\n    ports: [\"80:80\"]\n",
      "/p/a/Dockerfile": "FROM nginx:1.27\n",
      "/p/b/Dockerfile": "FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT\n",
    });
    expect(out).toEqual([]);
  });
});
