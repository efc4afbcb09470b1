import fc from "fast-check";
import { expect, test } from "vitest";
import { fnv1a, inShard, parseShard, shardKey } from "../src/shard.js";

test("FNV-1a 32-bit reference values", () => {
  expect(fnv1a("")).toBe(0x811c9dc5);
  expect(fnv1a("a")).toBe(0xe40c292c);
  expect(fnv1a("foobar")).toBe(0xbf9cf968);
});

test("parseShard accepts 1-based I/N only", () => {
  expect(parseShard("1/4")).toEqual({ index: 1, total: 4 });
  expect(parseShard(" 4 / 4 ")).toEqual({ index: 4, total: 4 });
  for (const bad of ["0/4", "5/4", "1/0", "a/b", "1", "1/2/3", "-1/2"]) expect(parseShard(bad)).toBeUndefined();
});

test("keys are normalised: ./ prefixes and backslashes do not move a file", () => {
  expect(shardKey("./a/Dockerfile")).toBe("a/Dockerfile");
  expect(shardKey("a\\Dockerfile")).toBe("a/Dockerfile");
});

test("every path lands in exactly one shard, whatever N", () => {
  fc.assert(
    fc.property(fc.string(), fc.integer({ min: 1, max: 16 }), (key, total) => {
      const hits = Array.from({ length: total }, (_, i) => inShard(key, { index: i + 1, total })).filter(Boolean);
      expect(hits).toHaveLength(1);
    }),
  );
});

test("the split is deterministic and spreads files across shards", () => {
  const paths = Array.from({ length: 400 }, (_, i) => `services/svc-${i}/Dockerfile`);
  const counts = [1, 2, 3, 4].map((index) => paths.filter((p) => inShard(p, { index, total: 4 })).length);
  expect(counts.reduce((a, b) => a + b)).toBe(400);
  for (const c of counts) expect(c).toBeGreaterThan(60);
  expect([1, 2, 3, 4].map((index) => paths.filter((p) => inShard(p, { index, total: 4 })).length)).toEqual(counts);
});
