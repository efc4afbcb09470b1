import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/maintainer-deprecated.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL4000 maintainer-deprecated", () => {
  it("reports MAINTAINER", () =>
    check(rule, `
      FROM alpine:3.20
      MAINTAINER Jane Doe <jane@example.com>
      #^^^^^^^^^ error[DL4000]: MAINTAINER is deprecated; set the org.opencontainers.image.authors label instead
    `));

  it("accepts the label", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL org.opencontainers.image.authors="Jane Doe"
    `));

  it("is known by its BuildKit name in pragmas", () =>
    check(rule, `
      FROM alpine:3.20
      # check=skip=MaintainerDeprecated
      MAINTAINER Jane Doe
    `));

  it("replaces it with a label only as an unsafe fix", () => {
    checkFix(rule, `
      FROM alpine:3.20
      MAINTAINER Jane "JD" Doe
    `, `
      FROM alpine:3.20
      LABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe"
    `, { unsafe: true });
    checkFix(rule, `
      FROM alpine:3.20
      MAINTAINER Jane Doe
    `, `
      FROM alpine:3.20
      MAINTAINER Jane Doe
    `);
  });
});
