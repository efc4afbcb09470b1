import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/service-image-require-explicit-tag.js";
import { check } from "../../helpers/check.js";

describe("DC011 service-image-require-explicit-tag", () => {
  it("reports missing and moving tags", () =>
    check(rule, `
      services:
        a:
          image: nginx
      #          ^^^^^ warning[DC011]: Service 'a' uses the image 'nginx' without a tag; pin a version
        b:
          image: localhost:5000/app
      #          ^^^^^^^^^^^^^^^^^^ warning[DC011]: Service 'b' uses the image 'localhost:5000/app' without a tag; pin a version
        c:
          image: redis:Latest
      #          ^^^^^^^^^^^^ warning[DC011]: Service 'c' uses the image 'redis:Latest', whose tag 'Latest' moves; pin a version
        d:
          image: localhost:5000/app:1.2
        e:
          image: nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31
        f:
          image: \${IMAGE}
        g:
          build: .
          image: example/g
    `));

  it("takes prohibitedTags from the options", () =>
    check(rule, `
      services:
        a:
          image: redis:latest
        b:
          image: redis:7-alpine
      #          ^^^^^^^^^^^^^^ warning[DC011]: Service 'b' uses the image 'redis:7-alpine', whose tag '7-alpine' moves; pin a version
    `, { options: { prohibitedTags: ["7-alpine"] } }));
});
