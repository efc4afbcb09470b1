import { describe, expect, it } from "vitest";
import { documentSelector, readClientSettings } from "../src/selector.js";

const config = (values: Record<string, unknown>) => ({
  get: <T>(key: string, fallback: T): T => (key in values ? (values[key] as T) : fallback),
});

describe("document selector", () => {
  it("serves both kinds by language id and by file name by default", () => {
    const sel = documentSelector(readClientSettings(config({})));
    expect(sel).toContainEqual({ scheme: "file", language: "dockerfile" });
    expect(sel).toContainEqual({ scheme: "file", language: "dockercompose" });
    expect(sel.some((f) => f.language === "yaml" && typeof f.pattern === "string" && f.pattern.includes("docker-compose"))).toBe(true);
    expect(sel.some((f) => f.language === undefined && typeof f.pattern === "string" && f.pattern.includes("Containerfile"))).toBe(true);
  });

  it("leaves out a kind that is switched off", () => {
    const sel = documentSelector(readClientSettings(config({ "enable.compose": false })));
    expect(sel.some((f) => f.language === "dockercompose" || f.language === "yaml")).toBe(false);
    expect(sel.some((f) => f.language === "dockerfile")).toBe(true);
  });
});
