import { describe, expect, it } from "vitest";
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

describe("DC011 and interpolated images", () => {
  it("checks an image made with variables after interpolation, and skips one whose variable has no value", async () => {
    const { lint } = await import("../../../src/index.js");
    const text = 'services:\n  web:\n    image: "nginx:${TAG}"\n';
    const codes = async (env: Record<string, string>) => (await lint([{ path: "/p/compose.yaml", text }], { noConfigSearch: true, env })).map((d) => `${d.code} ${d.line}:${d.column}`);
    expect(await codes({ TAG: "latest" })).toEqual(["DC011 3:12"]);
    expect(await codes({ TAG: "1.27" })).toEqual([]);
    expect(await codes({})).toEqual(["CF009 3:19"]);
  });
});
