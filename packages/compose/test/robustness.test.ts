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
