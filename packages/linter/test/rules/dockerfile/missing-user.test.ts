import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/missing-user.js";
import { check } from "../../helpers/check.js";

describe("DF208 missing-user", () => {
  it("reports a final stage that never sets USER", () =>
    check(rule, `
      FROM node:22-alpine AS build
      USER node
      FROM node:22-alpine
      #    ^^^^^^^^^^^^^^ warning[DF208]: The final stage never sets USER, so the container runs as root: add 'USER <unprivileged user>'
      CMD ["node", "server.js"]
    `));

  it("suggests a numeric user for scratch", () =>
    check(rule, `
      FROM scratch
      #    ^^^^^^^ warning[DF208]: The final stage never sets USER, so the container runs as root (scratch has no users: add e.g. 'USER 65532:65532')
      COPY app /app
    `));

  it("accepts USER in the stage or a stage it builds on, and non-root bases", () => {
    check(rule, `
      FROM node:22-alpine AS base
      USER node
      FROM base
      CMD ["node", "server.js"]
    `);
    check(rule, `
      FROM gcr.io/distroless/static-debian12:nonroot
      COPY app /app
    `);
    check(rule, `
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      CMD ["cmd"]
    `);
  });
});
