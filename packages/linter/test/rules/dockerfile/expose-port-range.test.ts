import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/expose-port-range.js";
import { check } from "../../helpers/check.js";

describe("DL3011 expose-port-range", () => {
  it("reports ports above 65535, and range ends", () =>
    check(rule, `
      FROM nginx:1.27
      EXPOSE 80 65536/tcp 8000-70000
      #         ^^^^^ error[DL3011]: Port 65536 is out of range: ports go from 0 to 65535
      #                        ^^^^^ error[DL3011]: Port 70000 is out of range: ports go from 0 to 65535
      EXPOSE 8080:99999/udp
      #           ^^^^^ error[DL3011]: Port 99999 is out of range: ports go from 0 to 65535
    `));

  it("accepts valid ports, the maximum, and variables", () =>
    check(rule, `
      FROM nginx:1.27
      EXPOSE 0 65535 443/tcp 53/udp 1000-2000
      EXPOSE \${PORT} 99999\${SUFFIX}
      EXPOSE 99999:80
    `));
});
