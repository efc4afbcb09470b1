import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { ROOT, ensureBuilt, shipshape } from "./helpers.js";

/** BuildKit's parser test suite: `parse --format buildkit` must print every `result` byte for byte. */
const CORPUS = path.resolve(ROOT, "../shared/corpus/buildkit-parser");

beforeAll(ensureBuilt, 300_000);

const cases = (dir: string) => (existsSync(path.join(CORPUS, dir)) ? readdirSync(path.join(CORPUS, dir)).sort() : []);

describe("parse --format buildkit reproduces BuildKit's testfiles", () => {
  test.each(cases("testfiles"))("%s", (name) => {
    const dir = path.join(CORPUS, "testfiles", name);
    const r = shipshape(["parse", path.join(dir, "Dockerfile"), "--format", "buildkit"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(Buffer.from(r.stdout, "utf8").equals(readFileSync(path.join(dir, "result")))).toBe(true);
    expect(r.stdout).toBe(readFileSync(path.join(dir, "result"), "utf8"));
  }, 60_000);
});

describe("parse --format buildkit refuses what BuildKit refuses", () => {
  test.each(cases("testfiles-negative"))("%s", (name) => {
    const r = shipshape(["parse", path.join(CORPUS, "testfiles-negative", name, "Dockerfile"), "--format", "buildkit"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^shipshape: .+\n$/);
  }, 60_000);
});

test("the corpus is there", () => {
  expect(cases("testfiles").length).toBeGreaterThan(30);
  expect(cases("testfiles-negative").length).toBe(4);
});
