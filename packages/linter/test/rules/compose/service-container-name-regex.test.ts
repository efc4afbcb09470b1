import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/service-container-name-regex.js";
import { check } from "../../helpers/check.js";

describe("DC009 service-container-name-regex", () => {
  it("reports names Docker refuses", () =>
    check(rule, `
      services:
        a:
          image: nginx:1.27
          container_name: "-web"
      #                   ^^^^^^ warning[DC009]: Service 'a' has the container name '-web', which Docker refuses: use letters, digits, '_', '.' and '-', starting with a letter or digit
        b:
          image: nginx:1.27
          container_name: x
      #                   ^ warning[DC009]: Service 'b' has the container name 'x', which Docker refuses: use letters, digits, '_', '.' and '-', starting with a letter or digit
        c:
          image: nginx:1.27
          container_name: my.web_1-x
        d:
          image: nginx:1.27
          container_name: \${PREFIX}-web
    `));
});
