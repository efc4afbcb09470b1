import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/user-non-numeric.js";
import { check } from "../../helpers/check.js";

describe("DL3066 user-non-numeric", () => {
  it("reports user names, also known through variables", () =>
    check(rule, `
      FROM node:22
      USER node
      #    ^^^^ info[DL3066]: USER 'node' is a name: use the numeric user id so the runtime can verify who the container runs as
      ARG APP_USER=app
      USER \${APP_USER}:1000
      #    ^^^^^^^^^^^ info[DL3066]: USER 'app' is a name: use the numeric user id so the runtime can verify who the container runs as
    `));

  it("accepts numeric ids and unknown variables", () =>
    check(rule, `
      FROM node:22
      USER 1000
      USER 1000:node
      ARG UID=1001
      USER $UID
      USER $UNKNOWN
    `));

  it("skips Windows stages, whose users have no numeric ids", () =>
    check(rule, `
      FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
      USER ContainerUser
    `));
});
