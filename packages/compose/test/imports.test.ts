import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("package boundaries", () => {
  it("imports nothing but @shipshape/text, yaml and its own modules", () => {
    const bad: string[] = [];
    for (const file of sources(src)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith(".") || spec === "@shipshape/text" || spec === "yaml") continue;
        bad.push(`${path.relative(src, file)}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
