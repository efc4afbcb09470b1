import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/mount-from-later-stage.js";
import { check } from "../../helpers/check.js";

describe("DF203 mount-from-later-stage", () => {
  it("reports mounts from later stages and from the stage itself", () =>
    check(rule, `
      FROM alpine:3.20 AS app
      RUN --mount=from=assets,target=/assets cp -r /assets /srv/
      #                ^^^^^^ error[DF203]: Stage 'assets' is defined later (line 3); RUN --mount from= can only use earlier stages
      FROM alpine:3.20 AS assets
      RUN --mount=type=bind,from=Assets,target=/x true
      #                          ^^^^^^ error[DF203]: RUN --mount from=Assets names the stage it is in; a stage cannot mount itself
    `));

  it("accepts earlier stages and images", () =>
    check(rule, `
      FROM alpine:3.20 AS assets
      FROM alpine:3.20
      RUN --mount=from=assets,target=/assets --mount=from=nginx:1.27,source=/etc/nginx,target=/n true
      COPY --from=assets /a /b
    `));
});
