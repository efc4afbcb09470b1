import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/apk-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3018 apk-unpinned", () => {
  it("reports packages without a version", () =>
    check(rule, `
      FROM alpine:3.21
      RUN apk add --no-cache curl=8.11.0-r2 git~2.47 "tar>1.30" bash
      #                                                         ^^^^ warning[DL3018]: Pin the version of 'bash' in apk add (bash=<version>)
    `));

  it("skips option values and local files, resolves variables", () =>
    check(rule, `
      FROM alpine:3.21
      ENV JQ=jq
      RUN apk add --no-cache --virtual .build-deps -X https://mirror/edge gcc=14.2.0-r4 ./x.apk $JQ $UNKNOWN
      #                                                                                         ^^^ warning[DL3018]: Pin the version of 'jq' in apk add (jq=<version>)
      RUN apk update && apk del .build-deps
    `));

  it("names every unpinned package a variable holds, in one finding", () =>
    check(rule, `
      FROM alpine:3.21
      ENV BUILD_DEPS="autoconf gcc=14.2.0-r4 make file"
      RUN apk add --no-cache $BUILD_DEPS
      #                      ^^^^^^^^^^^ warning[DL3018]: Pin the versions of 'autoconf', 'make' and 'file' in apk add (autoconf=<version>)
    `));

  it("reads continuations, ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM alpine:3.21
      RUN apk add --no-cache \\
            curl
      #     ^^^^ warning[DL3018]: Pin the version of 'curl' in apk add (curl=<version>)
      ONBUILD RUN apk add --no-cache git
      #                              ^^^ warning[DL3018]: Pin the version of 'git' in apk add (git=<version>)
      RUN <<EOF
      apk add --no-cache jq
      #                  ^^ warning[DL3018]: Pin the version of 'jq' in apk add (jq=<version>)
      EOF
    `));
});
