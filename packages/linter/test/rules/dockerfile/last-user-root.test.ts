import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/last-user-root.js";
import { check } from "../../helpers/check.js";

describe("DL3002 last-user-root", () => {
  it("reports a stage whose last USER is root, by name or id, with or without a group", () =>
    check(rule, `
      FROM alpine:3.20 AS a
      USER app
      USER root
      #    ^^^^ warning[DL3002]: The last USER of stage 'a' is 'root': switch to an unprivileged user before the stage ends
      FROM alpine:3.20
      USER 0:0
      #    ^ warning[DL3002]: The last USER of this stage is '0': switch to an unprivileged user before the stage ends
      FROM alpine:3.20
      USER "root":wheel
      #    ^^^^^^ warning[DL3002]: The last USER of this stage is 'root': switch to an unprivileged user before the stage ends
    `));

  it("accepts a later unprivileged USER, stages without USER and variables", () =>
    check(rule, `
      FROM alpine:3.20
      USER root
      RUN apk add --no-cache curl
      USER 1000:1000
      FROM alpine:3.20
      RUN true
      FROM alpine:3.20
      USER \${APP_USER}
      FROM alpine:3.20
      USER rooter
    `));

  it("ignores USER inside ONBUILD", () =>
    check(rule, `
      FROM alpine:3.20
      USER app
      ONBUILD USER root
    `));
});
