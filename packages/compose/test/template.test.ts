import { describe, expect, it } from "vitest";
import { interpolate, parseCompose } from "@shipshape/compose";
import { findings, yaml } from "./helpers.js";

const env: Record<string, string> = { SET: "value", EMPTY: "", NUM: "8080" };
const lookup = (n: string) => (n in env ? env[n] : undefined);

describe("interpolation", () => {
  it.each([
    ["$SET", "value"],
    ["${SET}", "value"],
    ["pre-${SET}-post", "pre-value-post"],
    ["$$SET", "$SET"],
    ["$${SET}", "${SET}"],
    ["cost: 5$", "cost: 5$"],
    ["$ 1", "$ 1"],
    ["$1", "$1"],
    ["${UNSET:-d}", "d"],
    ["${EMPTY:-d}", "d"],
    ["${EMPTY-d}", ""],
    ["${UNSET-d}", "d"],
    ["${SET:-d}", "value"],
    ["${SET:+alt}", "alt"],
    ["${EMPTY:+alt}", ""],
    ["${EMPTY+alt}", "alt"],
    ["${UNSET+alt}", ""],
    ["${UNSET:-${SET}}", "value"],
    ["${UNSET:-${ALSO_UNSET:-deep}}", "deep"],
    ["${UNSET:-a}${SET}", "avalue"],
    ["${UNSET:-{x}}", "{x}"],
    ["${UNSET:-a:b}", "a:b"],
    ["${NUM}:80", "8080:80"],
    ["${SET?oops}", "value"],
  ])("%s → %s", (input, expected) => {
    const r = interpolate(input, lookup);
    expect(r.value).toBe(expected);
    expect(r.problems.filter((p) => p.kind !== "unset")).toEqual([]);
  });

  it.each([
    ["${UNSET}", "unset", "${UNSET}"],
    ["a $UNSET b", "unset", "$UNSET"],
    ["${UNSET:?need it}", "required", "${UNSET:?need it}"],
    ["${EMPTY:?}", "required", "${EMPTY:?}"],
    ["${UNSET?}", "required", "${UNSET?}"],
    ["${", "invalid", "${"],
    ["${1A}", "invalid", "${1A}"],
    ["${A B}", "invalid", "${A B}"],
    ["${A:x}", "invalid", "${A:x}"],
  ])("%s is a problem of kind %s at %s", (input, kind, at) => {
    const r = interpolate(input, lookup);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.kind).toBe(kind);
    expect(input.slice(r.problems[0]!.start, r.problems[0]!.end)).toBe(at);
  });

  it("names the variable and the message of a required variable", () => {
    expect(interpolate("${DB:?set the database}", lookup).problems[0]!.message).toBe("Required variable DB is missing a value: set the database");
  });

  it("doesn't evaluate the branch it doesn't take", () => {
    expect(interpolate("${UNSET:+${UNSET}}", lookup).problems).toEqual([]);
  });

  it("lists the variables used", () => {
    expect(interpolate("${A:-${B}} $C", lookup).variables.map((v) => [v.name, v.operator])).toEqual([
      ["A", ":-"],
      ["B", undefined],
      ["C", undefined],
    ]);
  });

  it("without a lookup, only checks syntax and keeps the text", () => {
    const r = interpolate("${A:-x} ${", undefined);
    expect(r.value).toBe("${A:-x} ${");
    expect(r.problems.map((p) => p.kind)).toEqual(["invalid"]);
  });
});

describe("interpolation in a compose file", () => {
  it("replaces values, never keys, and reports problems at the reference", () => {
    const text = yaml("services:", "  web:", "    image: nginx:${TAG:-latest}", "    environment:", "      ${KEY}: \"${MISSING} and ${REQ:?set REQ}\"");
    const { model, errors } = parseCompose(text, { env: {} });
    expect(model.services.web!.image!.value).toBe("nginx:latest");
    expect(model.services.web!.image!.original).toBe("nginx:${TAG:-latest}");
    expect(model.services.web!.environment[0]!.key).toBe("${KEY}");
    expect(errors.map((e) => [e.code, e.severity, text.slice(e.range.start, e.range.end)])).toEqual([
      ["CF009", "warning", "${MISSING}"],
      ["CF008", "error", "${REQ:?set REQ}"],
    ]);
    expect(errors[0]!.message).toContain('"MISSING"');
  });

  it("reports malformed references even without an environment", () => {
    expect(findings(yaml("services:", "  web:", "    image: 'a${'")).map(([c, t]) => [c, t])).toEqual([["CF007", "${"]]);
  });

  it("checks typed values after substitution", () => {
    const text = yaml("services:", "  web:", "    image: a", "    cpu_shares: ${SHARES}", "    ports: ['${P}:80']");
    expect(parseCompose(text, { env: { SHARES: "many", P: "80" } }).errors.map((e) => e.code)).toEqual(["CF102"]);
    expect(parseCompose(text, { env: { SHARES: "512", P: "80" } }).errors).toEqual([]);
  });
});

describe("variable references in the model", () => {
  it("lists every reference with its range, with or without an environment", () => {
    const text = yaml("services:", "  web:", "    image: app:${TAG:-1}", "    environment:", "      A: $HOME/x", "      B: $$NOT");
    for (const env of [undefined, { HOME: "/root" }]) {
      const { model } = parseCompose(text, env ? { env } : {});
      expect(model.variables.map((v) => [v.name, v.operator, text.slice(v.range.start, v.range.end)])).toEqual([
        ["TAG", ":-", "${TAG:-1}"],
        ["HOME", undefined, "$HOME"],
      ]);
    }
  });
});
