import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/undefined-arg-in-from.js";
import { check } from "../../helpers/check.js";

describe("UndefinedArgInFrom undefined-arg-in-from", () => {
  it("reports undeclared variables with a suggestion", () =>
    check(rule, `
      ARG NODE_VERSION=22
      FROM node:\${NODE_VERSON}-slim
      #         ^^^^^^^^^^^^^^ warning[UndefinedArgInFrom]: 'NODE_VERSON' is not declared by an ARG before the first FROM, so it expands to an empty string here (did you mean 'NODE_VERSION'?)
      FROM --platform=$TARGETPLATFROM alpine:3.20
      #               ^^^^^^^^^^^^^^^ warning[UndefinedArgInFrom]: 'TARGETPLATFROM' is not declared by an ARG before the first FROM, so it expands to an empty string here (did you mean 'TARGETPLATFORM'?)
      FROM $IMAGE
      #    ^^^^^^ warning[UndefinedArgInFrom]: 'IMAGE' is not declared by an ARG before the first FROM, so it expands to an empty string here
    `));

  it("explains an ARG declared inside a stage", () =>
    check(rule, `
      FROM alpine:3.20
      ARG TAG=3.20
      FROM alpine:$TAG
      #           ^^^^ warning[UndefinedArgInFrom]: 'TAG' is not declared by an ARG before the first FROM, so it expands to an empty string here; the ARG on line 2 is inside a stage, which FROM cannot see
    `));

  it("accepts global ARGs (with or without default), predefined platform args and handled defaults", () =>
    check(rule, `
      ARG BASE
      ARG TAG=1
      FROM \${BASE}:\${TAG}
      FROM --platform=$BUILDPLATFORM golang:1.23
      FROM alpine:\${VERSION:-3.20}
    `));
});
