import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/global-arg-not-redeclared.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DF204 global-arg-not-redeclared", () => {
  it("reports the first use per stage of a global ARG not re-declared", () =>
    check(rule, `
      ARG VERSION=1.4.2
      ARG APP=tool
      FROM alpine:3.20
      RUN wget -q https://example.com/tool-\${VERSION}.tar.gz && echo $VERSION
      #                                      ^^^^^^^ warning[DF204]: 'VERSION' is a global ARG, which stage 'stage-0' does not see until it declares 'ARG VERSION': here it is empty
      WORKDIR /opt/$APP
      CMD ["sh", "-c", "echo $APP"]
      #                       ^^^ warning[DF204]: 'APP' is a global ARG, which stage 'stage-0' does not see until it declares 'ARG APP': here it is empty
      FROM alpine:3.20 AS other
      ARG VERSION
      RUN echo $VERSION $APP
      #                  ^^^ warning[DF204]: 'APP' is a global ARG, which stage 'other' does not see until it declares 'ARG APP': here it is empty
    `));

  it("accepts FROM uses, re-declared ARGs and names that are not global", () =>
    check(rule, `
      ARG BASE=alpine:3.20
      FROM \${BASE}
      ARG BASE
      ENV HOME_DIR=/srv
      RUN echo $BASE $HOME_DIR $PATH
    `));

  it("adds the ARG after the stage's FROM", () =>
    checkFix(rule, `
      ARG VERSION=1.4.2
      FROM alpine:3.20
      RUN echo $VERSION
    `, `
      ARG VERSION=1.4.2
      FROM alpine:3.20
      ARG VERSION
      RUN echo $VERSION
    `, { unsafe: true }));
});
