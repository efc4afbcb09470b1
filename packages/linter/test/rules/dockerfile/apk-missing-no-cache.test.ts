import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/apk-missing-no-cache.js";
import { check, checkFix } from "../../helpers/check.js";

const MESSAGE = "apk add keeps the package index in the layer: add --no-cache";

describe("DL3019 apk-missing-no-cache", () => {
  it("reports apk add without --no-cache", () =>
    check(rule, `
      FROM alpine:3.21
      RUN apk update && apk add curl=8.11.0-r2
      #                 ^^^ warning[DL3019]: ${MESSAGE}
      ONBUILD RUN apk add git=2.47.1-r0
      #           ^^^ warning[DL3019]: ${MESSAGE}
    `.replace(/warning\[DL3019\]/g, "info[DL3019]")));

  it("accepts --no-cache, cache mounts and removing the cache", () =>
    check(rule, `
      FROM alpine:3.21
      RUN apk add --no-cache curl=8.11.0-r2 && apk --no-cache add git=2.47.1-r0
      RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.11.0-r2
      RUN apk add curl=8.11.0-r2 && rm -rf /var/cache/apk/*
      RUN apk del curl
    `));

  it("checks heredoc scripts", () =>
    check(rule, `
      FROM alpine:3.21
      RUN <<EOF
      apk add jq=1.7.1-r0
      #^^ info[DL3019]: ${MESSAGE}
      EOF
    `));

  it("inserts --no-cache after add, across continuations", () =>
    checkFix(rule, `
      FROM alpine:3.21
      RUN apk add \\
            curl=8.11.0-r2
    `, `
      FROM alpine:3.21
      RUN apk add --no-cache \\
            curl=8.11.0-r2
    `));
});
