import { expect, test } from "vitest";
import { NodeCache } from "../src/node-cache.js";

test("NodeCache keeps a value per object, out of sight of keys, spread, JSON and equality", () => {
  const cache = new NodeCache<object, number | null>("test");
  const a = { kind: "Run" };
  const b = { kind: "Run" };
  expect(cache.get(a)).toBeUndefined();
  expect(cache.has(a)).toBe(false);
  cache.set(a, 1).set(b, null);
  expect(cache.get(a)).toBe(1);
  expect(cache.has(b)).toBe(true); // null is a value
  expect(cache.get(b)).toBeNull();
  cache.set(a, 2);
  expect(cache.get(a)).toBe(2);
  expect(Object.keys(a)).toEqual(["kind"]);
  expect({ ...a }).toEqual({ kind: "Run" });
  expect(JSON.stringify(a)).toBe('{"kind":"Run"}');
  expect(a).toEqual(b);
  expect(a).toStrictEqual({ kind: "Run" });
  cache.delete(a);
  expect(cache.has(a)).toBe(false);
});

test("NodeCache: two caches on one object keep apart; frozen and sealed objects fall back to a weak map", () => {
  const first = new NodeCache<object, string>("first");
  const second = new NodeCache<object, string>("second");
  const key = {};
  first.set(key, "one");
  second.set(key, "two");
  expect([first.get(key), second.get(key)]).toEqual(["one", "two"]);
  const frozen = Object.freeze({ x: 1 });
  const sealed = Object.seal([1, 2]);
  first.set(frozen, "f").set(sealed, "s");
  expect([first.get(frozen), first.get(sealed), second.get(frozen)]).toEqual(["f", "s", undefined]);
  first.delete(frozen);
  expect(first.has(frozen)).toBe(false);
});
