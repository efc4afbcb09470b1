import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/npm-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3016 npm-unpinned", () => {
  it("reports packages without a version", () =>
    check(rule, `
      FROM node:22
      RUN npm install -g typescript @types/node@22.9.0 express@latest @scope/pkg
      #                  ^^^^^^^^^^ warning[DL3016]: Pin the version of 'typescript' in npm install (typescript@<version>)
      #                                                ^^^^^^^^^^^^^^ warning[DL3016]: Pin the version of 'express@latest' in npm install (express@<version>)
      #                                                               ^^^^^^^^^^ warning[DL3016]: Pin the version of '@scope/pkg' in npm install (@scope/pkg@<version>)
      RUN npm i --registry https://r.example lodash
      #                                      ^^^^^^ warning[DL3016]: Pin the version of 'lodash' in npm install (lodash@<version>)
    `));

  it("accepts bare installs, refs, tarballs and paths", () =>
    check(rule, `
      FROM node:22
      RUN npm install && npm ci && npm install --omit=dev
      RUN npm install git+https://github.com/a/b.git#v1.0 ./x.tgz ../lib /abs ~/home lodash@4.17.21
    `));

  it("reads continuations, ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM node:22
      RUN npm install \\
            pm2
      #     ^^^ warning[DL3016]: Pin the version of 'pm2' in npm install (pm2@<version>)
      ONBUILD RUN npm install -g pnpm
      #                          ^^^^ warning[DL3016]: Pin the version of 'pnpm' in npm install (pnpm@<version>)
      RUN <<EOF
      npm install -g yarn
      #              ^^^^ warning[DL3016]: Pin the version of 'yarn' in npm install (yarn@<version>)
      EOF
    `));
});
