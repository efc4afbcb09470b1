import { describe, expect, it } from "vitest";
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

describe("DL3049 with hadolint's configuration file", () => {
  it("reads label-schema and strict-labels from .hadolint.yaml through the real loader", async () => {
    const { lint } = await import("../../../src/lint.js");
    const files: Record<string, string> = {
      "/p/.hadolint.yaml": "label-schema:\n  owner: text\n  org.opencontainers.image.source: url\nstrict-labels: true\n",
      "/p/Dockerfile": "FROM alpine:3.20\nLABEL owner=ops extra=1 org.opencontainers.image.source=not-a-url\n",
    };
    const found = await lint([{ path: "/p/Dockerfile", text: files["/p/Dockerfile"]! }], { readFile: (p) => files[p] });
    const mine = found.filter((d) => ["DL3049", "DL3050", "DL3052"].includes(d.code)).map((d) => `${d.code} ${d.line}:${d.column} ${d.message}`);
    expect(mine).toEqual([
      "DL3050 2:17 The label 'extra' is not in the label schema",
      "DL3052 2:57 Label 'org.opencontainers.image.source' must be a valid URL, not 'not-a-url'",
    ]);
  });
});
