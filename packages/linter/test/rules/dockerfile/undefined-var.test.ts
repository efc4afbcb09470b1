import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/undefined-var.js";
import { check } from "../../helpers/check.js";

describe("UndefinedVar undefined-var", () => {
  it("reports a global ARG not declared again in the stage", () =>
    check(rule, `
      ARG VERSION=1.2.3
      FROM alpine:3.20
      LABEL version=$VERSION
      #             ^^^^^^^^ warning[UndefinedVar]: '$VERSION' is not defined here: the global ARG VERSION must be declared again in the stage (ARG VERSION) to be used
    `));

  it("reports a variable defined later in the stage, and near-misses", () =>
    check(rule, `
      FROM node:22
      WORKDIR \${APP_DIR}
      #       ^^^^^^^^^^ warning[UndefinedVar]: '$APP_DIR' is not defined here: it is defined later in the stage, after this line
      ENV APP_DIR=/app
      COPY . \${APP_DIRR}/
      #      ^^^^^^^^^^^ warning[UndefinedVar]: '$APP_DIRR' is not defined here (did you mean '$APP_DIR'?)
    `));

  it("reports anything undefined when the environment is known (scratch)", () =>
    check(rule, `
      FROM scratch AS base
      COPY app $DEST
      #        ^^^^^ warning[UndefinedVar]: '$DEST' is not defined here: no ARG or ENV defines it, so it expands to an empty string
      FROM base
      WORKDIR $HOME
      #       ^^^^^ warning[UndefinedVar]: '$HOME' is not defined here: no ARG or ENV defines it, so it expands to an empty string
    `));

  it("leaves what the base image may define, unset ARGs, handled defaults and RUN text alone", () =>
    check(rule, `
      FROM eclipse-temurin:21
      ENV PATH=$JAVA_HOME/bin:$PATH
      ARG TOKEN
      RUN --mount=type=secret,id=$TOKEN echo $UNDEFINED_IN_SHELL
      COPY a \${DEST:-/srv}/
      ARG TARGETARCH
      COPY bin-$TARGETARCH /usr/local/bin/app
    `));

  it("does not call an image's variable a typo of a distant name, only one-letter slips", () =>
    check(rule, `
      FROM golang:1.23
      ENV APP_ROOT=/srv
      COPY . $GOPATH/src/app
      WORKDIR $APP_ROT
      #       ^^^^^^^^ warning[UndefinedVar]: '$APP_ROT' is not defined here (did you mean '$APP_ROOT'?)
    `));

  it("reports platform args used in a stage without ARG", () =>
    check(rule, `
      FROM --platform=$BUILDPLATFORM golang:1.23
      COPY bin-$TARGETARCH /usr/local/bin/app
      #        ^^^^^^^^^^^ warning[UndefinedVar]: '$TARGETARCH' is not defined here: TARGETARCH is predefined only for FROM lines; declare 'ARG TARGETARCH' in the stage to use it
    `));

  it("checks RUN --mount option values", () =>
    check(rule, `
      FROM scratch
      RUN --mount=type=cache,target=$CACHE_DIR true
      #                             ^^^^^^^^^^ warning[UndefinedVar]: '$CACHE_DIR' is not defined here: no ARG or ENV defines it, so it expands to an empty string
    `));
});
