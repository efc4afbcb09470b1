import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/unknown-flag.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DF103 unknown-flag", () => {
  it("reports flags an instruction does not take, with a suggestion when close", () =>
    check(rule, `
      FROM --platfrom=linux/amd64 alpine:3.20 AS build
      #      ^^^^^^^^ error[DF103]: Unknown flag '--platfrom' for FROM; did you mean '--platform'?
      COPY --form=build /out /app
      #      ^^^^ error[DF103]: Unknown flag '--form' for COPY; did you mean '--from'?
      COPY --checksum=sha256:abc a /b
      #      ^^^^^^^^ error[DF103]: Unknown flag '--checksum' for COPY; it takes --chown, --chmod, --from, --link, --exclude, --parents
      RUN --mout=type=cache,target=/root/.cache true
      #     ^^^^ error[DF103]: Unknown flag '--mout' for RUN; did you mean '--mount'?
      ENV --x=1 A=b
      #     ^ error[DF103]: ENV takes no flags; '--x' is unknown
    `));

  it("accepts every allowed flag", () =>
    check(rule, `
      FROM --platform=$BUILDPLATFORM alpine:3.20 AS build
      RUN --mount=type=cache,target=/var/cache --network=none --security=sandbox --device=x true
      COPY --from=build --chown=1:1 --chmod=644 --link --parents --exclude=*.md a /b/
      ADD --checksum=sha256:0123 --keep-git-dir=true --unpack=false --chown=1 --chmod=600 --link --exclude=x https://example.com/a /b
      HEALTHCHECK --interval=5s --timeout=1s --start-period=1s --start-interval=1s --retries=3 CMD true
    `));

  it("treats names case-sensitively", () =>
    check(rule, `
      FROM alpine:3.20
      COPY --FROM=build a /b
      #      ^^^^ error[DF103]: Unknown flag '--FROM' for COPY; did you mean '--from'?
    `));

  it("fixes the misspelt name and keeps the value", () =>
    checkFix(rule, `
      FROM alpine:3.20 AS build
      COPY --form=build --lnk /out /app
    `, `
      FROM alpine:3.20 AS build
      COPY --from=build --link /out /app
    `));
});
