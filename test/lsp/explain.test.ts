// The custom requests behind the VS Code "Explain rule" command: shipshape/explainRule and shipshape/listRules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestClient, ensureBuilt, startClient } from "./client.js";

describe("shipshape/explainRule and shipshape/listRules over stdio", () => {
  let client: TestClient;
  beforeAll(async () => {
    ensureBuilt();
    client = await startClient();
  }, 300_000);
  afterAll(async () => client?.stop());

  it("explains a rule by code, name or alias; null for an unknown code or bad params", async () => {
    const page = await client.request<string | null>("shipshape/explainRule", { code: "DL3008" });
    expect(page).toMatch(/^# DL3008: apt-get-unpinned/m);
    expect(await client.request("shipshape/explainRule", { code: "FromAsCasing" })).toMatch(/FromAsCasing/);
    expect(await client.request("shipshape/explainRule", { code: "NOPE123" })).toBeNull();
    expect(await client.request("shipshape/explainRule", { code: 5 })).toBeNull();
  });

  it("lists every rule with its code, name and summary", async () => {
    const rules = await client.request<{ code: string; name: string; summary: string }[]>("shipshape/listRules", null);
    expect(rules.length).toBeGreaterThan(100);
    const dl3008 = rules.find((r) => r.code === "DL3008")!;
    expect(dl3008.name).toBe("apt-get-unpinned");
    expect(dl3008.summary.length).toBeGreaterThan(10);
    expect(new Set(rules.map((r) => r.code)).size).toBe(rules.length);
  });
});
