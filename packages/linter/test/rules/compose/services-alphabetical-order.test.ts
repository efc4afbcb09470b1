import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/services-alphabetical-order.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DC014 services-alphabetical-order", () => {
  it("reports each service that comes after a later name", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
        db:
      # ^^ style[DC014]: Service 'db' should come before 'web'
          image: postgres:17
        zoo:
          image: busybox:1.36
        cache:
      # ^^^^^ style[DC014]: Service 'cache' should come before 'web'
          image: redis:7
    `));

  it("accepts sorted services", () =>
    check(rule, `
      services:
        api:
          image: example/api:1.4
        web:
          image: nginx:1.27
    `));

  it("sorts the services, moving comments with them", () =>
    checkFix(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "80:80"
        # the database
        db:
          image: postgres:17

      volumes:
        data:
    `, `
      services:
        # the database
        db:
          image: postgres:17
        web:
          image: nginx:1.27
          ports:
            - "80:80"

      volumes:
        data:
    `));

  it("offers no fix when aliases are involved", () =>
    checkFix(rule, `
      services:
        web: &base
          image: nginx:1.27
        db: *base
    `, `
      services:
        web: &base
          image: nginx:1.27
        db: *base
    `));
});

describe("DC014's fix keeps the file's line breaks", () => {
  it("sorts a CRLF file whose last line has no line break without leaving a stray carriage return", async () => {
    const { fixFile } = await import("../../../src/index.js");
    const text = "services:\r\n  web:\r\n    image: nginx:1.27\r\n  alpha:\r\n    image: redis:7";
    const { text: fixed } = await fixFile({ path: "compose.yaml", text, kind: "compose" }, { select: ["DC014"], noConfigSearch: true });
    expect(fixed).toBe("services:\r\n  alpha:\r\n    image: redis:7\r\n  web:\r\n    image: nginx:1.27");
    const lf = await fixFile({ path: "compose.yaml", text: text.replaceAll("\r\n", "\n"), kind: "compose" }, { select: ["DC014"], noConfigSearch: true });
    expect(lf.text).toBe("services:\n  alpha:\n    image: redis:7\n  web:\n    image: nginx:1.27");
  });
});
