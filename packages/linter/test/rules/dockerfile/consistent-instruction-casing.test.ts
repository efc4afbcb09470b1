import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/consistent-instruction-casing.js";
import { check, checkFix } from "../../helpers/check.js";

describe("ConsistentInstructionCasing consistent-instruction-casing", () => {
  it("reports keywords against an uppercase majority, mixed case always", () =>
    check(rule, `
      FROM alpine:3.20
      run true
      #^^ warning[ConsistentInstructionCasing]: 'run' should be 'RUN', the uppercase used by most instructions in this file
      Copy a /a
      #^^^ warning[ConsistentInstructionCasing]: 'Copy' should be 'COPY', the uppercase used by most instructions in this file
      CMD ["a"]
    `));

  it("follows a lowercase majority; a tie means uppercase", () => {
    check(rule, `
      from alpine:3.20
      run true
      CMD ["a"]
      #^^ warning[ConsistentInstructionCasing]: 'CMD' should be 'cmd', the lowercase used by most instructions in this file
    `);
    check(rule, `
      from alpine:3.20
      # warning[ConsistentInstructionCasing]: 'from' should be 'FROM', the uppercase used by most instructions in this file
      CMD ["a"]
    `.replace("# warning", "#^^^ warning"));
  });

  it("ignores unknown instructions (a parse error of their own)", () =>
    check(rule, `
      FROM alpine:3.20
      RUN true
      apt-get install -y curl
    `));

  it("leaves ONBUILD triggers alone", () =>
    check(rule, `
      FROM alpine:3.20
      ONBUILD run true
    `));

  it("rewrites the keyword", () =>
    checkFix(rule, `
      FROM alpine:3.20
      Run true
      run false
      CMD ["a"]
    `, `
      FROM alpine:3.20
      RUN true
      RUN false
      CMD ["a"]
    `));
});
