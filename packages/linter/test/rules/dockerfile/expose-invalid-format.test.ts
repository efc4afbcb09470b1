import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/expose-invalid-format.js";
import { check, checkFix } from "../../helpers/check.js";

describe("ExposeInvalidFormat expose-invalid-format", () => {
  it("reports host ports and addresses", () =>
    check(rule, `
      FROM nginx:1.27
      EXPOSE 8080:80 127.0.0.1:8443:443/tcp 9000
      #      ^^^^^^^ warning[ExposeInvalidFormat]: EXPOSE takes container ports only: '8080:80' has an address or host port, which the build ignores
      #              ^^^^^^^^^^^^^^^^^^^^^^ warning[ExposeInvalidFormat]: EXPOSE takes container ports only: '127.0.0.1:8443:443/tcp' has an address or host port, which the build ignores
    `));

  it("accepts container ports and ranges", () =>
    check(rule, `
      FROM nginx:1.27
      EXPOSE 80 443/tcp 8000-8010/udp \${HOST}:80
    `));

  it("keeps the container port and protocol", () =>
    checkFix(rule, `
      FROM nginx:1.27
      EXPOSE 8080:80 127.0.0.1:8443:443/tcp
    `, `
      FROM nginx:1.27
      EXPOSE 80 443/tcp
    `));
});
