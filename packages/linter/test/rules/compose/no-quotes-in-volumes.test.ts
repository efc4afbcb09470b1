import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/no-quotes-in-volumes.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DC004 no-quotes-in-volumes", () => {
  it("reports quoted short-syntax volumes", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          volumes:
            - "./html:/usr/share/nginx/html:ro"
      #       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ style[DC004]: Volume './html:/usr/share/nginx/html:ro' of service 'web' is quoted; write it without quotes
            - ./conf:/etc/nginx/conf.d
            - type: bind
              source: "./x"
              target: /x
    `));

  it("drops the quotes only when the plain text means the same", () =>
    checkFix(rule, `
      services:
        web:
          image: nginx:1.27
          volumes:
            - './data:/data'
            - "./my dir:/dir"
            - "\${DATA}:/var/data"
    `, `
      services:
        web:
          image: nginx:1.27
          volumes:
            - ./data:/data
            - "./my dir:/dir"
            - \${DATA}:/var/data
    `));
});
