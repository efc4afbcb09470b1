import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/yarn-cache-not-cleaned.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "Run 'yarn cache clean' after yarn install in the same RUN, or yarn's cache stays in the layer";

describe("DL3060 yarn-cache-not-cleaned", () => {
  it("reports yarn install without a later cache clean", () =>
    check(rule, `
      FROM node:22
      RUN yarn install --frozen-lockfile
      #   ^^^^ info[DL3060]: ${MESSAGE}
      RUN yarn cache clean && yarn install
      #                       ^^^^ info[DL3060]: ${MESSAGE}
      ONBUILD RUN yarn install
      #           ^^^^ info[DL3060]: ${MESSAGE}
    `));

  it("accepts cache clean, removing the cache, cache mounts, and build-only stages", () =>
    check(rule, `
      FROM node:22 AS deps
      RUN yarn install
      FROM node:22
      RUN yarn install && yarn cache clean
      RUN yarn install && rm -rf /usr/local/share/.cache/yarn
      RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install
      RUN yarn add lodash@4.17.21 && yarn build
    `));

  it("reads continuations and heredoc scripts", () =>
    check(rule, `
      FROM node:22
      RUN yarn install \\
       && yarn cache \\
            clean
      RUN <<EOF
      yarn install
      #^^^ info[DL3060]: ${MESSAGE}
      EOF
    `));
});
