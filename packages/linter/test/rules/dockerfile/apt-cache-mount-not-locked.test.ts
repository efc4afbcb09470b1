import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/apt-cache-mount-not-locked.js";
import { check, checkFix } from "../../helpers/check.js";

const message = (target: string) => `This cache mount on ${target} is shared by builds that run at once, and apt expects to be alone there: add sharing=locked`;

describe("DF218 apt-cache-mount-not-locked", () => {
  it("reports shared cache mounts on apt's folders", () =>
    check(rule, `
      FROM debian:12
      RUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,dst=/var/lib/apt/lists/,sharing=shared apt-get update
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DF218]: ${message("/var/cache/apt")}
      #                                            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DF218]: ${message("/var/lib/apt/lists/")}
      RUN --mount=type=cache,target=/var apt-get install -y curl
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DF218]: ${message("/var")}
    `));

  it("accepts locked and private caches, other folders and other mount types", () =>
    check(rule, `
      FROM debian:12
      RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=private apt-get update
      RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt
      RUN --mount=type=tmpfs,target=/var/lib/apt --mount=type=bind,target=/var/cache/apt apt-get update
      RUN --mount=type=cache,target=$APT_CACHE apt-get update
    `));

  it("fixes by adding sharing=locked or changing shared to locked", () =>
    checkFix(
      rule,
      "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt,sharing=shared apt-get update\n",
      "FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update\n",
    ));

  it("adds sharing=locked inside a quoted mount, and leaves a quoted sharing=shared to the author", () => {
    checkFix(
      rule,
      'FROM debian:12\nRUN --mount="type=cache,target=/var/cache/apt" apt-get update\n',
      'FROM debian:12\nRUN --mount="type=cache,target=/var/cache/apt,sharing=locked" apt-get update\n',
    );
    checkFix(
      rule,
      "FROM debian:12\nRUN --mount='type=cache,sharing=shared,target=/var/cache/apt' apt-get update\n",
      "FROM debian:12\nRUN --mount='type=cache,sharing=shared,target=/var/cache/apt' apt-get update\n",
    );
  });
});

describe("DF218 and other tools' caches", () => {
  it("leaves a cache on a folder above apt's to RUNs that do not run apt", () =>
    check(rule, `
      FROM alpine:3.20
      RUN --mount=type=cache,target=/var/cache apk add curl=8.9.1-r0
      RUN --mount=type=cache,target=/var npm ci
      RUN --mount=type=cache,target=/var/cache apt-get update
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DF218]: This cache mount on /var/cache is shared by builds that run at once, and apt expects to be alone there: add sharing=locked
      RUN --mount=type=cache,target=/var/cache/apt ./install.sh
      #   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DF218]: This cache mount on /var/cache/apt is shared by builds that run at once, and apt expects to be alone there: add sharing=locked
    `));
});
