import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/untagged-image.js";
import { check } from "../../helpers/check.js";

describe("DL3006 untagged-image", () => {
  it("reports an image with no tag or digest", () =>
    check(rule, `
      FROM debian
      #    ^^^^^^ warning[DL3006]: Tag the image 'debian' with an explicit version
      FROM ghcr.io/acme/tool AS tool
      #    ^^^^^^^^^^^^^^^^^ warning[DL3006]: Tag the image 'ghcr.io/acme/tool' with an explicit version
    `));

  it("accepts tags, digests, scratch, variables and earlier stages", () =>
    check(rule, `
      ARG BASE=alpine:3.20
      FROM golang:1.23 AS Build
      FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      FROM scratch
      FROM \${BASE}
      FROM build
    `));

  it("reports a name that matches only a later stage", () =>
    check(rule, `
      FROM app
      #    ^^^ warning[DL3006]: Tag the image 'app' with an explicit version
      FROM alpine:3.20 AS app
    `));
});
