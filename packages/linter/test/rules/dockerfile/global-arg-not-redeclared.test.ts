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
      #                       ^^^ warning[DF204]: 'APP' is a global ARG, and CMD runs in the container, which sees the image's ENV and no ARG: here it is empty unless the base image sets it; keep the build's value with 'ENV APP=$APP' after 'ARG APP'
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

describe("DF204 in commands the container runs", () => {
  it("says no ARG reaches CMD, ENTRYPOINT or HEALTHCHECK, re-declared or not, and offers no ARG fix", () =>
    check(rule, `
      ARG PORT=8080
      FROM alpine:3.20
      ARG PORT
      HEALTHCHECK CMD wget -q -O /dev/null http://localhost:$PORT/ || exit 1
      #                                                      ^^^^ warning[DF204]: 'PORT' is a global ARG, and HEALTHCHECK runs in the container, which sees the image's ENV and no ARG: here it is empty unless the base image sets it; keep the build's value with 'ENV PORT=$PORT' after 'ARG PORT'
    `));
});
