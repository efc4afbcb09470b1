import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-base-image-platform.js";
import { check } from "../../helpers/check.js";

describe("InvalidBaseImagePlatform invalid-base-image-platform", () => {
  it("reports per-architecture namespaces for another architecture", () =>
    check(rule, `
      FROM --platform=linux/arm64 amd64/alpine:3.20
      #                           ^^^^^^^^^^^^^^^^^ warning[InvalidBaseImagePlatform]: 'amd64/alpine:3.20' cannot match --platform=linux/arm64: the 'amd64/' namespace on Docker Hub only holds linux/amd64 images
      FROM --platform=linux/x86_64 arm64v8/ubuntu:24.04
      #                            ^^^^^^^^^^^^^^^^^^^^ warning[InvalidBaseImagePlatform]: 'arm64v8/ubuntu:24.04' cannot match --platform=linux/x86_64: the 'arm64v8/' namespace on Docker Hub only holds linux/arm64 images
    `));

  it("reports Windows images for Linux and Linux tags for Windows", () =>
    check(rule, `
      FROM --platform=linux/amd64 mcr.microsoft.com/windows/servercore:ltsc2022
      #                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[InvalidBaseImagePlatform]: 'mcr.microsoft.com/windows/servercore:ltsc2022' cannot match --platform=linux/amd64: 'mcr.microsoft.com/windows/servercore:ltsc2022' is a Windows base image
      FROM --platform=linux/amd64 mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022
      #                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[InvalidBaseImagePlatform]: 'mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022' cannot match --platform=linux/amd64: the tag '8.0-nanoserver-ltsc2022' names a Windows image
      FROM --platform=windows/amd64 node:22-alpine
      #                             ^^^^^^^^^^^^^^ warning[InvalidBaseImagePlatform]: 'node:22-alpine' cannot match --platform=windows/amd64: the tag '22-alpine' names a Linux distribution
    `));

  it("stays silent when anything is not certain", () =>
    check(rule, `
      FROM --platform=$BUILDPLATFORM amd64/alpine:3.20
      FROM amd64/alpine:3.20
      FROM --platform=linux/amd64 amd64/alpine:3.20
      FROM --platform=linux/arm64 alpine:3.20
      FROM --platform=linux/arm64 quay.io/amd64/thing:1
      FROM --platform=linux $IMAGE
      FROM --platform=linux/arm64/v8 arm64v8/alpine:3.20
    `));
});
