import { expect, test } from "vitest";
import { POOL_THRESHOLD, poolSize } from "../src/pool.js";

test("a handful of units is linted on the main thread", () => {
  expect(poolSize(POOL_THRESHOLD, undefined, 16)).toBe(0);
  expect(poolSize(POOL_THRESHOLD, 8, 16)).toBe(0);
});

test("by default one core is left to V8's own threads, and a pool of one is no pool", () => {
  expect(poolSize(1000, undefined, 2)).toBe(0);
  expect(poolSize(1000, undefined, 4)).toBe(3);
  expect(poolSize(1000, undefined, 16)).toBe(15);
});

test("never more than one worker per 8 units", () => {
  expect(poolSize(40, undefined, 16)).toBe(5);
});

test("SHIPSHAPE_WORKERS sets the count: 0 or 1 means none, more is honoured on any machine", () => {
  expect(poolSize(1000, 0, 16)).toBe(0);
  expect(poolSize(1000, 1, 16)).toBe(0);
  expect(poolSize(1000, 2, 2)).toBe(2);
  expect(poolSize(1000, 6, 2)).toBe(6);
});
