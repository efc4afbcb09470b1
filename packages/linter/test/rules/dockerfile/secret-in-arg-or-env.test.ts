import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/secret-in-arg-or-env.js";
import { check } from "../../helpers/check.js";

describe("DL3064 secret-in-arg-or-env", () => {
  it("reports names hadolint's fragments catch", () =>
    check(rule, `
      FROM node:22
      ARG NPM_TOKEN
      #   ^^^^^^^^^ warning[DL3064]: 'NPM_TOKEN' looks like a secret: ARG values stay in the image or its history; use a secret mount instead
      ENV DB_PASSWORD=x mysecretvalue=y
      #   ^^^^^^^^^^^ warning[DL3064]: 'DB_PASSWORD' looks like a secret: ENV values stay in the image or its history; use a secret mount instead
      #                 ^^^^^^^^^^^^^ warning[DL3064]: 'mysecretvalue' looks like a secret: ENV values stay in the image or its history; use a secret mount instead
      ARG CI_DEPLOY_USER=bot
      #   ^^^^^^^^^^^^^^ warning[DL3064]: 'CI_DEPLOY_USER' looks like a secret: ARG values stay in the image or its history; use a secret mount instead
    `));

  it("reports names BuildKit's words catch", () =>
    check(rule, `
      FROM node:22
      ARG AWS_ACCESS_KEY_ID
      #   ^^^^^^^^^^^^^^^^^ warning[DL3064]: 'AWS_ACCESS_KEY_ID' looks like a secret: ARG values stay in the image or its history; use a secret mount instead
      ENV GIT_AUTH=x
      #   ^^^^^^^^ warning[DL3064]: 'GIT_AUTH' looks like a secret: ENV values stay in the image or its history; use a secret mount instead
    `));

  it("accepts public keys, files, versions and harmless names", () =>
    check(rule, `
      FROM node:22
      ARG SSH_PUBLIC_KEY
      ENV DB_PASSWORD_FILE=/run/secrets/db TOKEN_VERSION=2 NODE_ENV=production KEYBOARD=us
      ARG AUTHOR=me
    `));

  it("checks ONBUILD triggers", () =>
    check(rule, `
      FROM node:22
      ONBUILD ARG API_TOKEN
      #           ^^^^^^^^^ warning[DL3064]: 'API_TOKEN' looks like a secret: ARG values stay in the image or its history; use a secret mount instead
    `));

  it("answers to SecretsUsedInArgOrEnv in a per-instruction check=skip", () =>
    check(rule, `
      FROM node:22
      # check=skip=SecretsUsedInArgOrEnv
      ARG NPM_TOKEN
    `));
});
