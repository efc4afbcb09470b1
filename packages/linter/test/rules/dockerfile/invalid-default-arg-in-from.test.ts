import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-default-arg-in-from.js";
import { check } from "../../helpers/check.js";

describe("InvalidDefaultArgInFrom invalid-default-arg-in-from", () => {
  it("reports empty and invalid names from ARG defaults", () =>
    check(rule, `
      ARG TAG
      ARG IMAGE
      ARG REPO=MyOrg/app
      FROM node:\${TAG}
      #    ^^^^^^^^^^^ warning[InvalidDefaultArgInFrom]: With the default value of TAG, this FROM gives 'node:', which is not a valid image reference
      FROM $IMAGE
      #    ^^^^^^ warning[InvalidDefaultArgInFrom]: With the default value of IMAGE, this FROM gives an empty image name
      FROM $REPO:1
      #    ^^^^^^^ warning[InvalidDefaultArgInFrom]: With the default value of REPO, this FROM gives 'MyOrg/app:1', which is not a valid image reference
    `));

  it("accepts valid defaults, stage names, constants and undeclared variables", () =>
    check(rule, `
      ARG TAG=22-slim
      ARG REGISTRY=localhost:5000
      ARG STAGE=build
      FROM node:\${TAG} AS build
      FROM \${REGISTRY}/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      FROM \${STAGE}
      FROM alpine:3.20
      FROM $UNDECLARED
    `));
});
