import { describe, expect, it } from "vitest";
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

  it("reports every cycle of a tangle, and none through services outside it", () =>
    check(rule, `
      services:
        a:
          image: busybox:1.36
          depends_on: [b, c, z]
      #                ^ error[DC103]: Dependency cycle: a -> b -> a
      #                   ^ error[DC103]: Dependency cycle: a -> c -> a
        b:
          image: busybox:1.36
          depends_on: [a]
        c:
          image: busybox:1.36
          depends_on: [a, z]
        z:
          image: busybox:1.36
    `));

  it("stays fast on a dependency graph with exponentially many paths", () => {
    // 24 layers of 3 services, each depending on every service of the next layer: 3^24 paths, no cycle.
    const lines = ["services:"];
    for (let layer = 0; layer < 24; layer++) {
      for (let i = 0; i < 3; i++) {
        lines.push(`  s${String(layer).padStart(2, "0")}${i}:`, "    image: busybox:1.36");
        if (layer < 23) lines.push(`    depends_on: [s${String(layer + 1).padStart(2, "0")}0, s${String(layer + 1).padStart(2, "0")}1, s${String(layer + 1).padStart(2, "0")}2]`);
      }
    }
    // Walking every path would not end in years; the check takes milliseconds. No clock is read: a
    // regression shows as this test's timeout.
    check(rule, lines.join("\n") + "\n"); // no cycle: no finding
  }, 20_000);
});
