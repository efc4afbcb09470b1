import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/json-single-quotes.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DF112 json-single-quotes", () => {
  it("reports single-quoted arrays", () =>
    check(rule, `
      FROM node:22-alpine
      CMD ['node', 'server.js']
      #   ^^^^^^^^^^^^^^^^^^^^^ warning[DF112]: CMD is meant as a JSON array but uses single quotes, so it runs as shell form; use double quotes
      VOLUME ['/data']
      #      ^^^^^^^^^ warning[DF112]: VOLUME is meant as a JSON array but uses single quotes, so it runs as shell form; use double quotes
    `));

  it("accepts JSON, shell form and shell quoting", () =>
    check(rule, `
      FROM node:22-alpine
      CMD ["node", "server.js"]
      RUN echo '[1, 2]'
      RUN ['a' 'b']
      SHELL ['/bin/sh', '-c']
    `));

  it("swaps the quotes and escapes what JSON needs", () =>
    checkFix(rule, `
      FROM node:22-alpine
      ENTRYPOINT [ 'node','--title="a b"' ]
      CMD ['server.js']
    `, `
      FROM node:22-alpine
      ENTRYPOINT ["node", "--title=\\"a b\\""]
      CMD ["server.js"]
    `));
});
