import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/service-dependencies-alphabetical-order.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DC010 service-dependencies-alphabetical-order", () => {
  it("reports short and long forms", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          depends_on:
            - redis
            - db
      #       ^^ style[DC010]: Dependency 'db' of service 'web' should come before 'redis'
        api:
          image: example/api:1.4
          depends_on:
            redis:
              condition: service_started
            db:
      #     ^^ style[DC010]: Dependency 'db' of service 'api' should come before 'redis'
              condition: service_healthy
    `));

  it("accepts sorted lists", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          depends_on: [db, redis]
    `));

  it("sorts both forms", () =>
    checkFix(rule, `
      services:
        web:
          image: nginx:1.27
          depends_on:
            - redis
            - db
        api:
          image: example/api:1.4
          depends_on:
            redis:
              condition: service_started
            db:
              condition: service_healthy
    `, `
      services:
        web:
          image: nginx:1.27
          depends_on:
            - db
            - redis
        api:
          image: example/api:1.4
          depends_on:
            db:
              condition: service_healthy
            redis:
              condition: service_started
    `));

  it("reports flow-style lists without a fix", () =>
    checkFix(rule, `
      services:
        web:
          image: nginx:1.27
          depends_on: [redis, db]
    `, `
      services:
        web:
          image: nginx:1.27
          depends_on: [redis, db]
    `));
});
