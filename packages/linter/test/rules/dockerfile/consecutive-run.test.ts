import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/consecutive-run.js";
import { check } from "../../helpers/check.js";

const MESSAGE = "This RUN follows another single-command RUN with the same flags: join them with && to save a layer";

describe("DL3059 consecutive-run", () => {
  it("reports consecutive single-command RUNs, comments in between", () =>
    check(rule, `
      FROM debian:12
      RUN mkdir /app
      # a comment
      RUN chown 1000 /app
      #^^ info[DL3059]: ${MESSAGE}
      RUN ["ls", "/app"]
      #^^ info[DL3059]: ${MESSAGE}
      RUN curl -fsSL https://x | \\
      #^^ info[DL3059]: ${MESSAGE}
          tar -xz
    `));

  it("accepts chains, other instructions between, and different flags", () =>
    check(rule, `
      FROM debian:12
      RUN mkdir /app && chown 1000 /app
      RUN ls
      WORKDIR /app
      RUN ls
      RUN --network=none ls
      RUN --mount=type=cache,target=/a --network=none ls
      RUN --network=none --mount=type=cache,target=/a ls
      #^^ info[DL3059]: ${MESSAGE}
      RUN echo "a; b"; echo c
    `));

  it("never suggests merging heredoc RUNs, and resets at FROM", () =>
    check(rule, `
      FROM debian:12
      RUN ls
      RUN <<EOF
      ls
      EOF
      RUN ls
      FROM debian:12
      RUN ls
      ONBUILD RUN ls
      RUN ls
    `));
});
