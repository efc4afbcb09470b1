import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/copy-entire-filesystem.js";
import { check } from "../../helpers/check.js";

describe("DL3067 copy-entire-filesystem", () => {
  it("reports COPY --from of / to /", () =>
    check(rule, `
      FROM golang:1.23 AS build
      FROM alpine:3.20
      COPY --from=build / /
      #                 ^ warning[DL3067]: This copies the whole file system of 'build' over this stage's root
      COPY --from=build ["/", "/"]
      #                  ^^^ warning[DL3067]: This copies the whole file system of 'build' over this stage's root
    `));

  it("accepts narrower copies and copies from the context", () =>
    check(rule, `
      FROM golang:1.23 AS build
      FROM alpine:3.20
      COPY --from=build /go/bin/ /
      COPY --from=build / /rootfs/
      COPY / /
    `));
});
