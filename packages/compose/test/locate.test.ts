import { describe, expect, it } from "vitest";
import { describeKey, locate, parseCompose } from "@shipshape/compose";
import { yaml } from "./helpers.js";

const text = yaml(
  "x-base: &base",
  "  restart: always",
  "services:",
  "  web:",
  "    <<: *base",
  "    image: nginx",
  "    ports:",
  "      - target: 80",
  "        published: '8080'",
  "    depends_on:",
  "      db:",
  "        condition: service_healthy",
);

describe("locate", () => {
  const { model } = parseCompose(text, { fileName: "c.yaml" });
  const at = (needle: string, delta = 0) => locate(model.root, text.indexOf(needle) + delta, "c.yaml");

  it("finds the path of keys and values", () => {
    expect(at("image").path).toEqual(["services", "web", "image"]);
    expect(at("image").key?.key).toBe("image");
    expect(at("nginx").path).toEqual(["services", "web", "image"]);
    expect(at("nginx").key).toBeUndefined();
    expect(at("published").path).toEqual(["services", "web", "ports", "0", "published"]);
    expect(at("service_healthy", 3).path).toEqual(["services", "web", "depends_on", "db", "condition"]);
    expect(describeKey(at("published").path)).toMatch(/host port/i);
  });

  it("follows what is written there, not what an anchor merged in", () => {
    expect(at("restart").path).toEqual(["x-base", "restart"]);
  });

  it("returns the top for offsets outside any entry", () => {
    expect(locate(model.root, text.length + 10).path).toEqual([]);
    expect(locate(undefined, 0).path).toEqual([]);
  });
});
