import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/privileged-service.js";
import { check } from "../../helpers/check.js";

describe("DC301 privileged-service", () => {
  it("reports privileged: true and cap_add ALL or SYS_ADMIN", () =>
    check(rule, `
      services:
        dind:
          image: docker:27-dind
          privileged: true
      #               ^^^^ warning[DC301]: Service 'dind' runs privileged: it gets every capability and every host device, so whatever escapes it owns the host; add only the capabilities it needs (cap_add)
        tools:
          image: alpine:3.21
          cap_add:
            - NET_ADMIN
            - all
      #       ^^^ warning[DC301]: Service 'tools' adds every capability, which is as good as privileged: true; add only the capabilities it needs
            - CAP_SYS_ADMIN
      #       ^^^^^^^^^^^^^ warning[DC301]: Service 'tools' adds SYS_ADMIN, which allows mounts, namespaces and most of what root can do on the host; add only the capabilities it needs
    `));

  it("accepts privileged: false and narrow capabilities", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          privileged: false
          cap_add: [NET_BIND_SERVICE]
          cap_drop: [ALL]
    `));

  it("sees a privileged flag that extends brings in", () =>
    check(rule, `
      x-base: &base
        privileged: true
      #             ^^^^ warning[DC301]: Service 'a' runs privileged: it gets every capability and every host device, so whatever escapes it owns the host; add only the capabilities it needs (cap_add)
      services:
        a:
          <<: *base
          image: alpine:3.21
    `));
});
