import { describe, expect, it } from "vitest";
import rule, { referenceProblem } from "../../../src/rules/dockerfile/invalid-image-reference.js";
import { check } from "../../helpers/check.js";

describe("DF110 invalid-image-reference", () => {
  it("reports FROM references BuildKit cannot parse", () =>
    check(rule, `
      FROM Node:22-alpine
      #    ^^^^^^^^^^^^^^ error[DF110]: Invalid image reference 'Node:22-alpine': repository names must be lowercase
      FROM node:22+alpine
      #    ^^^^^^^^^^^^^^ error[DF110]: Invalid image reference 'node:22+alpine': the tag '22+alpine' has characters a tag cannot have (letters, digits, '_', '.', '-'; at most 128)
      FROM node:
      #    ^^^^^ error[DF110]: Invalid image reference 'node:': the tag after ':' is empty
      FROM node@sha256:xyz
      #    ^^^^^^^^^^^^^^^ error[DF110]: Invalid image reference 'node@sha256:xyz': the digest is not '<algorithm>:<hex>'
    `));

  it("expands global ARGs first and skips unresolved ones", () =>
    check(rule, `
      ARG TAG=22-alpine
      ARG REPO=Node
      FROM node:\${TAG}
      FROM \${REPO}:22
      #    ^^^^^^^^^^ error[DF110]: Invalid image reference '\${REPO}:22' (= 'Node:22'): repository names must be lowercase
      FROM \${UNSET}:22
    `));

  it("checks COPY --from when it names an image, not a stage", () =>
    check(rule, `
      FROM alpine:3.20 AS Build
      FROM alpine:3.20
      COPY --from=Build /a /b
      COPY --from=0 /a /b
      COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
      COPY --from=nginx:1.27@sha256:abc /etc/nginx/nginx.conf /etc/nginx/
      #           ^^^^^^^^^^^^^^^^^^^^^ error[DF110]: '--from=nginx:1.27@sha256:abc' is neither a stage nor a valid image reference: the digest is not '<algorithm>:<hex>'
    `));

  it("accepts registries with ports, nested paths, tags and digests", () => {
    for (const ok of [
      "localhost:5000/team/app:1.0",
      "ghcr.io/Owner-not-lower/app".toLowerCase(),
      "my.registry.example.com/a/b/c:v1.2.3-rc_1",
      "node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "docker.io/library/node:22.11-bookworm-slim",
      "MyRegistry.example.com/app",
    ]) expect(referenceProblem(ok), ok).toBeUndefined();
    expect(referenceProblem("a//b")).toBe("it is not '[registry/]repository[:tag][@digest]'");
  });
});
