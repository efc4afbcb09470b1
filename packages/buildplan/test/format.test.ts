import { describe, expect, it } from "vitest";
import { parseBuildArgs, planToJson, renderDot, renderMermaid, renderPlan, renderPlanText } from "@shipshape/buildplan";
import { planOf } from "./helpers.js";

describe("renderPlan", () => {
  const p = planOf(`
    FROM alpine AS a
    RUN true
  `, { dockerfilePath: "Dockerfile" });
  it("dispatches to each renderer", () => {
    expect(renderPlan(p, "text")).toBe(renderPlanText(p));
    expect(renderPlan(p, "mermaid")).toBe(renderMermaid(p));
    expect(renderPlan(p, "dot")).toBe(renderDot(p));
    expect(JSON.parse(renderPlan(p, "json"))).toEqual(planToJson(p));
    expect(renderPlan(p, "json").endsWith("}\n")).toBe(true);
  });
});

describe("parseBuildArgs", () => {
  it("takes K=V, empty values, = inside values, and K alone from the environment", () => {
    const env: Record<string, string> = { HOME_DIR: "/home/x" };
    expect(parseBuildArgs(["A=1", "B=", "C=x=y", "HOME_DIR", "MISSING", "=bad"], (k) => env[k])).toEqual({ A: "1", B: "", C: "x=y", HOME_DIR: "/home/x" });
  });
  it("the last value of a key wins", () => {
    expect(parseBuildArgs(["A=1", "A=2"])).toEqual({ A: "2" });
  });
});
