import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/service-keys-order.js";
import { check, checkFix } from "../../helpers/check.js";

const EXPECTED = "image, build, container_name, depends_on, volumes, volumes_from, configs, secrets, environment, env_file, ports, networks, network_mode, extra_hosts, command, entrypoint, working_dir, restart, healthcheck, logging, labels, user, isolation, (others, alphabetically)";

describe("DC012 service-keys-order", () => {
  it("reports keys before a key of a later group, and others out of alphabetical order", () =>
    check(rule, `
      services:
        web:
          restart: always
          image: nginx:1.27
      #   ^^^^^ style[DC012]: Key 'image' of service 'web' is out of order; expected: ${EXPECTED}
          tty: true
          init: true
      #   ^^^^ style[DC012]: Key 'init' of service 'web' is out of order; expected: ${EXPECTED}
    `));

  it("accepts keys in order", () =>
    check(rule, `
      services:
        web:
          image: example/web:1.0
          build: .
          environment:
            A: "1"
          env_file: .env
          restart: always
          init: true
          tty: true
    `));

  it("sorts the keys", () =>
    checkFix(rule, `
      services:
        web:
          ports:
            - "8080:80"
          # pinned
          image: nginx:1.27
    `, `
      services:
        web:
          # pinned
          image: nginx:1.27
          ports:
            - "8080:80"
    `));
});

describe("DC012 counts as dclint does", () => {
  it("reports a key that belongs before the key right above it, not every key after a misplaced one", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          healthcheck:
            test: ["CMD", "true"]
          volumes:
      #   ^^^^^^^ style[DC012]: Key 'volumes' of service 'web' is out of order; expected: image, build, container_name, depends_on, volumes, volumes_from, configs, secrets, environment, env_file, ports, networks, network_mode, extra_hosts, command, entrypoint, working_dir, restart, healthcheck, logging, labels, user, isolation, (others, alphabetically)
            - data:/data
          ports:
            - '8080:80'
    `));
});
