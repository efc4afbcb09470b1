import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/apt-lists-not-removed.js";
import { check, checkFix } from "../../helpers/check.js";

const MESSAGE = "Remove /var/lib/apt/lists after 'apt-get update' in the same RUN: the package lists stay in the layer";

describe("DL3009 apt-lists-not-removed", () => {
  it("reports apt-get update without removing the lists", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install -y curl
      #           ^^^^^^ info[DL3009]: ${MESSAGE}
    `));

  it("is not satisfied by an rm of something else, or an rm before the update", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install -y curl && rm -rf /tmp/*
      #           ^^^^^^ info[DL3009]: ${MESSAGE}
      RUN apt-get update && apt-get install -y curl && apt-get clean
      #           ^^^^^^ info[DL3009]: ${MESSAGE}
      RUN rm -rf /var/lib/apt/lists/* && apt-get update
      #                                          ^^^^^^ info[DL3009]: ${MESSAGE}
    `));

  it("accepts removing the lists or a parent, and cache or tmpfs mounts", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      RUN apt-get update && rm -r /var/lib/apt/lists
      RUN apt-get update && rm -rf /var/lib/apt
      RUN set -eux; apt-get update; apt-get install -y curl; apt-get dist-clean
      RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update
      RUN --mount=type=tmpfs,target=/var/lib/apt apt-get update
      RUN --mount=type=bind,target=/x apt-get update && rm -rf /var/lib/apt/lists/*
    `));

  it("only looks at stages that end up in an image", () =>
    check(rule, `
      FROM debian:12 AS build
      RUN apt-get update && apt-get install -y gcc
      FROM debian:12 AS base
      RUN apt-get update
      #           ^^^^^^ info[DL3009]: ${MESSAGE}
      FROM base
      RUN apt update
      #       ^^^^^^ info[DL3009]: Remove /var/lib/apt/lists after 'apt update' in the same RUN: the package lists stay in the layer
    `));

  it("knows the base of a stage through a global ARG", () =>
    check(rule, `
      ARG BASE=deps
      FROM debian:12 AS deps
      RUN apt-get update
      #           ^^^^^^ info[DL3009]: ${MESSAGE}
      FROM debian:12 AS unused
      RUN apt-get update
      FROM \${BASE}
      RUN echo done
    `));

  it("reads ONBUILD triggers, continuations and heredoc scripts", () =>
    check(rule, `
      FROM debian:12
      ONBUILD RUN apt-get update
      #                   ^^^^^^ info[DL3009]: ${MESSAGE}
      RUN apt-get \\
            update \\
       && apt-get install -y curl \\
       && rm -rf /var/lib/apt/lists/*
      RUN <<EOF
      apt-get update
      #       ^^^^^^ info[DL3009]: ${MESSAGE}
      apt-get install -y curl
      EOF
    `));

  it("appends the rm to the chain as an unsafe fix", () => {
    checkFix(rule, `
      FROM debian:12
      RUN apt-get update \\
       && apt-get install -y curl
      RUN <<EOF
      apt-get update
      apt-get install -y jq
      EOF
    `, `
      FROM debian:12
      RUN apt-get update \\
       && apt-get install -y curl && rm -rf /var/lib/apt/lists/*
      RUN <<EOF
      apt-get update
      apt-get install -y jq && rm -rf /var/lib/apt/lists/*
      EOF
    `, { unsafe: true });
    checkFix(rule, `
      FROM debian:12
      RUN apt-get update && if true; then apt-get install -y curl; fi
    `, `
      FROM debian:12
      RUN apt-get update && if true; then apt-get install -y curl; fi
    `, { unsafe: true });
  });
});

describe("DL3009 in exec form", () => {
  it("offers no fix: there is no shell to run && rm with", () =>
    checkFix(rule, `
      FROM debian:12
      RUN ["apt-get", "update"]
    `, `
      FROM debian:12
      RUN ["apt-get", "update"]
    `, { unsafe: true }));
});
