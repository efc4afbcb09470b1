import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/label-superfluous.js";
import { check } from "../../helpers/check.js";

const labelSchema = { "org.opencontainers.image.source": "url" };

describe("DL3050 label-superfluous", () => {
  it("reports labels outside the schema when strict", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL org.opencontainers.image.source=https://x.example maintainer=ops "extra"=1
      #                                                       ^^^^^^^^^^ info[DL3050]: The label 'maintainer' is not in the label schema
      #                                                                      ^^^^^^^ info[DL3050]: The label 'extra' is not in the label schema
    `, { options: { labelSchema, strictLabels: true } }));

  it("reports nothing unless strictLabels is on", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL maintainer=ops
    `, { options: { labelSchema } }));

  it("is switched on by hadolint's top-level strict-labels", () =>
    check(rule, `
      FROM alpine:3.20
      LABEL maintainer=ops
      #     ^^^^^^^^^^ info[DL3050]: The label 'maintainer' is not in the label schema
    `, { config: { sharedOptions: { labelSchema, strictLabels: true } } }));
});
