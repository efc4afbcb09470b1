import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-missing.js";
import { check } from "../../helpers/check.js";

const options = { labelSchema: { "org.opencontainers.image.source": "url", owner: "" } };

describe("DL3049 label-missing", () => {
  it("reports each missing schema label at the image stage's FROM", () =>
    check(rule, `
      FROM alpine:3.20 AS app
      #^^^ info[DL3049]: The label 'org.opencontainers.image.source' is missing from stage 'app'
      LABEL owner=ops
    `, { options }));

  it("counts labels from the stages an image builds on, skips stages others use", () =>
    check(rule, `
      FROM alpine:3.20 AS base
      LABEL owner=ops
      FROM golang:1.23 AS build
      FROM base
      COPY --from=build /a /a
      LABEL "org.opencontainers.image.source"=https://example.com
    `, { options }));

  it("checks every stage nothing refers to", () =>
    check(rule, `
      FROM alpine:3.20
      #^^^ info[DL3049]: The label 'org.opencontainers.image.source' is missing from this image
      #^^^ info[DL3049]: The label 'owner' is missing from this image
      FROM alpine:3.20
      LABEL owner=ops org.opencontainers.image.source=https://example.com
    `, { options }));

  it("does nothing without a schema", () =>
    check(rule, `
      FROM alpine:3.20
    `));
});
