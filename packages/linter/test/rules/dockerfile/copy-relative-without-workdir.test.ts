import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/copy-relative-without-workdir.js";
import { check } from "../../helpers/check.js";

describe("DL3045 copy-relative-without-workdir", () => {
  it("reports relative destinations before any WORKDIR", () =>
    check(rule, `
      FROM node:22-slim
      COPY package.json .
      #                 ^ warning[DL3045]: '.' is relative to the base image's working directory: set WORKDIR first or use an absolute path
      ADD ["a.tgz", "app/"]
      #             ^^^^^^ warning[DL3045]: 'app/' is relative to the base image's working directory: set WORKDIR first or use an absolute path
      WORKDIR /app
      COPY . .
    `));

  it("accepts absolute, variable and Windows destinations, and WORKDIR inherited from a stage", () =>
    check(rule, `
      FROM node:22-slim AS base
      COPY a /a
      COPY a $DEST
      COPY a C:\\app
      WORKDIR /app
      FROM base AS child
      COPY . .
      FROM child
      COPY . ./src/
    `));

  it("does not inherit a WORKDIR from an unrelated stage", () =>
    check(rule, `
      FROM node:22-slim AS base
      WORKDIR /app
      FROM node:22-slim
      COPY . .
      #      ^ warning[DL3045]: '.' is relative to the base image's working directory: set WORKDIR first or use an absolute path
    `));
});
