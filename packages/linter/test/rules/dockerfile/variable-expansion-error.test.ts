import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/variable-expansion-error.js";
import { check } from "../../helpers/check.js";

describe("DF114 variable-expansion-error", () => {
  it("reports unterminated quotes in ARG, ENV and LABEL values", () =>
    check(rule, `
      FROM alpine:3.20
      ARG GREETING="hello
      #            ^^^^^^ error[DF114]: Cannot expand '"hello': unexpected end of statement while looking for matching double-quote
      ENV MOTD='hi
      #        ^^^ error[DF114]: Cannot expand ''hi': unexpected end of statement while looking for matching single-quote
      LABEL description="an app
      #                 ^^^^^^^ error[DF114]: Cannot expand '"an app': unexpected end of statement while looking for matching double-quote
    `));

  it("reports unsupported substitutions outside RUN", () =>
    check(rule, `
      FROM alpine:3.20
      ENV NAME=\${USER^^}
      #        ^^^^^^^^^ error[DF114]: Cannot expand '\${USER^^}': unsupported modifier (^) in substitution
      WORKDIR /home/\${USER:x}
      #       ^^^^^^^^^^^^^^^ error[DF114]: Cannot expand '/home/\${USER:x}': unsupported modifier (:x) in substitution
      RUN echo \${USER^^}
      CMD echo \${USER,,}
    `));

  it("accepts BuildKit's modifiers and a required variable that may be passed", () =>
    check(rule, `
      FROM alpine:3.20
      ARG VERSION
      ENV A=\${VERSION:-1} B=\${VERSION#v} C=\${VERSION%%-*} D=\${VERSION//./_} E="quoted value"
      LABEL version=\${VERSION:?required}
      USER \${UID:-1000}:\${GID:-1000}
    `));
});
