import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/latest-tag.js";
import { check } from "../../helpers/check.js";

describe("DL3007 latest-tag", () => {
  it("reports the latest tag, not other tags", () =>
    check(rule, `
      FROM node:latest
      #         ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
      FROM node:20 AS ok
      FROM docker.io/library/debian:latest AS other
      #                             ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `));

  it("accepts latest pinned by a digest, and untagged images", () =>
    check(rule, `
      FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      FROM node
    `));

  it("reads the keyword in any case", () =>
    check(rule, `
      from alpine:latest
      #           ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `));
});
