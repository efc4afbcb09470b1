import { describe, it } from "vitest";
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
