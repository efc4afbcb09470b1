import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/useradd-missing-no-log-init.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3046 useradd-missing-no-log-init", () => {
  it("reports high uids without -l", () =>
    check(rule, `
      FROM debian:12
      RUN useradd -u 1000000 app && useradd --uid=2000000 b
      #   ^^^^^^^ warning[DL3046]: useradd with uid 1000000 and without --no-log-init makes a huge /var/log/lastlog
      #                             ^^^^^^^ warning[DL3046]: useradd with uid 2000000 and without --no-log-init makes a huge /var/log/lastlog
      ARG APP_UID=123456
      ONBUILD RUN useradd -u $APP_UID app
      #           ^^^^^^^ warning[DL3046]: useradd with uid 123456 and without --no-log-init makes a huge /var/log/lastlog
    `));

  it("accepts -l, --no-log-init, low uids, no uid and unknown values", () =>
    check(rule, `
      FROM debian:12
      RUN useradd -l -u 1000000 a && useradd --no-log-init -u 1000000 b && useradd -u 1000 c && useradd d
      RUN useradd -u $UNKNOWN e && useradd -c "-u 1000000" f
    `));

  it("reads continuations and heredoc scripts", () =>
    check(rule, `
      FROM debian:12
      RUN useradd \\
      #   ^^^^^^^ warning[DL3046]: useradd with uid 1000000 and without --no-log-init makes a huge /var/log/lastlog
            -u 1000000 app
      RUN <<EOF
      useradd -u 1000000 app
      #^^^^^^ warning[DL3046]: useradd with uid 1000000 and without --no-log-init makes a huge /var/log/lastlog
      EOF
    `));

  it("inserts --no-log-init after useradd", () =>
    checkFix(rule, `
      FROM debian:12
      RUN useradd \\
            -u 1000000 app
    `, `
      FROM debian:12
      RUN useradd --no-log-init \\
            -u 1000000 app
    `));
});
