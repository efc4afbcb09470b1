import { describe, expect, it } from "vitest";
import { lint } from "../src/index.js";

// BuildKit reports every repeated CMD, ENTRYPOINT and HEALTHCHECK as one check; hadolint splits it into
// DL4003, DL4004 and DL3012. The check's name must reach all three, wherever a rule is named.
const text = [
  "FROM alpine:3.20",
  "HEALTHCHECK CMD true",
  "HEALTHCHECK CMD false",
  "ENTRYPOINT [\"a\"]",
  "ENTRYPOINT [\"b\"]",
  "CMD [\"c\"]",
  "CMD [\"d\"]",
  "",
].join("\n");
const repeatCodes = ["DL3012", "DL4003", "DL4004"];
const codesOf = async (source: string, options: Record<string, unknown> = {}) =>
  (await lint([{ path: "Dockerfile", text: source }], options)).map((d) => d.code).filter((c) => repeatCodes.includes(c));

describe("a BuildKit check name shared by several rules", () => {
  it("all three rules report by default", async () => {
    expect((await codesOf(text)).sort()).toEqual(repeatCodes);
  });

  it("# check=skip silences every rule carrying the name", async () => {
    expect(await codesOf(`# check=skip=MultipleInstructionsDisallowed\n${text}`)).toEqual([]);
  });

  it("--ignore and --select by the name reach every rule carrying it", async () => {
    expect(await codesOf(text, { ignore: ["MultipleInstructionsDisallowed"] })).toEqual([]);
    expect((await codesOf(text, { select: ["MultipleInstructionsDisallowed"] })).sort()).toEqual(repeatCodes);
  });

  it("the name in a hadolint pragma suppresses the next instruction only", async () => {
    const withPragma = text.replace("CMD [\"c\"]", "# hadolint ignore=MultipleInstructionsDisallowed\nCMD [\"c\"]");
    expect((await codesOf(withPragma)).sort()).toEqual(["DL3012", "DL4004"]);
  });
});
