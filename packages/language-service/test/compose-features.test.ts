import { describe, expect, it } from "vitest";
import type { SelectionRange } from "vscode-languageserver-types";
import { TOKEN_TYPES, codeActions, foldingRanges, inlayHints, parseDocument, references, selectionRanges, semanticTokens, toLspDiagnostics } from "../src/index.js";

const compose = (text: string, path = "/w/compose.yaml") => parseDocument({ uri: `file://${path}`, path, version: 1, text, kind: "compose" });

/** `[line, character, label]` of each hint, for compact expectations. */
const hintsOf = (text: string, files: Record<string, string> = {}) =>
  inlayHints(compose(text), { readFile: (p) => files[p] }).map((h) => [h.position.line, h.position.character, h.label]);

describe("compose inlay hints for extends", () => {
  it("shows the parent's value beside each scalar the service overrides", () => {
    const text = "services:\n  base:\n    image: nginx:1.25\n    restart: always\n    user: app\n  web:\n    extends: base\n    image: nginx:1.27\n    restart: \"no\"\n    init: true\n";
    expect(hintsOf(text)).toEqual([
      [7, 21, "base: nginx:1.25"],
      [8, 17, "base: always"],
    ]);
  });

  it("compares environment entries key by key across list and mapping forms", () => {
    const text = "services:\n  base:\n    environment:\n      - MODE=prod\n      - DEBUG\n      - KEEP=1\n  web:\n    extends:\n      service: base\n    environment:\n      MODE: dev\n      DEBUG: \"1\"\n      NEW: x\n";
    expect(hintsOf(text)).toEqual([
      [10, 15, "base: prod"],
      [11, 16, "base: (no value)"],
    ]);
  });

  it("follows the chain to the nearest service that sets the value, and replaced lists", () => {
    const text = "services:\n  a:\n    image: x:1\n    command: [run, --fast]\n    healthcheck:\n      interval: 10s\n  b:\n    extends: a\n    image: x:2\n  c:\n    extends: b\n    image: x:3\n    command: serve\n    healthcheck:\n      interval: 5s\n";
    expect(hintsOf(text)).toEqual([
      [8, 14, "a: x:1"],
      [11, 14, "b: x:2"],
      [12, 18, "a: [run, --fast]"],
      [14, 18, "a: 10s"],
    ]);
  });

  it("reads the parent from extends.file through the reader, relative to the compose file", () => {
    const text = "services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: app\n    image: web:2\n    ports: [\"80:80\"]\n";
    const base = "services:\n  app:\n    image: web:1\n    ports: [\"8080:80\"]\n";
    expect(hintsOf(text, { "/w/common/base.yaml": base })).toEqual([[5, 16, "app: web:1"]]);
    expect(hintsOf(text)).toEqual([]);
  });

  it("stops at a cycle and ignores keys merged in from an anchor", () => {
    const text = "x-common: &common\n  image: a:1\nservices:\n  a:\n    extends: b\n    image: a:2\n  b:\n    extends: a\n    <<: *common\n";
    expect(hintsOf(text)).toEqual([[5, 14, "b: a:1"]]);
  });

  it("keeps only the hints inside the requested range", () => {
    const text = "services:\n  base:\n    image: a:1\n    user: x\n  web:\n    extends: base\n    image: a:2\n    user: y\n";
    const doc = compose(text);
    const hints = inlayHints(doc, {}, { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } });
    expect(hints.map((h) => h.label)).toEqual(["base: x"]);
  });
});

/** Decoded tokens as `[text, type, declaration]`. */
function tokens(text: string, data: number[]): [string, string, boolean][] {
  const lines = text.split("\n");
  const out: [string, string, boolean][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    char = data[i] === 0 ? char + data[i + 1]! : data[i + 1]!;
    out.push([lines[line]!.slice(char, char + data[i + 2]!), TOKEN_TYPES[data[i + 3]!]!, data[i + 4] === 1]);
  }
  return out;
}

describe("compose semantic tokens", () => {
  const text = [
    "x-env: &env",
    "  TAG: ${TAG:-latest}",
    "services:",
    "  web:",
    "    image: app:${TAG:-${FALLBACK}}",
    "    environment: *env",
    "    depends_on: [db]",
    "    networks: [front]",
    "    volumes: [data:/var/lib]",
    "    secrets: [token]",
    "  db:",
    "    image: postgres:$PG",
    "networks:",
    "  front: {}",
    "volumes:",
    "  data: {}",
    "secrets:",
    "  token:",
    "    file: ./t",
    "",
  ].join("\n");

  it("marks names where defined and referenced, variables with their parts, anchors and aliases", () => {
    expect(tokens(text, semanticTokens(compose(text)))).toEqual([
      ["&env", "macro", true],
      ["TAG", "variable", false],
      [":-", "operator", false],
      ["latest", "string", false],
      ["web", "class", true],
      ["TAG", "variable", false],
      [":-", "operator", false],
      ["FALLBACK", "variable", false],
      ["*env", "macro", false],
      ["db", "class", false],
      ["front", "interface", false],
      ["data", "struct", false],
      ["token", "enum", false],
      ["db", "class", true],
      ["PG", "variable", false],
      ["front", "interface", true],
      ["data", "struct", true],
      ["token", "enum", true],
    ]);
  });

  it("answers a range with the tokens inside it, encoded from the range's start", () => {
    const doc = compose(text);
    const data = semanticTokens(doc, { start: { line: 6, character: 0 }, end: { line: 8, character: 0 } });
    expect(tokens(text, data)).toEqual([
      ["db", "class", false],
      ["front", "interface", false],
    ]);
  });

  it("marks the service every form of extends names", () => {
    const ext = "services:\n  base:\n    image: a\n  b:\n    extends: base\n  c:\n    extends:\n      service: base\n  d:\n    extends:\n      file: other.yaml\n      service: app\n";
    expect(tokens(ext, semanticTokens(compose(ext))).filter((t) => !t[2])).toEqual([
      ["base", "class", false],
      ["base", "class", false],
      ["app", "class", false],
    ]);
  });

  it("keeps the Dockerfile part of the legend where it was", () => {
    expect(TOKEN_TYPES.slice(0, 6)).toEqual(["keyword", "parameter", "variable", "comment", "namespace", "macro"]);
  });
});

describe("compose folding and selection with anchors and flow collections", () => {
  const text = [
    "x-base: &base", //               0
    "  image: nginx:1", //            1
    "  environment:", //              2
    "    A: 1", //                    3
    "services:", //                   4
    "  web:", //                      5
    "    <<: *base", //               6
    "    ports: [80, 443]", //        7
    "    labels: {a: 1,", //          8
    "      b: 2}", //                 9
    "  db: *base", //                 10
    "",
  ].join("\n");

  it("folds each written block once, not again where an alias or merge key repeats it", () => {
    const folds = foldingRanges(compose(text)).map((f) => [f.startLine, f.endLine]);
    expect(folds.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!)).toEqual([
      [0, 3],
      [2, 3],
      [4, 10],
      [5, 9],
      [8, 9],
    ]);
  });

  it("folds comment blocks, but not # lines inside a block scalar", () => {
    const commented = "# Project\n# notes\nservices:\n  web:\n    command: |\n      # a script line\n      # another\n      run\n    # about\n    # the image\n    image: nginx\n";
    expect(foldingRanges(compose(commented)).filter((f) => f.kind === "comment").map((f) => [f.startLine, f.endLine])).toEqual([
      [0, 1],
      [8, 9],
    ]);
  });

  const chainAt = (line: number, character: number) => {
    const [sel] = selectionRanges(compose(text), [{ line, character }]) as SelectionRange[];
    const lines = text.split("\n");
    const out: string[] = [];
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) {
      const r = s.range;
      out.push(r.start.line === r.end.line ? lines[r.start.line]!.slice(r.start.character, r.end.character) : `${r.start.line}-${r.end.line}`);
    }
    return out;
  };

  it("selects inside a flow sequence and a flow mapping spanning lines", () => {
    // ... then web's mapping, the web entry, the services mapping and entry, the root mapping, the file
    const outer = ["6-9", "5-9", "5-10", "4-10", "0-10", "0-11"];
    expect(chainAt(7, 17)).toEqual(["443", "[80, 443]", "ports: [80, 443]", ...outer]);
    // the flow mapping (8:12-9:11) inside the labels entry (8:4-9:11)
    expect(chainAt(9, 9)).toEqual(["2", "b: 2", "8-9", "8-9", ...outer]);
  });

  it("selects an alias, then its entry, not the anchored text elsewhere", () => {
    expect(chainAt(10, 9)).toEqual(["*base", "db: *base", "5-10", "4-10", "0-10", "0-11"]);
  });
});

describe("compose quick fixes", () => {
  it("turns a compose fix into a quick fix and into the fix-all source action", () => {
    const text = "version: \"3\"\nservices:\n  web:\n    image: nginx:1.27\n";
    const doc = compose(text);
    const ds = toLspDiagnostics(doc, [
      {
        code: "DC006",
        message: "The version key is obsolete",
        severity: "warning",
        range: { start: 0, end: 7 },
        file: "/w/compose.yaml",
        fix: { title: "Remove the 'version' key", safety: "safe", edits: [{ range: { start: 0, end: 13 }, text: "" }] },
      },
    ]);
    const actions = codeActions(doc, { diagnostics: ds });
    expect(actions.map((a) => a.title)).toEqual(["Remove the 'version' key", "Ignore DC006 for this line", "Fix all safe shipshape problems"]);
    expect(actions[0]!.edit!.changes!["file:///w/compose.yaml"]).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, newText: "" }]);
    expect(actions[2]!.edit).toEqual(actions[0]!.edit);
  });
});

describe("compose navigation through extends", () => {
  it("finds a service's references in both the scalar and the mapping form of extends", () => {
    const text = "services:\n  base:\n    image: a\n  b:\n    extends: base\n  c:\n    extends:\n      service: base\n";
    const refs = references(compose(text), { line: 1, character: 3 }, false);
    expect(refs.map((r) => [r.range.start.line, r.range.start.character])).toEqual([
      [4, 13],
      [7, 15],
    ]);
  });
});

describe("names from included files", () => {
  const files: Record<string, string> = {
    "/w/db.yaml": "include:\n  - sub/cache.yaml\nservices:\n  db:\n    image: postgres:16\n",
    "/w/sub/cache.yaml": "services:\n  cache:\n    image: redis:7\n",
  };
  const readFile = (p: string) => files[p];
  const uriOf = (p: string) => `file://${p}`;

  it("completes service names the included files define, also through their own includes", async () => {
    const { completion } = await import("../src/index.js");
    const doc = compose("include:\n  - db.yaml\nservices:\n  web:\n    image: nginx:1.25\n    depends_on:\n      - \n");
    expect(completion(doc, { line: 6, character: 8 }, { readFile }).map((i) => i.label)).toEqual(["db", "cache"]);
    // Without a reader, the document's own names only.
    expect(completion(doc, { line: 6, character: 8 }).map((i) => i.label)).toEqual([]);
  });

  it("goes to the definition in the included file", async () => {
    const { definition } = await import("../src/index.js");
    const doc = compose("include:\n  - db.yaml\nservices:\n  web:\n    image: nginx:1.25\n    depends_on: [db, cache]\n");
    expect(definition(doc, { line: 5, character: 18 }, { readFile, uriOf })).toEqual([{ uri: "file:///w/db.yaml", range: { start: { line: 3, character: 2 }, end: { line: 3, character: 4 } } }]);
    expect(definition(doc, { line: 5, character: 22 }, { readFile, uriOf })).toEqual([{ uri: "file:///w/sub/cache.yaml", range: { start: { line: 1, character: 2 }, end: { line: 1, character: 7 } } }]);
  });
});
