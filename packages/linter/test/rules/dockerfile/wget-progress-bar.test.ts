import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/wget-progress-bar.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "wget without --progress (or -q, -nv) floods the build log with progress dots";

describe("DL3047 wget-progress-bar", () => {
  it("reports wget without a progress option", () =>
    check(rule, `
      FROM debian:12
      RUN wget https://example.com/a && wget -O /tmp/b https://example.com/b
      #   ^^^^ info[DL3047]: ${MESSAGE}
      #                                 ^^^^ info[DL3047]: ${MESSAGE}
      ONBUILD RUN wget https://example.com/c
      #           ^^^^ info[DL3047]: ${MESSAGE}
    `));

  it("accepts every quieting option", () =>
    check(rule, `
      FROM debian:12
      RUN wget --progress=dot:giga https://x && wget -q https://x && wget -qO- https://x && wget --quiet https://x
      RUN wget -nv https://x && wget --no-verbose https://x && wget -o log https://x && wget -a log https://x
    `));

  it("reads continuations and heredoc scripts", () =>
    check(rule, `
      FROM debian:12
      RUN true && \\
          wget https://x
      #   ^^^^ info[DL3047]: ${MESSAGE}
      RUN <<EOF
      wget https://x
      #^^^ info[DL3047]: ${MESSAGE}
      EOF
    `));
});
