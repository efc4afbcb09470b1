import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../src/codes.js";
import { YamlCache } from "../src/yaml-cache.js";
import { reparseEdit, type PreviousParse } from "../src/yaml-incremental.js";
import { parseYamlTree, type YamlFile } from "../src/yaml-tree.js";
import { yaml, seededRandom } from "./helpers.js";

const FILE = "/p/compose.yaml";

function full(text: string): { yaml: YamlFile; findings: number; diagnostics: unknown[] } {
  const sink = new DiagnosticSink();
  const y = parseYamlTree(text, FILE, sink);
  return { yaml: y, findings: sink.list.length, diagnostics: sink.list };
}

const samples = [
  yaml(
    "name: demo",
    "services:",
    "  web:",
    "    image: nginx:1.27",
    "    ports: ['80:80', \"443:443\"]",
    "    environment:",
    "      A: \"1\"",
    "      B: two words",
    "    # a comment",
    "",
    "  db:",
    "    image: postgres:16",
    "    command: |",
    "      run",
    "        --flag",
    "",
    "    healthcheck: { test: [CMD, true], interval: 10s }",
    "  cache:",
    "    image: redis",
    "    depends_on:",
    "      - db",
    "      - web",
    "networks:",
    "  back: {}",
    "  front:",
    "    driver: bridge",
    "# trailing comment",
  ),
  yaml(
    "services:",
    "  a:",
    "    build:",
    "      context: .",
    "      args:",
    "        X: 'quoted ''value'''",
    "    labels:",
    "    - one=1",
    "    - two=2",
    "  b:",
    "    image: \"esc\\taped\"",
    "    volumes:",
    "      - type: bind",
    "        source: ./data",
    "        target: /data",
    "  c:",
    "    entrypoint: >",
    "      folded",
    "      text",
    "    x-extra:",
    "      nested:",
    "        deeper: [1, 2, {k: v}]",
  ),
];

const PIECES = [" ", "  ", "\n", "\n  ", "\n    x: 1", "a", "7", ":", ": ", "- ", "#", "'", '"', "{", "}", "[", "]", ",", "|", "&a ", "*a", "<<: ", "!reset ", "\t", "\n  web:", "\n    image: x"];

function mutate(text: string, next: (n: number) => number): string {
  const at = next(text.length + 1);
  const kind = next(3);
  const cut = kind === 0 ? 0 : next(6);
  const insert = kind === 1 ? "" : PIECES[next(PIECES.length)]!;
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
}

describe("re-parsing one entry after an edit", () => {
  it("gives the tree a full parse gives, over chains of random edits", () => {
    let spliced = 0;
    let steps = 0;
    for (const [i, sample] of samples.entries()) {
      for (let chain = 0; chain < 40; chain++) {
        const next = seededRandom(1000 * i + chain + 1);
        let text = sample;
        let previous: PreviousParse = { text, yaml: full(text).yaml, findings: full(text).findings };
        for (let step = 0; step < 12; step++) {
          const edited = mutate(text, next);
          const expected = full(edited);
          const got = reparseEdit(previous, edited, FILE);
          steps++;
          if (got) {
            spliced++;
            expect(expected.diagnostics, edited).toEqual([]);
            expect(got.documents, edited).toEqual(expected.yaml.documents);
            expect(got.broken).toBe(false);
            expect(got.empty).toBe(expected.yaml.empty);
          }
          text = edited;
          previous = { text, yaml: got ?? expected.yaml, findings: got ? 0 : expected.findings };
        }
      }
    }
    // The splice must actually be exercised, not always declined: about 3% of these random edits leave
    // text whose changed entry can be parsed alone (most break the YAML around them).
    expect(steps).toBe(960);
    expect(spliced).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it("re-parses a typed value inside one service", () => {
    const lines = ["services:"];
    for (let i = 0; i < 50; i++) lines.push(`  svc${i}:`, `    image: app${i}:1`, "    environment:", `      INDEX: "${i}"`);
    const before = yaml(...lines);
    const after = before.replace("image: app7:1", "image: app7:12");
    const got = reparseEdit({ text: before, ...full(before) }, after, FILE);
    expect(got?.documents).toEqual(full(after).yaml.documents);
  });

  it("declines what it cannot splice soundly", () => {
    const base = yaml("services:", "  web:", "    image: a", "  db:", "    image: b");
    const previous = { text: base, ...full(base) };
    const declined = (after: string) => expect(reparseEdit(previous, after, FILE), after).toBeUndefined();
    declined(base.replace("  db:", "  web:")); // a duplicate key
    // A new sibling inside the edited lines: not one entry any more, so the mapping holding it is re-parsed.
    const sibling = base.replace("    image: a", "    image: a\n  extra: {}");
    expect(reparseEdit(previous, sibling, FILE)?.documents).toEqual(full(sibling).yaml.documents);
    declined(base.replace("image: a", "image: &x a")); // an anchor
    declined(base.replace("image: a", "image: 'a")); // a syntax error
    // An edit on the line of `services:` itself re-parses the whole entry.
    const comment = base.replace("services:", "services: # x");
    expect(reparseEdit(previous, comment, FILE)?.documents).toEqual(full(comment).yaml.documents);
    const broken = yaml("services:", "  web:", "    image: [a");
    expect(reparseEdit({ text: broken, ...full(broken) }, broken.replace("[a", "[ab"), FILE)).toBeUndefined();
  });

  it("is what YamlCache does between two texts of one file", () => {
    const cache = new YamlCache();
    const before = samples[0]!;
    cache.parse(before, FILE, new DiagnosticSink());
    const after = before.replace("redis", "redis:7");
    const sink = new DiagnosticSink();
    expect(cache.parse(after, FILE, sink).documents).toEqual(full(after).yaml.documents);
    expect(sink.list).toEqual([]);
    const broken = after.replace("redis:7", "'redis:7");
    const sink2 = new DiagnosticSink();
    cache.parse(broken, FILE, sink2);
    expect(sink2.list).toEqual(full(broken).diagnostics);
  });
});
