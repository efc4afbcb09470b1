import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/update-in-own-run.js";
import { check } from "../../helpers/check.js";

const message = (tool: string, install: string, line: number) =>
  `'${tool} update' is in a RUN of its own, and the '${install}' on line ${line} relies on it: the build cache keeps these package lists when that install changes; update and install in the same RUN`;

describe("DF214 update-in-own-run", () => {
  it("reports an update whose install comes in a later RUN", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update
      #           ^^^^^^ warning[DF214]: ${message("apt-get", "apt-get install", 3)}
      RUN apt-get install -y --no-install-recommends curl
      RUN set -eux; apt update; echo done
      #                 ^^^^^^ warning[DF214]: ${message("apt", "apt upgrade", 5)}
      RUN apt upgrade -y
    `));

  it("matches the last update of a RUN with the next RUN that installs, across other RUNs", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install -y curl && apt-get update
      #                                                        ^^^^^^ warning[DF214]: ${message("apt-get", "apt-get install", 4)}
      RUN echo between
      RUN sudo apt-get install -y git
    `));

  it("accepts update and install in one RUN, an install that updates first, and updates nothing installs after", () =>
    check(rule, `
      FROM debian:12
      RUN apt-get update && apt-get install -y curl
      RUN apt-get update
      RUN apt-get update && apt-get install -y git
      RUN apt-get update
    `));

  it("keeps stages apart", () =>
    check(rule, `
      FROM debian:12 AS base
      RUN apt-get update
      FROM debian:12
      RUN apt-get install -y curl
    `));

  it("knows apk, where an add with --no-cache fetches its own index", () =>
    check(rule, `
      FROM alpine:3.21
      RUN apk update
      #       ^^^^^^ warning[DF214]: ${message("apk", "apk add", 3)}
      RUN apk add curl
      RUN apk update
      RUN apk add --no-cache git
    `));

  it("reads heredoc scripts, and not PowerShell stages", () =>
    check(rule, `
      FROM debian:12
      RUN <<EOF
      apt-get update
      #       ^^^^^^ warning[DF214]: ${message("apt-get", "apt-get install", 5)}
      EOF
      RUN apt-get install -y curl
      FROM mcr.microsoft.com/powershell:lts-debian-12
      SHELL ["pwsh", "-Command"]
      RUN apt-get update
      RUN apt-get install -y curl
    `));
});
