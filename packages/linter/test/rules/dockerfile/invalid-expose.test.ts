import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-expose.js";
import { check } from "../../helpers/check.js";

describe("DF117 invalid-expose", () => {
  it("reports non-numeric ports and unknown protocols", () =>
    check(rule, `
      FROM nginx:1.27
      EXPOSE http 443/https 80-/tcp
      #      ^^^^ error[DF117]: 'http' is not a port or port range (e.g. 8080 or 8000-8010)
      #               ^^^^^ error[DF117]: 'https' is not a protocol EXPOSE knows: use tcp, udp or sctp
      #                     ^^^ error[DF117]: '80-' is not a port or port range (e.g. 8080 or 8000-8010)
    `));

  it("leaves what other rules report, and variables", () =>
    check(rule, `
      FROM nginx:1.27
      EXPOSE 80 443/tcp 53/UDP 9000/sctp 8000-8010/udp 70000 127.0.0.1:80 8080:80 $PORT \${PORT}/\${PROTO}
    `));
});

describe("DF117 and reversed ranges", () => {
  it("reports a range that starts above its end", () =>
    check(rule, `
      FROM alpine:3.20
      EXPOSE 9000-8000 8000-9000 7000-7000/udp
      #      ^^^^^^^^^ error[DF117]: '9000-8000' is not a port range: it starts above its end (write 8000-9000)
    `));
});
