import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/require-quotes-in-ports.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DC008 require-quotes-in-ports", () => {
  it("reports plain ports and expose entries", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - 8080:80
      #       ^^^^^^^ style[DC008]: Port '8080:80' of service 'web' (ports) should be quoted
            - "8443:443"
      #       ^^^^^^^^^^ style[DC008]: Port "8443:443" of service 'web' (ports) should be in single quotes
            - '\${PORT}:80'
            - target: 81
          expose:
            - 9000
      #       ^^^^ style[DC008]: Port '9000' of service 'web' (expose) should be quoted
    `));

  it("quotes with the configured quotes", () =>
    checkFix(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - 8080:80
            - \${PORT}:81
    `, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "8080:80"
            - "\${PORT}:81"
    `, { options: { quoteType: "double" } }));
});

describe("DC008 and the kind of quotes", () => {
  it("flags ports in the other quotes than quoteType, as dclint does, and fixes them", () => {
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "127.0.0.1:8080:80"
      #       ^^^^^^^^^^^^^^^^^^^ style[DC008]: Port "127.0.0.1:8080:80" of service 'web' (ports) should be in single quotes
            - '127.0.0.1:8443:443'
    `);
    checkFix(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - '127.0.0.1:8080:80'
    `, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "127.0.0.1:8080:80"
    `, { options: { quoteType: "double" } });
  });
});
