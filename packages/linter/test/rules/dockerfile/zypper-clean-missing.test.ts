import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/zypper-clean-missing.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "Run 'zypper clean' after zypper install in the same RUN, or the package cache stays in the layer";

describe("DL3036 zypper-clean-missing", () => {
  it("reports install without a later clean", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper -n install httpd=2.4.58
      #   ^^^^^^ warning[DL3036]: ${MESSAGE}
      RUN zypper clean && zypper -n in httpd=2.4.58
      #                   ^^^^^^ warning[DL3036]: ${MESSAGE}
      ONBUILD RUN zypper -n in git=2.1
      #           ^^^^^^ warning[DL3036]: ${MESSAGE}
    `));

  it("accepts clean, cc, removing the cache and cache mounts", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper -n install httpd=2.4.58 && zypper clean --all
      RUN zypper -n install httpd=2.4.58 && zypper cc
      RUN zypper -n install httpd=2.4.58 && rm -rf /var/cache/zypp/*
      RUN --mount=type=cache,target=/var/cache/zypp zypper -n install httpd=2.4.58
    `));

  it("reads continuations and heredoc scripts", () =>
    check(rule, `
      FROM opensuse/leap:15.6
      RUN zypper -n install httpd=2.4.58 \\
       && zypper clean
      RUN <<EOF
      zypper -n in jq=1.7
      #^^^^^ warning[DL3036]: ${MESSAGE}
      EOF
    `));
});
