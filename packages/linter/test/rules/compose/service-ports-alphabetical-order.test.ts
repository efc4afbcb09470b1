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

describe("DC013's sort key", () => {
  it("sorts by published port as dclint does: the host address does not count", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - '127.0.0.2:8081:80'
            - '127.0.0.1:9229:9229'
            - '[::1]:9300:9300'
            - '9400:80'
        api:
          image: nginx:1.27
          ports:
            - '127.0.0.1:9229:9229'
            - '8080:80'
      #       ^^^^^^^^^ style[DC013]: Port '8080:80' of service 'api' should come before '127.0.0.1:9229:9229'
    `));
});
