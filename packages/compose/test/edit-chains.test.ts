import { describe, expect, it } from "vitest";
import { loadProject, parseCompose, YamlCache } from "@shipshape/compose";
import { memoryReader, yaml, seededRandom, typingEdit } from "./helpers.js";

const FILE = "/p/compose.yaml";

/** Services with findings of their own after the place most edits hit, so moved results are checked too. */
const sample = yaml(
  "name: demo",
  "services:",
  "  web:",
  "    image: nginx:1.27",
  "    ports: ['80:80', \"127.0.0.1:8443:443/tcp\", {target: 90, published: \"9090\"}]",
  "    environment:",
  "      A: \"1\"",
  "    depends_on: [db]",
  "  db:",
  "    image: postgres:16",
  "    restart: sometimes",
  "    unknown_key: 1",
  "    healthcheck: { test: [CMD, true], interval: 10 }",
  "    volumes:",
  "      - ./data:/var/lib/data:ro",
  "      - type: bind",
  "        source: ./x",
  "        target: /x",
  "    labels: [a=1, a=1]",
  "  cache:",
  "    image: redis",
  "    depends_on:",
  "      web: {condition: service_healthy}",
  "    networks: { back: { aliases: [c] } }",
  "    build:",
  "      context: .",
  "      additional_contexts: [base=service:web]",
  "    network_mode: service:web",
  "    extends: { service: web }",
  "    x-note: { any: thing }",
  "networks:",
  "  back: {}",
  "  front:",
  "    driver: 7",
  "volumes:",
  "  data:",
  "x-top: 1",
);

// Mostly what typing inside values does, with now and then a piece that changes the structure.
const PIECES = ["a", "7", " ", "x", "-", ":", "$", "${A}", "\n", "\n    y: 1", "'", "#", "\n  extra:\n    image: e", "[", "}", " !reset", " !override"];

const mutate = (text: string, next: (n: number) => number) => typingEdit(text, next, PIECES);

describe("a YAML cache kept across edits (as an editor keeps one)", () => {
  it("gives the model and findings a parse from scratch gives, over chains of random edits", () => {
    const cache = new YamlCache();
    for (let chain = 0; chain < 20; chain++) {
      const next = seededRandom(chain + 11);
      let text = sample;
      for (let step = 0; step < 15; step++) {
        const edited = mutate(text, next);
        const got = parseCompose(edited, { fileName: FILE, yamlCache: cache });
        const expected = parseCompose(edited, { fileName: FILE });
        expect(got.errors, edited).toEqual(expected.errors);
        expect(got.model, edited).toEqual(expected.model);
        // A YAML error is typed away again, as in an editor (the cache then splices into the text before it).
        if (!expected.errors.some((e) => e.code === "CF001" || e.code === "CF002")) text = edited;
      }
    }
    // The incremental re-parse must actually be exercised, not always declined.
    expect(cache.splices).toBeGreaterThan(60);
  }, 120_000);

  it("loads the project as from scratch after each edit", () => {
    const cache = new YamlCache();
    let text = sample;
    const next = seededRandom(5);
    for (let step = 0; step < 60; step++) {
      text = mutate(text, next);
      const files = { [FILE]: text, "/p/.env": "A=1\n" };
      const load = (yamlCache?: YamlCache) => loadProject({ files: [FILE], readFile: memoryReader(files), env: {}, yamlCache });
      const got = load(cache);
      const expected = load();
      expect(got.errors, text).toEqual(expected.errors);
      expect(got.project, text).toEqual(expected.project);
    }
  });

  it("moves the findings and model of a later service with the edit", () => {
    const cache = new YamlCache();
    parseCompose(sample, { fileName: FILE, yamlCache: cache });
    const edited = sample.replace("image: nginx:1.27", "image: nginx:1.27.1");
    const got = parseCompose(edited, { fileName: FILE, yamlCache: cache });
    expect(cache.splices).toBe(1);
    const restart = got.errors.find((e) => e.message.includes("sometimes"))!;
    expect(edited.slice(restart.range.start, restart.range.end)).toBe("sometimes");
    expect(got.model.services.db!.restart?.node).toBe(
      (got.model.root!.entries[1]!.value as any).entries[1].value.entries[1].value,
    );
    expect(got).toEqual(parseCompose(edited, { fileName: FILE }));
  });
});
