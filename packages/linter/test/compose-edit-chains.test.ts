import { describe, expect, it } from "vitest";
import { YamlCache } from "@shipshape/compose";
import { lintDocument, lintSync } from "../src/lint.js";
import { ALL_RULES } from "../src/rules/all.js";
import { seededRandom, typingEdit } from "../../compose/test/helpers.js";

const FILE = "/p/compose.yaml";

/** A project with findings of many rules in services before and after the places edits hit. */
const sample = [
  "version: '3'",
  "services:",
  "  web:",
  "    image: nginx",
  "    container_name: app",
  "    ports: ['80:80', \"8080:80\", 8443:443]",
  "    depends_on: [db, ghost]",
  "    networks: [back, nowhere]",
  "  db:",
  "    image: postgres:16",
  "    restart: sometimes",
  "    container_name: app",
  "    depends_on:",
  "      cache: {condition: service_healthy}",
  "    volumes:",
  "      - \"./data:/var/lib/data\"",
  "      - type: tmpfs",
  "        target: /tmp",
  "      - type: tmpfs",
  "        target: /tmp",
  "    # shipshape ignore=DC103",
  "    ports: ['80:80']",
  "  cache:",
  "    build: .",
  "    image: redis:7",
  "    depends_on: [web]",
  "    environment:",
  "      A: \"1\"",
  "      B:",
  "  alpha:",
  "    image: busybox:latest",
  "    secrets: [missing]",
  "networks:",
  "  back: {}",
  "  unused: {}",
  "volumes:",
  "  spare:",
  "",
].join("\n");

// Mostly what typing inside values does, now and then a piece that changes the structure or a name.
const PIECES = ["a", "7", " ", "x", "-", ":", "b", "\n", "\n    image: i", "'", "#", "\n  extra:\n    image: e", "[", "db", "web", "app"];

/** Diagnostics in one order whatever the order they came in. */
function inOrder<T extends { range: { start: number; end: number }; code: string; message: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.code.localeCompare(b.code) || a.message.localeCompare(b.message));
}

const mutate = (text: string, next: (n: number) => number) => typingEdit(text, next, PIECES);

describe("linting with a YAML cache kept across edits (as the language server does)", () => {
  it("reports after every edit of a chain exactly what a lint from scratch reports", () => {
    const yamlCache = new YamlCache();
    let steps = 0;
    for (let chain = 0; chain < 20; chain++) {
      const next = seededRandom(chain + 101);
      let text = sample;
      lintSync({ path: FILE, text }, { rules: ALL_RULES, yamlCache });
      for (let step = 0; step < 12; step++) {
        const edited = mutate(text, next);
        const incremental = lintSync({ path: FILE, text: edited }, { rules: ALL_RULES, yamlCache });
        const fresh = lintSync({ path: FILE, text: edited }, { rules: ALL_RULES });
        expect(incremental, edited).toEqual(fresh);
        steps++;
        // A YAML error is typed away again, as in an editor, so most steps edit a clean file.
        if (!fresh.some((d) => d.code === "CF001")) text = edited;
      }
    }
    // The re-parse of one entry must carry most steps, or the chain would test only full parses.
    expect(yamlCache.splices).toBeGreaterThan(steps / 3);
  }, 120_000);

  it("reports through the editor's path (prefetch, then lint) what a lint from scratch reports", async () => {
    // Files the project reads: an env file of a service, an included file, and a .env in one of two runs.
    const withInclude = sample.replace("services:\n", "include: [extra.yaml]\nservices:\n").replace("    image: redis:7\n", "    image: redis:${TAG}\n    env_file: cache.env\n");
    const others = { "/p/extra.yaml": "services:\n  side:\n    image: side:1\n    depends_on: [web]\n", "/p/cache.env": "A=1\nB\n" };
    for (const dotenv of [undefined, "TAG=7\n"]) {
      const files: Record<string, string> = dotenv === undefined ? { ...others } : { ...others, "/p/.env": dotenv };
      const yamlCache = new YamlCache();
      const next = seededRandom(dotenv === undefined ? 7 : 8);
      let text = withInclude;
      for (let step = 0; step < 40; step++) {
        const edited = mutate(text, next);
        const readFile = (p: string) => (p === FILE ? edited : files[p]);
        const viaEditor = (await lintDocument({ path: FILE, text: edited }, { rules: ALL_RULES, readFile, yamlCache })).diagnostics;
        const fresh = lintSync({ path: FILE, text: edited }, { rules: ALL_RULES, readFile });
        expect(inOrder(viaEditor), edited).toEqual(inOrder(fresh));
        if (!fresh.some((d) => d.code === "CF001")) text = edited;
      }
    }
  }, 120_000);

  it("finds many kinds of problem in the sample, before and after the edited services", () => {
    const codes = new Set(lintSync({ path: FILE, text: sample }, { rules: ALL_RULES }).map((d) => d.code));
    expect(codes.size).toBeGreaterThanOrEqual(8);
  });
});
