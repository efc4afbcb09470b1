import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-mount.js";
import { check } from "../../helpers/check.js";

describe("DF115 invalid-mount", () => {
  it("reports unknown options with a suggestion", () =>
    check(rule, `
      FROM golang:1.23
      RUN --mount=type=cache,traget=/root/.cache/go-build go build ./...
      #                      ^^^^^^ error[DF115]: Unknown --mount option 'traget'; did you mean 'target'?
    `));

  it("reports unknown types and bad values", () =>
    check(rule, `
      FROM golang:1.23
      RUN --mount=type=volume,target=/data true
      #                ^^^^^^ error[DF115]: Unknown mount type 'volume'; BuildKit has bind, cache, tmpfs, secret, ssh
      RUN --mount=type=cache,target=/x,sharing=exclusive true
      #                                        ^^^^^^^^^ error[DF115]: Unknown cache sharing mode 'exclusive'; use shared, private or locked
      RUN --mount=type=bind,target=/x,sharing=locked true
      #                               ^^^^^^^^^^^^^^ error[DF115]: 'sharing' applies to cache mounts only, not to a bind mount
      RUN --mount=type=cache,target=/x,mode=rwx,uid=app true
      #                                     ^^^ error[DF115]: --mount mode 'rwx' is not an octal file mode (e.g. 0755)
      #                                             ^^^ error[DF115]: --mount uid 'app' is not a number
      RUN --mount=type=bind,target=/,ro=maybe true
      #                            ^ error[DF115]: A mount cannot cover '/': choose a directory below it
      #                                 ^^^^^ error[DF115]: --mount option 'ro' takes true or false, not 'maybe'
      RUN --mount=type=secret,id true
      #                       ^^ error[DF115]: --mount option 'id' needs a value: write 'id=<value>'
    `));

  it("accepts mounts without a target (they resolve against WORKDIR)", () =>
    check(rule, `
      FROM golang:1.23
      RUN --mount=type=bind,source=.,rw --mount=ro go build ./...
    `));

  it("accepts valid mounts of every type", () =>
    check(rule, `
      FROM golang:1.23 AS build
      RUN --mount=type=cache,target=/root/.cache,sharing=locked,id=go,mode=0755,uid=1000,gid=1000 \\
          --mount=type=bind,from=build,source=/src,dst=/src,rw \\
          --mount=type=tmpfs,target=/tmp,size=64m \\
          --mount=type=secret,id=npmrc,required=true,env=NPM_TOKEN \\
          --mount=type=ssh \\
          --mount=type=CACHE,target=$CACHE_DIR,readonly \\
          go build ./...
    `));
});
