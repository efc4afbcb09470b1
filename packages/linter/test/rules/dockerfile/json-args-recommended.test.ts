import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/json-args-recommended.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3025 json-args-recommended", () => {
  it("reports shell-form CMD and ENTRYPOINT", () =>
    check(rule, `
      FROM node:22-slim
      ENTRYPOINT node server.js
      #          ^^^^^^^^^^^^^^ warning[DL3025]: Use the JSON form for ENTRYPOINT so the command receives signals directly
      CMD npm start
      #   ^^^^^^^^^ warning[DL3025]: Use the JSON form for CMD so the command receives signals directly
    `));

  it("accepts the JSON form, and a stage that chose its shell", () =>
    check(rule, `
      FROM node:22-slim
      CMD ["node", "server.js"]
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      CMD Write-Host hello
    `));

  it("is suppressed by its BuildKit name", () =>
    check(rule, `
      # check=skip=JSONArgsRecommended
      FROM node:22-slim
      CMD node server.js
    `));

  it("converts plain words to JSON as an unsafe fix, and leaves shell syntax alone", () =>
    checkFix(rule, `
      FROM node:22-slim
      CMD node server.js --port 80
      FROM node:22-slim
      CMD node server.js && echo "$HOME"
    `, `
      FROM node:22-slim
      CMD ["node", "server.js", "--port", "80"]
      FROM node:22-slim
      CMD node server.js && echo "$HOME"
    `, { unsafe: true }));
});

describe("DL3025 and HEALTHCHECK", () => {
  it("reports HEALTHCHECK CMD in shell form, as hadolint does, and fixes plain words", () =>
    check(rule, `
      FROM alpine:3.19
      HEALTHCHECK CMD wget -q -O- http://localhost/ || exit 1
      #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DL3025]: Use the JSON form for HEALTHCHECK CMD: in shell form every check needs /bin/sh in the image and starts it
      HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/"]
      HEALTHCHECK NONE
      CMD ["httpd"]
    `));
});
