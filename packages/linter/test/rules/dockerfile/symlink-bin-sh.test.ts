import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/symlink-bin-sh.js";
import { check } from "../../helpers/check.js";

describe("DL4005 symlink-bin-sh", () => {
  it("reports links created at /bin/sh", () =>
    check(rule, `
      FROM debian:12
      RUN ln -sf /bin/bash /bin/sh
      #                    ^^^^^^^ warning[DL4005]: Do not replace /bin/sh: set the shell of RUN with SHELL instead
      ONBUILD RUN ln -s bash /usr/bin/sh
      #                      ^^^^^^^^^^^ warning[DL4005]: Do not replace /usr/bin/sh: set the shell of RUN with SHELL instead
    `));

  it("ignores links from /bin/sh elsewhere and other commands", () =>
    check(rule, `
      FROM debian:12
      RUN ln -s /bin/sh /usr/local/bin/sh && ln -t /bin /opt/sh && echo /bin/sh
    `));

  it("reads continuations and heredoc scripts", () =>
    check(rule, `
      FROM debian:12
      RUN ln -sf \\
            /bin/bash /bin/sh
      #               ^^^^^^^ warning[DL4005]: Do not replace /bin/sh: set the shell of RUN with SHELL instead
      RUN <<EOF
      ln -sf /bin/dash /bin/sh
      #                ^^^^^^^ warning[DL4005]: Do not replace /bin/sh: set the shell of RUN with SHELL instead
      EOF
    `));
});
