import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-label-key.js";
import { check } from "../../helpers/check.js";

describe("DL3048 invalid-label-key", () => {
  it("reports keys that break the format", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL Maintainer=x 1abc=y good.key=z
      #     ^^^^^^^^^^ style[DL3048]: Label key 'Maintainer' must start with a lowercase letter
      #                  ^^^^ style[DL3048]: Label key '1abc' must start with a lowercase letter
      LABEL org.example.=x a..b=y a--b=z a_b@c=w
      #     ^^^^^^^^^^^^ style[DL3048]: Label key 'org.example.' must end with a lowercase letter or digit
      #                    ^^^^ style[DL3048]: Label key 'a..b' must not contain '..' or '--'
      #                           ^^^^ style[DL3048]: Label key 'a--b' must not contain '..' or '--'
      #                                  ^^^^^ style[DL3048]: Label key 'a_b@c' may only contain lowercase letters, digits, '.', '/', '_' and '-'
      LABEL com.docker.thing=1 "io.docker.x"=2
      #     ^^^^^^^^^^^^^^^^ style[DL3048]: Label key 'com.docker.thing' uses the namespace 'com.docker.' reserved for Docker
      #                        ^^^^^^^^^^^^^ style[DL3048]: Label key 'io.docker.x' uses the namespace 'io.docker.' reserved for Docker
    `));

  it("accepts well-formed keys, quoted keys and variables", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL org.opencontainers.image.title="x" "com.example.vendor"=ACME a/b_c-d.e=1 version=2
      LABEL $KEY=1
    `));
});
