import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/healthy-dependency-without-healthcheck.js";
import { check } from "../../helpers/check.js";
import { lintProject } from "./project-helper.js";

describe("DC201 healthy-dependency-without-healthcheck", () => {
  it("reports a dependency whose healthcheck Compose switches off", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          depends_on:
            db:
      #     ^^ warning[DC201]: Service 'web' waits for 'db' to be healthy, but 'db' switches its healthcheck off
              condition: service_healthy
            cache:
      #     ^^^^^ warning[DC201]: Service 'web' waits for 'cache' to be healthy, but 'cache' switches its healthcheck off
              condition: service_healthy
            ok:
              condition: service_healthy
            image:
              condition: service_healthy
        db:
          image: postgres:17
          healthcheck:
            disable: true
        cache:
          image: redis:7
          healthcheck:
            test: ["NONE"]
        ok:
          image: redis:7
          healthcheck:
            test: redis-cli ping
        image:
          image: example/has-own-healthcheck:1.0
    `));

  it("reads the Dockerfile of a dependency that builds", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      a:\n        condition: service_healthy\n      b:\n        condition: service_healthy\n  a:\n    build: ./a\n  b:\n    build: ./b\n",
      "/p/a/Dockerfile": "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM alpine:3.20\nRUN true\n",
      "/p/b/Dockerfile": "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\nRUN true\n",
    });
    expect(out).toEqual(["/p/compose.yaml:5:7 Service 'web' waits for 'a' to be healthy, but neither Compose nor /p/a/Dockerfile defines a healthcheck for it"]);
  });
});
