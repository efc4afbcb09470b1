import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/dependency-cycle.js";
import { check } from "../../helpers/check.js";

describe("DC103 dependency-cycle", () => {
  it("reports a cycle once, from its first service", () =>
    check(rule, `
      services:
        c:
          image: busybox:1.36
          depends_on: [a]
        a:
          image: busybox:1.36
          depends_on: [b]
      #                ^ error[DC103]: Dependency cycle: a -> b -> c -> a
        b:
          image: busybox:1.36
          links: [c]
    `));

  it("reports a service depending on itself", () =>
    check(rule, `
      services:
        a:
          image: busybox:1.36
          network_mode: service:a
      #                         ^ error[DC103]: Dependency cycle: a -> a
    `));

  it("accepts a diamond", () =>
    check(rule, `
      services:
        a:
          image: busybox:1.36
          depends_on: [b, c]
        b:
          image: busybox:1.36
          depends_on: [d]
        c:
          image: busybox:1.36
          volumes_from: [d]
        d:
          image: busybox:1.36
    `));
});
