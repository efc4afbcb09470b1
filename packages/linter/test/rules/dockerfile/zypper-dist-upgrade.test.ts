import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/zypper-dist-upgrade.js";
import { check } from "../../helpers/check.js";

describe("DL3035 zypper-dist-upgrade", () => {
  it("reports dist-upgrade and dup", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper -n dist-upgrade && zypper --non-interactive \\
      #             ^^^^^^^^^^^^ warning[DL3035]: Do not run 'zypper dist-upgrade' in an image: build from a newer base image instead
            dup
      #     ^^^ warning[DL3035]: Do not run 'zypper dup' in an image: build from a newer base image instead
      ONBUILD RUN zypper dup
      #                  ^^^ warning[DL3035]: Do not run 'zypper dup' in an image: build from a newer base image instead
      RUN <<EOF
      zypper -n dup
      #         ^^^ warning[DL3035]: Do not run 'zypper dup' in an image: build from a newer base image instead
      EOF
    `));

  it("ignores other subcommands and packages named dup", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper -n install dup=1.0 && zypper -n update && zypper -n patch
    `));
});
