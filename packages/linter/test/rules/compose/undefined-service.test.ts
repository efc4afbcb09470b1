import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/undefined-service.js";
import { check } from "../../helpers/check.js";

describe("DC102 undefined-service", () => {
  it("reports unknown services in every kind of reference", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          depends_on:
            db:
      #     ^^ error[DC102]: Service 'web' refers to the undefined service 'db' (depends_on)
              condition: service_started
          links:
            - cache:redis
      #       ^^^^^ error[DC102]: Service 'web' refers to the undefined service 'cache' (links)
          volumes_from:
            - store:ro
      #       ^^^^^ error[DC102]: Service 'web' refers to the undefined service 'store' (volumes_from)
            - container:other
        side:
          image: busybox:1.36
          network_mode: service:vpn
      #                         ^^^ error[DC102]: Service 'side' refers to the undefined service 'vpn' (network_mode)
    `));

  it("accepts defined services", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          depends_on: [db]
          links: [db]
        db:
          image: postgres:17
    `));

  it("reports a dependency switched off by a profile unless it is not required", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          depends_on:
            debug:
      #     ^^^^^ error[DC102]: Service 'web' needs service 'debug' (depends_on), which the active profiles switch off
              condition: service_started
            tools:
              condition: service_started
              required: false
        debug:
          image: busybox:1.36
          profiles: [debug]
        tools:
          image: busybox:1.36
          profiles: [tools]
    `));

  it("reports a build context taken from a service that does not build", () =>
    check(rule, `
      services:
        base:
          image: alpine:3.20
        app:
          build:
            context: .
            additional_contexts:
              base: service:base
      #                     ^^^^ error[DC102]: Service 'app' takes a build context from service 'base', which does not build an image
    `));
});

describe("DC102 on overlay files", () => {
  it("stays silent for a file that depends on services of its base", () =>
    check(rule, `
      services:
        tests:
          image: example/tests:1.0
          depends_on: [frontend]
    `, { path: "/p/compose.tests.yaml" }));

  it("still checks a default-named file", () =>
    check(rule, `
      services:
        tests:
          image: example/tests:1.0
          depends_on: [frontend]
      #                ^^^^^^^^ error[DC102]: Service 'tests' refers to the undefined service 'frontend' (depends_on)
    `, { path: "/p/docker-compose.yml" }));
});
