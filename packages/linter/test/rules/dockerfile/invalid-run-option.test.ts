import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/invalid-run-option.js";
import { check } from "../../helpers/check.js";

describe("DF116 invalid-run-option", () => {
  it("reports unknown network and security modes", () =>
    check(rule, `
      FROM alpine:3.20
      RUN --network=bridge apk add --no-cache curl
      #             ^^^^^^ error[DF116]: '--network=bridge' is not a network mode RUN takes: use default, none, host
      RUN --security=privileged --network=$NET true
      #              ^^^^^^^^^^ error[DF116]: '--security=privileged' is not a security mode RUN takes: use sandbox, insecure
      #                                   ^^^^ error[DF116]: '--network=$NET' is not a network mode RUN takes: use default, none, host (variables are not expanded here)
    `));

  it("accepts the known modes", () =>
    check(rule, `
      FROM alpine:3.20
      RUN --network=none --security=insecure true
      RUN --network=host --security=sandbox true
      RUN --network=default true
    `));
});
