import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/no-build-and-image.js";
import { check } from "../../helpers/check.js";

describe("DC002 no-build-and-image", () => {
  it("reports image next to build, unless pull_policy says which wins", () =>
    check(rule, `
      services:
        web:
          build: .
          image: example/web:1.0
      #          ^^^^^^^^^^^^^^^ warning[DC002]: Service 'web' sets both 'build' and 'image'; set 'pull_policy' to say which one is used, or drop one
        api:
          build: ./api
          image: example/api:1.0
          pull_policy: build
        db:
          image: postgres:17
    `));

  it("reports with pull_policy when checkPullPolicy is off", () =>
    check(rule, `
      services:
        api:
          build: ./api
          image: example/api:1.0
      #          ^^^^^^^^^^^^^^^ warning[DC002]: Service 'api' sets both 'build' and 'image'; set 'pull_policy' to say which one is used, or drop one
          pull_policy: build
    `, { options: { checkPullPolicy: false } }));
});
