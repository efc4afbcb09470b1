import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/multiple-cmd.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL4003 multiple-cmd", () => {
  it("reports every CMD but the last of a stage", () =>
    check(rule, `
      FROM node:22
      CMD ["a"]
      #^^ warning[DL4003]: This CMD has no effect: the CMD on line 4 replaces it (only the last CMD of this stage counts)
      cmd b
      #^^ warning[DL4003]: This CMD has no effect: the CMD on line 4 replaces it (only the last CMD of this stage counts)
      CMD c
    `));

  it("counts per stage and names the stage", () =>
    check(rule, `
      FROM node:22 AS build
      CMD ["a"]
      FROM node:22 AS run
      CMD ["b"]
      #^^ warning[DL4003]: This CMD has no effect: the CMD on line 5 replaces it (only the last CMD of stage 'run' counts)
      CMD ["c"]
    `));

  it("does not count ONBUILD CMD or other instructions", () =>
    check(rule, `
      FROM node:22
      ONBUILD CMD ["a"]
      ENTRYPOINT ["x"]
      CMD ["b"]
    `));

  it("finds a CMD spread over continuation lines", () =>
    check(rule, `
      FROM node:22
      CMD node \\
      #^^ warning[DL4003]: This CMD has no effect: the CMD on line 4 replaces it (only the last CMD of this stage counts)
        a.js
      CMD ["node", "b.js"]
    `));

  it("removes the ignored CMD (unsafe)", () =>
    checkFix(rule, `
      FROM node:22
      CMD ["a"]
      CMD ["b"]
    `, `
      FROM node:22
      CMD ["b"]
    `, { unsafe: true }));

  it("offers no safe fix", () =>
    checkFix(rule, `
      FROM node:22
      CMD ["a"]
      CMD ["b"]
    `, `
      FROM node:22
      CMD ["a"]
      CMD ["b"]
    `));
});
