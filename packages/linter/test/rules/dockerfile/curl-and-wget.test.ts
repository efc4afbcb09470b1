import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/curl-and-wget.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "This stage uses both curl and wget: use one of them";

describe("DL4001 curl-and-wget", () => {
  it("reports every RUN from the second tool on", () =>
    check(rule, `
      FROM debian:12
      RUN curl -fsSL -o /a https://x
      RUN wget -q https://y
      #   ^^^^ warning[DL4001]: ${MESSAGE}
      RUN curl -fsSL -o /b https://z
      #   ^^^^ warning[DL4001]: ${MESSAGE}
      RUN echo done
    `));

  it("resets at FROM, keeps ONBUILD apart, ignores packages and command -v", () =>
    check(rule, `
      FROM debian:12
      RUN curl -fsSL https://x
      ONBUILD RUN wget -q https://y
      RUN apt-get install -y wget && command -v wget
      FROM debian:12
      RUN wget -q https://y
    `));

  it("reads both tools in one RUN, continuations and heredocs", () =>
    check(rule, `
      FROM debian:12
      RUN curl -fsSL https://x \\
      #   ^^^^ warning[DL4001]: ${MESSAGE}
       && wget -q https://y
      RUN <<EOF
      wget -q https://z
      #^^^ warning[DL4001]: ${MESSAGE}
      EOF
    `));
});
