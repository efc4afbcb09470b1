import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/gem-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3028 gem-unpinned", () => {
  it("reports gems without a version, also after options", () =>
    check(rule, `
      FROM ruby:3.3
      RUN gem install --no-document rails bundler:2.5.22
      #                             ^^^^^ warning[DL3028]: Pin the version of 'rails' in gem install (rails:<version>)
      RUN gem i -N --install-dir /gems puma
      #                                ^^^^ warning[DL3028]: Pin the version of 'puma' in gem install (puma:<version>)
    `));

  it("accepts -v, --version, name:version and .gem files", () =>
    check(rule, `
      FROM ruby:3.3
      RUN gem install rails -v 7.2.1 && gem install rake --version=13.2.1 && gem install ./x.gem bundler:2.5.22
      RUN gem update --system
    `));

  it("reads continuations, ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM ruby:3.3
      RUN gem install \\
            rack
      #     ^^^^ warning[DL3028]: Pin the version of 'rack' in gem install (rack:<version>)
      ONBUILD RUN gem install puma
      #                       ^^^^ warning[DL3028]: Pin the version of 'puma' in gem install (puma:<version>)
      RUN <<EOF
      gem install rake
      #           ^^^^ warning[DL3028]: Pin the version of 'rake' in gem install (rake:<version>)
      EOF
    `));
});

describe("DL3028 and build options", () => {
  it("reads no gem after --: what follows goes to the gem's build", () =>
    check(rule, `
      FROM ruby:3.3
      RUN gem install mysql2:0.5.6 -- --with-mysql-config=/usr/bin/mysql_config
      RUN gem install nokogiri -- --use-system-libraries
      #               ^^^^^^^^ warning[DL3028]: Pin the version of 'nokogiri' in gem install (nokogiri:<version>)
    `));
});
