import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/syntax-version-too-old.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DF212 syntax-version-too-old", () => {
  it("reports flags and heredocs newer than the pinned version", () =>
    check(rule, `
      # syntax=docker/dockerfile:1.3
      FROM alpine:3.20
      COPY --link --chmod=644 app /app
      #      ^^^^ error[DF212]: COPY --link: available from docker/dockerfile:1.4, but the syntax directive pins 1.3
      ADD --checksum=sha256:0123 https://example.com/a /a
      #     ^^^^^^^^ error[DF212]: ADD --checksum: available from docker/dockerfile:1.6, but the syntax directive pins 1.3
      RUN <<EOF
      #   ^^^^^ error[DF212]: heredocs: available from docker/dockerfile:1.4, but the syntax directive pins 1.3
      echo hi
      EOF
      ENV B=\${A#v}
      #     ^^^^^^ error[DF212]: the \${var#...}, \${var%...} and \${var/...} substitutions: available from docker/dockerfile:1.7, but the syntax directive pins 1.3
    `));

  it("knows the labs channel had --exclude and --parents earlier", () =>
    check(rule, `
      # syntax=docker/dockerfile:1.7-labs
      FROM alpine:3.20
      COPY --parents --exclude=*.md src/ /app/
      RUN <<EOF
      echo heredocs came with 1.3-labs
      EOF
      FROM alpine:3.20
      # syntax=ignored
      COPY --parents a /b/
    `));

  it("reports per-instruction check comments before 1.21", () =>
    check(rule, `
      # syntax=docker/dockerfile:1.9
      FROM alpine:3.20
      # check=skip=JSONArgsRecommended
      #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error[DF212]: a '# check=skip=' comment on an instruction: available from docker/dockerfile:1.21, but the syntax directive pins 1.9
      CMD node server.js
    `));

  it("ignores unpinned and foreign frontends", () => {
    check(rule, `
      # syntax=docker/dockerfile:1
      FROM alpine:3.20
      COPY --parents --link a /b/
    `);
    check(rule, `
      # syntax=example.com/my/frontend:1.0
      FROM alpine:3.20
      COPY --link a /b
    `);
    check(rule, `
      FROM alpine:3.20
      COPY --link a /b
    `);
  });

  it("raises the pinned version", () =>
    checkFix(rule, `
      # syntax=docker.io/docker/dockerfile:1.2.1
      FROM alpine:3.20
      COPY --link a /b
    `, `
      # syntax=docker.io/docker/dockerfile:1.4
      FROM alpine:3.20
      COPY --link a /b
    `, { unsafe: true }));
});
