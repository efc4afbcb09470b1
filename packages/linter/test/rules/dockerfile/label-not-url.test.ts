import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-not-url.js";
import { check } from "../../helpers/check.js";

const options = { labelSchema: { src: "url", docs: "url", other: "text" } };

describe("DL3052 label-not-url", () => {
  it("reports values that are not absolute URLs", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL src=github.com/acme/app docs="http://exa mple.com" other=notaurl
      #         ^^^^^^^^^^^^^^^^^^^ warning[DL3052]: Label 'src' must be a valid URL, not 'github.com/acme/app'
      #                                  ^^^^^^^^^^^^^^^^^^^^^ warning[DL3052]: Label 'docs' must be a valid URL, not 'http://exa mple.com'
    `, { options }));

  it("accepts URLs, empty values, and unknown variables; expands known ones", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL src=https://github.com/acme/app docs="mailto:ops@example.com"
      LABEL src=""
      LABEL src=$REPO_URL
      ARG HOST=example.com
      LABEL src=https://$HOST/app
      ARG BAD=example.com
      LABEL src=$BAD
      #         ^^^^ warning[DL3052]: Label 'src' must be a valid URL, not 'example.com'
    `, { options }));
});
