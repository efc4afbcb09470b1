import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/shell-not-json.js";
import { check } from "../../helpers/check.js";

describe("DF111 shell-not-json", () => {
  it("reports shell form, single quotes and an empty array", () =>
    check(rule, `
      FROM debian:12
      SHELL /bin/bash -c
      #     ^^^^^^^^^^^^ error[DF111]: SHELL takes a JSON array of strings, e.g. ["/bin/bash", "-c"]
      SHELL ['/bin/bash', '-c']
      #     ^^^^^^^^^^^^^^^^^^^ error[DF111]: SHELL takes a JSON array, and JSON strings use double quotes, not single quotes
      SHELL []
      #     ^^ error[DF111]: SHELL needs at least the shell program: [] is empty
    `));

  it("accepts a JSON array, also over several lines", () =>
    check(rule, `
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      SHELL ["cmd", \\
             "/S", "/C"]
    `));
});
