import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-definition-description.js";
import { check } from "../../helpers/check.js";

describe("InvalidDefinitionDescription invalid-definition-description", () => {
  it("reports descriptions that do not start with the name", () =>
    check(rule, `
      # the version to use
      #^^^^^^^^^^^^^^^^^^^ warning[InvalidDefinitionDescription]: A comment describing ARG VERSION should start with its name: '# VERSION <description>'
      ARG VERSION=1
      # builds the app
      #^^^^^^^^^^^^^^^ warning[InvalidDefinitionDescription]: A comment describing stage 'build' should start with its name: '# build <description>'
      FROM golang:1.23 AS build
      # several
      #^^^^^^^^ warning[InvalidDefinitionDescription]: A comment describing these ARGs should start with its name: '# <name> <description>'
      ARG A B
    `));

  it("accepts good descriptions, separated comments, pragmas and unnamed stages", () =>
    check(rule, `
      # VERSION the version to use
      ARG VERSION=1
      # a general note

      ARG OTHER
      # Build compiles the app
      FROM golang:1.23 AS build
      # hadolint ignore=DL3006
      FROM base
      # B is the second
      ARG A B
    `));
});
