import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/expose-proto-casing.js";
import { check, checkFix } from "../../helpers/check.js";

describe("ExposeProtoCasing expose-proto-casing", () => {
  it("reports the protocol part", () =>
    check(rule, `
      FROM nginx:1.27
      EXPOSE 80/TCP 53/Udp 443/tcp
      #         ^^^ warning[ExposeProtoCasing]: Write the protocol 'TCP' in lowercase: 'tcp'
      #                ^^^ warning[ExposeProtoCasing]: Write the protocol 'Udp' in lowercase: 'udp'
    `));

  it("accepts lowercase and no protocol", () =>
    check(rule, `
      FROM nginx:1.27
      EXPOSE 80 443/tcp 53/udp $PORT/$PROTO
    `));

  it("lower-cases it", () =>
    checkFix(rule, `
      FROM nginx:1.27
      EXPOSE 80/TCP 53/UDP
    `, `
      FROM nginx:1.27
      EXPOSE 80/tcp 53/udp
    `));
});
