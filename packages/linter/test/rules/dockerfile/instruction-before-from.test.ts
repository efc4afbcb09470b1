import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/instruction-before-from.js";
import { check } from "../../helpers/check.js";

describe("DL3061 instruction-before-from", () => {
  it("reports instructions other than ARG before the first FROM", () =>
    check(rule, `
      # syntax=docker/dockerfile:1
      ARG V=1
      ENV A=1
      #^^ error[DL3061]: ENV before the first FROM: only ARG may come before it
      label a=b
      #^^^^ error[DL3061]: LABEL before the first FROM: only ARG may come before it
      FROM alpine:3.20
      ENV B=2
    `));

  it("accepts ARG, comments and a file starting with FROM", () =>
    check(rule, `
      # a comment
      ARG BASE=alpine:3.20
      FROM $BASE
      RUN true
    `));
});
