import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/curl-pipe-shell.js";
import { check } from "../../helpers/check.js";

describe("DF209 curl-pipe-shell", () => {
  it("reports downloads piped into a shell or interpreter", () =>
    check(rule, `
      FROM debian:12
      RUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash -
      #                                                      ^^^^ warning[DF209]: 'curl' output is piped into 'bash': a remote script runs unverified
      RUN wget -qO- https://get.example.com | sudo -E sh && echo done
      #                                               ^^ warning[DF209]: 'wget' output is piped into 'sh': a remote script runs unverified
      RUN wget --output-document=- https://get.example.com | sh
      #                                                      ^^ warning[DF209]: 'wget' output is piped into 'sh': a remote script runs unverified
      RUN set -e; \\
          curl -sSL https://install.python-poetry.org | python3 -
      #                                                 ^^^^^^^ warning[DF209]: 'curl' output is piped into 'python3': a remote script runs unverified
    `));

  it("reports it inside ONBUILD", () =>
    check(rule, `
      FROM debian:12
      ONBUILD RUN curl -fsSL https://get.example.com | sh
      #                                                ^^ warning[DF209]: 'curl' output is piped into 'sh': a remote script runs unverified
    `));

  it("accepts downloads into files, archives and other pipes", () =>
    check(rule, `
      FROM debian:12
      RUN curl -fsSL -o /tmp/setup.sh https://get.example.com && sh /tmp/setup.sh
      RUN curl -fsSL https://example.com/app.tar.gz | tar -xz -C /opt
      RUN echo hi | sh
      RUN curl -fsSL -o /usr/local/bin/drush https://example.com/drush.phar | bash
      RUN curl -fsSLO https://example.com/x.sh | sh
      RUN wget https://example.com/x.sh | sh
      RUN wget -O /tmp/x.sh https://example.com/x.sh | sh
      RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg
    `));
});
