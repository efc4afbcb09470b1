import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/secret-in-value.js";
import { check } from "../../helpers/check.js";

describe("DF205 secret-in-value", () => {
  it("reports credentials by their shape, whatever the name", () =>
    check(rule, `
      FROM alpine:3.20
      ENV PIP_INDEX_URL=https://ci:hunter2@pypi.example.com/simple
      #                            ^^^^^^^ error[DF205]: The value of ENV PIP_INDEX_URL contains a password in a URL; it will be readable by anyone with the image
      ARG KEY_ID=AKIAIOSFODNN7EXAMPLE
      #          ^^^^^^^^^^^^^^^^^^^^ error[DF205]: The value of ARG KEY_ID contains an AWS access key id; it will be readable by anyone with the image
      LABEL ci.token="ghp_0123456789abcdefghijABCDEFGHIJ012345"
      #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[DF205]: The value of LABEL ci.token contains a GitHub token; it will be readable by anyone with the image
      ENV KEY="-----BEGIN RSA PRIVATE KEY-----"
      #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[DF205]: The value of ENV KEY contains a private key; it will be readable by anyone with the image
    `));

  it("accepts ordinary values, variables in URLs and names that merely sound secret", () =>
    check(rule, `
      FROM alpine:3.20
      ARG TOKEN
      ENV REGISTRY=https://ci:\${TOKEN}@pypi.example.com/simple
      ENV DATABASE_URL=postgres://app@db:5432/app PASSWORD_FILE=/run/secrets/db
      LABEL org.opencontainers.image.source=https://github.com/example/app
      ARG AKIA=1
    `));
});
