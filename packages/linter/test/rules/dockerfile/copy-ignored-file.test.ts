import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/copy-ignored-file.js";
import { check } from "../../helpers/check.js";

const options = { dockerignore: "# build output\nnode_modules\n*.log\ndist/\n" };

describe("CopyIgnoredFile copy-ignored-file", () => {
  it("reports sources the .dockerignore excludes, and their children", () =>
    check(rule, `
      FROM node:22-slim
      COPY node_modules ./node_modules
      #    ^^^^^^^^^^^^ warning[CopyIgnoredFile]: 'node_modules' is excluded by .dockerignore, so COPY will not find it in the build context
      ADD ["debug.log", "dist/app.js", "/srv/"]
      #    ^^^^^^^^^^^ warning[CopyIgnoredFile]: 'debug.log' is excluded by .dockerignore, so ADD will not find it in the build context
      #                 ^^^^^^^^^^^^^ warning[CopyIgnoredFile]: 'dist/app.js' is excluded by .dockerignore, so ADD will not find it in the build context
      ARG OUT=dist
      COPY $OUT/ /srv/
      #    ^^^^^ warning[CopyIgnoredFile]: 'dist/' is excluded by .dockerignore, so COPY will not find it in the build context
    `, { options }));

  it("accepts other sources, other stages, URLs and the whole context", () =>
    check(rule, `
      FROM node:22-slim AS build
      COPY package.json src/ ./
      COPY . .
      COPY --from=build /app/node_modules /x/
      ADD https://example.com/a.log /tmp/
      COPY $UNKNOWN /x/
    `, { options }));

  it("reports '.' only under a match-everything pattern", () =>
    check(rule, `
      FROM node:22-slim
      COPY . /app/
      #    ^ warning[CopyIgnoredFile]: '.' is excluded by .dockerignore, so COPY will not find it in the build context
    `, { options: { dockerignore: "*\n" } }));

  it("stays silent with exceptions, or without a .dockerignore", () => {
    check(rule, `
      FROM node:22-slim
      COPY debug.log /x/
    `, { options: { dockerignore: "*.log\n!keep.log\n" } });
    check(rule, `
      FROM node:22-slim
      COPY node_modules /x/
    `);
  });
});
