import { describe, expect, it } from "vitest";
import rule, { isWorldWritable } from "../../../src/rules/dockerfile/world-writable-chmod.js";
import { check } from "../../helpers/check.js";

describe("DF210 world-writable-chmod", () => {
  it("reports world-writable modes in chmod and --chmod", () =>
    check(rule, `
      FROM node:22-alpine
      COPY --chmod=777 app /app
      #            ^^^ warning[DF210]: COPY --chmod=777 makes the files writable by every user
      RUN chmod -R 777 /app/data && chmod o+w /app/log
      #            ^^^ warning[DF210]: chmod 777 makes the files writable by every user
      #                                   ^^^ warning[DF210]: chmod o+w makes the files writable by every user
      ONBUILD RUN sudo chmod 0666 /app/config.json
      #                      ^^^^ warning[DF210]: chmod 0666 makes the files writable by every user
    `));

  it("accepts private modes, the sticky bit and variables", () =>
    check(rule, `
      FROM node:22-alpine
      COPY --chmod=755 app /app
      RUN chmod 1777 /scratch && chmod -R u+w,g+w /app && chmod $MODE /x && chmod 644 /etc/app.conf
    `));

  it("reads octal and symbolic modes", () => {
    for (const mode of ["777", "0777", "666", "002", "a+w", "o=rwx", "ugo+rwx", "u+x,o+w"]) expect(isWorldWritable(mode), mode).toBe(true);
    for (const mode of ["755", "0644", "1777", "u+w", "g+w", "o-w", "a+rx", "+x"]) expect(isWorldWritable(mode), mode).toBe(false);
  });
});
