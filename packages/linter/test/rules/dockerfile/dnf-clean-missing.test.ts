import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/dnf-clean-missing.js";
import { check } from "../../helpers/check.js";

describe("DL3040 dnf-clean-missing", () => {
  it("reports installs and upgrades without a later clean all", () =>
    check(rule, `
      FROM fedora:41
      RUN dnf install -y httpd-2.4.62
      #   ^^^ warning[DL3040]: Run 'dnf clean all' after dnf install in the same RUN, or the package cache stays in the layer
      RUN microdnf upgrade -y && microdnf clean packages
      #   ^^^^^^^^ warning[DL3040]: Run 'microdnf clean all' after microdnf upgrade in the same RUN, or the package cache stays in the layer
      ONBUILD RUN dnf in -y git-2.1
      #           ^^^ warning[DL3040]: Run 'dnf clean all' after dnf in in the same RUN, or the package cache stays in the layer
    `));

  it("accepts clean all, removing the caches, and cache mounts", () =>
    check(rule, `
      FROM fedora:41
      RUN dnf install -y httpd-2.4.62 && dnf clean all
      RUN microdnf install -y httpd-2.4.62 && microdnf clean all
      RUN dnf install -y httpd-2.4.62 && rm -rf /var/cache/dnf
      RUN dnf5 install -y x || true; dnf install -y x-1 && rm -rf /var/cache/libdnf5/*
      RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y httpd-2.4.62
      RUN --mount=type=cache,target=/root/.cache/libdnf5 dnf install -y httpd-2.4.62
    `));

  it("reads continuations and heredoc scripts", () =>
    check(rule, `
      FROM fedora:41
      RUN dnf install -y httpd-2.4.62 \\
       && dnf clean \\
            all
      RUN <<EOF
      dnf install -y jq-1.7
      #^^ warning[DL3040]: Run 'dnf clean all' after dnf install in the same RUN, or the package cache stays in the layer
      EOF
    `));
});
