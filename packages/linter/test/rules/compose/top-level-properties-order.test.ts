import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/top-level-properties-order.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DC015 top-level-properties-order", () => {
  it("reports keys out of order", () =>
    check(rule, `
      volumes:
        data:
      services:
      #^^^^^^^ style[DC015]: Top-level key 'services' is out of order; expected: x-*, version, name, include, services, networks, volumes, secrets, configs, models
        db:
          image: postgres:17
      x-common:
      #^^^^^^^ style[DC015]: Top-level key 'x-common' is out of order; expected: x-*, version, name, include, services, networks, volumes, secrets, configs, models
        restart: always
    `));

  it("follows customOrder", () =>
    check(rule, `
      volumes:
        data:
      services:
        db:
          image: postgres:17
    `, { options: { customOrder: ["volumes", "services"] } }));

  it("sorts the sections", () =>
    checkFix(rule, `
      name: demo
      volumes:
        data:
      services:
        db:
          image: postgres:17
    `, `
      name: demo
      services:
        db:
          image: postgres:17
      volumes:
        data:
    `));
});
