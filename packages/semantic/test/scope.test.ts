import { describe, expect, it } from "vitest";
import { ScopeSnapshot, type ScopeEntry, type VariableDeclaration } from "../src/index.js";

/** A small deterministic generator (xorshift), so the long chains below are the same on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

describe("ScopeSnapshot over long chains", () => {
  // Checkpoints are spaced by the number of names they hold, so a chain this long has look-ups that walk
  // far back and checkpoints of very different sizes: every snapshot must still answer as a plain map would.
  it("answers every look-up as a map rebuilt from all the changes would, with many names and many changes", () => {
    const next = random(7);
    let scope = ScopeSnapshot.empty();
    const expected = new Map<string, string | undefined>();
    const checks: { scope: ScopeSnapshot; state: Map<string, string | undefined> }[] = [];
    for (let i = 0; i < 6000; i++) {
      // Mostly new names (the checkpoints grow), some names set again, some ARGs declared without a value.
      const name = next() < 0.6 ? `N${i}` : `N${Math.floor(next() * i)}`;
      if (next() < 0.1) {
        const declaration = { kind: "arg", name } as VariableDeclaration;
        scope = scope.withUnset(declaration);
        if (!expected.has(name)) expected.set(name, undefined);
      } else {
        const entry: ScopeEntry = { name, value: `v${i}`, kind: next() < 0.5 ? "arg" : "env" };
        scope = scope.with(entry);
        expected.set(name, entry.value);
      }
      if (i % 997 === 0 || i === 5999) checks.push({ scope, state: new Map(expected) });
    }
    for (const { scope: s, state } of checks) {
      const names = [...state.keys()];
      expect(names.map((name) => [name, s.lookup(name)])).toEqual(names.map((name) => [name, state.get(name)]));
      expect(s.lookup("NOT_SET")).toBeUndefined();
      expect(new Map([...s.entries].map(([k, e]) => [k, e.value]))).toEqual(new Map([...state].filter((e) => e[1] !== undefined)));
      const declared = new Set<string>();
      s.forEachDeclarationInForce((d) => declared.add(d.name));
      expect(declared).toEqual(new Set([...state].filter((e) => e[1] === undefined).map((e) => e[0])));
    }
  });
});
