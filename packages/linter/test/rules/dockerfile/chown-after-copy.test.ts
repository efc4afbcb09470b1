import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/chown-after-copy.js";
import { check } from "../../helpers/check.js";

const message = (tool: string, path: string, kw: string, line: number, advice: string) =>
  `${tool} -R on '${path}' changes the files the ${kw} on line ${line} wrote, so this layer stores them again: give that ${kw} ${advice} instead`;

describe("DF216 chown-after-copy", () => {
  it("reports chown -R and chmod -R on what a COPY or ADD wrote, or a folder above it", () =>
    check(rule, `
      FROM node:22-slim
      WORKDIR /app
      COPY . .
      RUN chown -R node:node /app
      #                      ^^^^ warning[DF216]: ${message("chown", "/app", "COPY", 3, "--chown=node:node")}
      ADD vendor.tar.gz /opt/vendor/
      RUN chmod -R 755 /opt && chown --recursive 1000 /opt/vendor/
      #                ^^^^ warning[DF216]: ${message("chmod", "/opt", "ADD", 5, "--chmod=755")}
      #                                               ^^^^^^^^^^^^ warning[DF216]: ${message("chown", "/opt/vendor/", "ADD", 5, "--chown=1000")}
    `));

  it("resolves relative paths, WORKDIR chains, variables, globs and flag clusters", () =>
    check(rule, `
      FROM debian:12
      ENV APP_HOME=/srv/app
      WORKDIR $APP_HOME
      WORKDIR web
      COPY static ./static
      RUN chmod -Rf a+r static
      #                 ^^^^^^ warning[DF216]: ${message("chmod", "static", "COPY", 5, "--chmod=a+r")}
      RUN chown -hR www-data "$APP_HOME"/*
      #                      ^^^^^^^^^^^^^ warning[DF216]: ${message("chown", "/srv/app/*", "COPY", 5, "--chown=www-data")}
      RUN chmod -R --reference=/etc/hosts /srv/app/web/static/css
      RUN chown -R 1000 ../web
      #                 ^^^^^^ warning[DF216]: ${message("chown", "../web", "COPY", 5, "--chown=1000")}
    `));

  it("accepts other paths, changes without -R, unknown working directories, a cd before, and build stages", () =>
    check(rule, `
      FROM debian:12 AS build
      COPY . /src
      RUN chown -R 1000 /src
      FROM debian:12
      COPY app /app
      RUN chown -R 1000 /data /app/cache && chown 1000 /app && chmod 755 /app
      COPY conf conf
      RUN chown -R 1000 conf
      RUN cd / && chown -R 1000 app
      RUN chown -R 1000 "$UNSET"
      RUN chown -R 1000 /other
      COPY --chown=1000 lib /lib2
      COPY etc /etc/app
      RUN chown -R root:root /etc/app && chown -R 0 /etc/app/x && chown -R :root /etc/app
    `));

  it("reports a chown to root of what a COPY --chown wrote", () =>
    check(rule, `
      FROM debian:12
      COPY --chown=1000 etc /etc/app
      RUN chown -R root:root /etc/app
      #                      ^^^^^^^^ warning[DF216]: ${message("chown", "/etc/app", "COPY", 2, "--chown=root:root")}
    `));

  it("follows the working directory into stages built on a stage", () =>
    check(rule, `
      FROM scratch AS base
      WORKDIR /w
      FROM base
      COPY x x
      RUN chown -R 1 x
      #              ^ warning[DF216]: ${message("chown", "x", "COPY", 4, "--chown=1")}
    `));
});

describe("DF216 when the COPY already sets it", () => {
  it("says the chown -R repeats the COPY's --chown, and to remove it", () =>
    check(rule, `
      FROM node:20
      COPY --chown=node:node app /app
      RUN chown -R node:node /app
      #                      ^^^^ warning[DF216]: chown -R on '/app' sets again the --chown=node:node the COPY on line 2 already gave its files, and this layer stores them again: remove it
      COPY --chmod=755 bin /bin2
      RUN chmod -R 644 /bin2
      #                ^^^^^ warning[DF216]: chmod -R on '/bin2' changes the files the COPY on line 4 wrote, so this layer stores them again: give that COPY --chmod=644 instead
    `));
});
