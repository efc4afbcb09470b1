import { describe, expect, it } from "vitest";
import latestTag from "../src/rules/dockerfile/latest-tag.js";
import untagged from "../src/rules/dockerfile/untagged-image.js";
import stageNameCasing from "../src/rules/dockerfile/stage-name-casing.js";
import jsonArgs from "../src/rules/dockerfile/json-args-recommended.js";
import unusedSuppression from "../src/rules/dockerfile/unused-suppression.js";
import { lintSync } from "../src/lint.js";
import { SYNTAX_RULES } from "../src/rules/syntax.js";
import { check } from "./helpers/check.js";

describe("hadolint pragmas", () => {
  it("ignore= applies to the next instruction only", () =>
    check(latestTag, `
      # hadolint ignore=DL3007
      FROM node:latest
      FROM node:latest AS b
      #         ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `));

  it("accepts names, lists, spaces and a # comment after the codes", () =>
    check(latestTag, `
      # hadolint ignore = DL3006 , latest-tag  # pinned by the release job
      FROM node:latest
    `));

  it("lets comment lines sit between the pragma and the instruction, not blank lines", () =>
    check(latestTag, `
      # hadolint ignore=DL3007
      # another comment
      FROM node:latest

      # hadolint ignore=DL3007

      FROM node:latest AS b
      #         ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `));

  it("global ignore= applies to the whole file, from anywhere", () =>
    check(latestTag, `
      FROM node:latest
      FROM node:latest AS b
      # hadolint global ignore=DL3007
    `));

  it("stage ignore= applies up to the next FROM", () =>
    check(latestTag, `
      # hadolint stage ignore=DL3007
      FROM node:latest
      FROM alpine:latest
      #           ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `));

  it("does not hide rules it does not name", () =>
    check(untagged, `
      # hadolint ignore=DL3007
      FROM node
      #    ^^^^ warning[DL3006]: Tag the image 'node' with an explicit version
    `));

  it("shell= makes the stage's shell a chosen one", () =>
    check(jsonArgs, `
      FROM mcr.microsoft.com/powershell:7.4
      # hadolint shell=pwsh
      CMD Write-Host hi
      FROM node:22
      CMD node server.js
      #   ^^^^^^^^^^^^^^ warning[DL3025]: Use the JSON form for CMD so the command receives signals directly
    `));

  it("is switched off by disable-ignore-pragma", () =>
    check(latestTag, `
      # hadolint ignore=DL3007
      FROM node:latest
      #         ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `, { config: { disableIgnorePragma: true } }));
});

describe("pragmas in a CRLF file", () => {
  it("work as with LF", () => {
    const text = "# shipshape ignore=DL3007 -- pinned\r\nFROM a:latest\r\n# hadolint ignore=DL3007 # why\r\nFROM b:latest AS b\r\nFROM c:latest AS c\r\n";
    const found = lintSync({ path: "Dockerfile", text }, { rules: [latestTag], noConfigSearch: true });
    expect(found.map((d) => text.slice(d.range.start - 2, d.range.end))).toEqual(["c:latest"]);
  });
});

describe("shipshape pragmas", () => {
  it("ignore= with a reason applies to the next instruction", () =>
    check(latestTag, `
      # shipshape ignore=DL3007 -- the release job pins it
      FROM node:latest
      FROM node:latest AS b
      #         ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `));

  it("ignore-file= applies to the whole file", () =>
    check(latestTag, `
      FROM node:latest
      # shipshape ignore-file=latest-tag
      FROM node:latest AS b
    `));
});

describe("BuildKit check directive", () => {
  it("skip= skips named checks for the file, by check name", () =>
    check(stageNameCasing, `
      # check=skip=StageNameCasing
      FROM alpine:3.20 AS Build
    `));

  it("skip=all skips BuildKit checks only", () =>
    check(stageNameCasing, `
      # check=skip=all
      FROM alpine:latest AS Build
      #           ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
    `, { also: [latestTag] }));

  it("error=true raises BuildKit checks to errors", () =>
    check(stageNameCasing, `
      # check=error=true
      FROM alpine:latest AS Build
      #           ^^^^^^ warning[DL3007]: Pin a version instead of 'latest'
      #                     ^^^^^ error[StageNameCasing]: Stage name 'Build' should be lowercase
    `, { also: [latestTag] }));

  it("a check=skip comment right above an instruction skips for that instruction", () =>
    check(stageNameCasing, `
      FROM alpine:3.20 AS base
      # check=skip=StageNameCasing // reason
      FROM alpine:3.20 AS Build
      FROM alpine:3.20 AS Other
      #                   ^^^^^ warning[StageNameCasing]: Stage name 'Other' should be lowercase
    `));

  it("is not turned off by disable-ignore-pragma (it is build configuration)", () =>
    check(stageNameCasing, `
      # check=skip=StageNameCasing
      FROM alpine:3.20 AS Build
    `, { config: { disableIgnorePragma: true } }));
});

describe("unused-suppression", () => {
  it("reports codes that suppress nothing and unknown codes", () =>
    check(unusedSuppression, `
      # hadolint ignore=DL3007,DL9999
      #                        ^^^^^^ warning[SS001]: Unknown rule 'DL9999' in suppression
      FROM node:latest
      # hadolint ignore=DL3007
      #                 ^^^^^^ warning[SS001]: Suppression of 'DL3007' matches no diagnostic
      FROM node:20
    `, { also: [latestTag] }));

  it("says nothing about rules that did not run, or BuildKit checks we do not implement", () =>
    check(unusedSuppression, `
      # check=skip=InvalidBaseImagePlatform
      # hadolint ignore=DL3006
      FROM node:20
    `));
});

describe("syntax errors", () => {
  it("are reported with their rule and are never suppressed", () => {
    const text = "# hadolint global ignore=DF007\nFROM alpine:3.20\nENV a=b c\n";
    const found = lintSync({ path: "Dockerfile", text }, { rules: [...SYNTAX_RULES], noConfigSearch: true });
    expect(found.map((d) => [d.code, d.category, d.severity])).toEqual([["DF007", "syntax", "error"]]);
  });

  it("do not stop the other rules", () => {
    const text = "FROM alpine:latest\nENV a=b c\n";
    const found = lintSync({ path: "Dockerfile", text }, { rules: [...SYNTAX_RULES, latestTag], noConfigSearch: true });
    expect(found.map((d) => d.code).sort()).toEqual(["DF007", "DL3007"]);
  });
});
