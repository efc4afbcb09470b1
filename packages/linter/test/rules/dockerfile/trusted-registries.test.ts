import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/dockerfile/trusted-registries.js";
import { check } from "../../helpers/check.js";

const options = { trustedRegistries: ["ghcr.io", "*.corp.example", "registry-*"] };

describe("DL3026 trusted-registries", () => {
  it("reports registries outside the list, at the registry word", () =>
    check(rule, `
      FROM quay.io/org/base:1
      #    ^^^^^^^ error[DL3026]: Image 'quay.io/org/base:1' comes from 'quay.io', which is not a trusted registry (ghcr.io, *.corp.example, registry-*)
      FROM alpine:3.20
      #    ^^^^^^ error[DL3026]: Image 'alpine:3.20' comes from 'docker.io', which is not a trusted registry (ghcr.io, *.corp.example, registry-*)
    `, { options }));

  it("accepts exact, suffix and prefix matches, scratch and stage names", () =>
    check(rule, `
      FROM ghcr.io/acme/app:1 AS base
      FROM mirror.corp.example/alpine:3.20
      FROM registry-eu:5000/x:1
      FROM scratch
      FROM base
      COPY --from=base /a /b
      COPY --from=0 /a /b
    `, { options }));

  it("checks COPY --from images and RUN --mount from= images", () =>
    check(rule, `
      FROM ghcr.io/acme/app:1
      COPY --from=docker.io/library/nginx:1.27 /etc/nginx /etc/nginx
      #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[DL3026]: Image 'docker.io/library/nginx:1.27' comes from 'docker.io', which is not a trusted registry (ghcr.io, *.corp.example, registry-*)
      RUN --mount=type=bind,from=quay.io/x/y:1,target=/y true
      #                          ^^^^^^^^^^^^^ error[DL3026]: Image 'quay.io/x/y:1' comes from 'quay.io', which is not a trusted registry (ghcr.io, *.corp.example, registry-*)
    `, { options }));

  it("expands global ARG defaults, and skips what stays unknown", () =>
    check(rule, `
      ARG REGISTRY=quay.io
      ARG OTHER
      FROM \${REGISTRY}/org/base:1
      #    ^^^^^^^^^^^^^^^^^^^^^^ error[DL3026]: Image 'quay.io/org/base:1' comes from 'quay.io', which is not a trusted registry (ghcr.io, *.corp.example, registry-*)
      FROM \${OTHER}/org/base:1
    `, { options }));

  it("lets Docker Hub images through when docker.io or * is trusted", () => {
    check(rule, `
      FROM alpine:3.20
    `, { options: { trustedRegistries: ["docker.io"] } });
    check(rule, `
      FROM quay.io/x:1
      FROM alpine:3.20
    `, { options: { trustedRegistries: ["*"] } });
  });

  it("does nothing without a list", () =>
    check(rule, `
      FROM quay.io/x:1
    `));
});

describe("DL3026 with hadolint's configuration file", () => {
  it("is switched on by trustedRegistries in .hadolint.yaml", async () => {
    const { lint } = await import("../../../src/lint.js");
    const files: Record<string, string> = { "/p/.hadolint.yaml": "trustedRegistries:\n  - ghcr.io\n" };
    const found = await lint([{ path: "/p/Dockerfile", text: "FROM quay.io/x/y:1\nFROM ghcr.io/x/y:1\n" }], { readFile: (p) => files[p] });
    expect(found.filter((d) => d.code === "DL3026").map((d) => `${d.line}:${d.column}`)).toEqual(["1:6"]);
  });
});
