import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/wrong-argument-count.js";
import { check } from "../../helpers/check.js";

describe("DF101 wrong-argument-count", () => {
  it("reports instructions without arguments at their keyword", () =>
    check(rule, `
      FROM alpine:3.20
      ENV
      #^^ error[DF101]: ENV requires at least one argument
      WORKDIR
      #^^^^^^ error[DF101]: WORKDIR requires exactly one argument
      ONBUILD
      #^^^^^^ error[DF101]: ONBUILD requires at least one argument
      HEALTHCHECK
      #^^^^^^^^^^ error[DF101]: HEALTHCHECK requires at least one argument
      FROM
      #^^^ error[DF101]: FROM needs an image (or stage) to start from
    `));

  it("reads FROM as one or three words with AS in the middle", () =>
    check(rule, `
      FROM alpine:3.20 builder
      #                ^^^^^^^ error[DF101]: FROM takes an image and optionally 'AS <name>': 'builder' is one word too many
      FROM alpine:3.20 AS
      #                ^^ error[DF101]: FROM ... AS needs a stage name after 'AS'
      FROM alpine:3.20 TO builder
      #                ^^ error[DF101]: The second word of FROM must be 'AS', not 'TO'
      FROM alpine:3.20 AS builder extra
      #                           ^^^^^ error[DF101]: FROM takes an image and optionally 'AS <name>': 'extra' is one word too many
      FROM alpine:3.20 as ok
      FROM --platform=linux/amd64 alpine:3.20
    `));

  it("requires a source and a destination for COPY and ADD", () =>
    check(rule, `
      FROM alpine:3.20
      COPY app.tar.gz
      #    ^^^^^^^^^^ error[DF101]: COPY needs a source and a destination; only 'app.tar.gz' was given
      ADD --chown=1:1
      #^^ error[DF101]: ADD needs a source and a destination; only nothing was given
      COPY ["a", "/b/"]
      COPY <<EOF /etc/motd
      hello
      EOF
    `));

  it("checks HEALTHCHECK types and commands", () =>
    check(rule, `
      FROM alpine:3.20
      HEALTHCHECK NONE --interval=5s
      #                ^^^^^^^^^^^^^ error[DF101]: HEALTHCHECK NONE takes no arguments
      HEALTHCHECK CMD
      #           ^^^ error[DF101]: HEALTHCHECK CMD needs a command after 'CMD'
      HEALTHCHECK CMD []
      #           ^^^ error[DF101]: HEALTHCHECK CMD needs a command after 'CMD'
      HEALTHCHECK RUN curl -f http://localhost/
      #           ^^^ error[DF101]: Unknown HEALTHCHECK type 'RUN': write 'CMD <command>' or 'NONE'
      HEALTHCHECK --interval=5s CMD curl -f http://localhost/
      HEALTHCHECK none
    `));

  it("reports a second word after USER, not WORKDIR paths with spaces", () =>
    check(rule, `
      FROM alpine:3.20
      USER app admin
      #        ^^^^^ error[DF101]: USER takes one user[:group]; 'admin' is an extra argument
      USER app:admin
      WORKDIR /my dir
      STOPSIGNAL SIGTERM
      RUN
      CMD
    `));
});
