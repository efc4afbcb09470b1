import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadProject, parseCompose } from "@shipshape/compose";

/** YAML-ish text made of the pieces Compose files are made of, so the generator reaches deep code paths. */
const piece = fc.constantFrom(
  "services:", "  web:", "    image: nginx", "    ports:", "      - \"80:80\"", "      - ${P}:80", "    volumes: [a:/b, './c:/d:ro']",
  "    <<: *base", "x-base: &base", "  restart: always", "    depends_on: [db]", "    environment:", "      A: ${X:-${Y}}", "      - B=1",
  "    build: .", "    extends: web", "include: [other.yaml]", "    healthcheck: {test: [CMD], interval: 10x}", "  !reset", "    ports: !override []",
  "---", "- item", ": bad", "\t", "'unterminated", "${", "{[", "&a *a", "? complex", "    deploy: {resources: {limits: {memory: 1q}}}",
);

describe("robustness", () => {
  it("parseCompose never throws and keeps ranges inside the text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), (lines, withEnv) => {
        const text = lines.join("\n");
        const { errors, model } = parseCompose(text, withEnv ? { env: { P: "8080" } } : {});
        expect(model).toBeDefined();
        for (const e of errors) {
          expect(e.code).not.toBe("internal-error");
          expect(e.range.start).toBeGreaterThanOrEqual(0);
          expect(e.range.end).toBeLessThanOrEqual(text.length);
          expect(e.range.start).toBeLessThanOrEqual(e.range.end);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("parseCompose never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { errors } = parseCompose(text);
        expect(errors.every((e) => e.code !== "internal-error")).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("loadProject never throws, whatever the files say", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(piece, { maxLength: 20 }), (a, b) => {
        const files: Record<string, string> = { "/p/compose.yaml": a.join("\n"), "/p/other.yaml": b.join("\n") };
        const r = loadProject({ files: ["/p/compose.yaml", "/p/other.yaml"], readFile: (p) => files[p], env: {} });
        expect(r.errors.every((e) => e.code !== "internal-error")).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("nesting beyond the limit", () => {
  it("is refused before the YAML parser recurses: one error at the place, the same every time, never a crash", () => {
    const flow = (n: number) => "a: " + "[".repeat(n) + "]".repeat(n) + "\n";
    const texts = [flow(5000), flow(100_000), "- ".repeat(20_000) + "x\n", "a: " + "{b: ".repeat(3000) + "1" + "}".repeat(3000) + "\n"];
    for (const text of texts) {
      const runs = [1, 2, 3].map(() => parseCompose(text, { fileName: "compose.yaml" }).errors.map((e) => `${e.code} ${e.message} @${e.range.start}`));
      expect(runs[0]).toHaveLength(1);
      expect(runs[0]![0]).toMatch(/^CF001 Nesting deeper than 500 levels is not supported @\d+$/);
      expect(runs[1]).toEqual(runs[0]);
      expect(runs[2]).toEqual(runs[0]);
    }
    // Brackets in quotes and comments do not count; 499 levels parse.
    expect(parseCompose(`a: "${"[".repeat(600)}" # ${"{".repeat(600)}\n`, { fileName: "c.yaml" }).errors.map((e) => e.code)).toEqual(["CF101"]);
    expect(parseCompose(flow(499), { fileName: "c.yaml" }).errors.map((e) => e.code)).toEqual(["CF101"]);
  });
});
