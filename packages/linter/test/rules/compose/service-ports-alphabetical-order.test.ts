import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/service-ports-alphabetical-order.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DC013 service-ports-alphabetical-order", () => {
  it("compares numbers by value", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "8443:443"
            - "8080:80"
      #       ^^^^^^^^^ style[DC013]: Port '8080:80' of service 'web' should come before '8443:443'
            - 9000
        ok:
          image: nginx:1.27
          ports:
            - "80:80"
            - "443:443"
    `));

  it("leaves lists with long syntax alone", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "8443:443"
            - target: 80
              published: "8080"
    `));

  it("sorts the ports", () =>
    checkFix(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "8443:443"
            - 8080:80
    `, `
      services:
        web:
          image: nginx:1.27
          ports:
            - 8080:80
            - "8443:443"
    `));
});
