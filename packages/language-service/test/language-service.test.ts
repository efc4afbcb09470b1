import { describe, expect, it } from "vitest";
import { codeActions, completion, documentKind, hover, parseDocument, toLspDiagnostics } from "../src/index.js";
import { anchorOccurrences } from "../src/compose/anchors.js";
import { yamlCursor } from "../src/compose/yaml-path.js";

const dockerfile = (text: string) => parseDocument({ uri: "file:///w/Dockerfile", path: "/w/Dockerfile", version: 1, text, kind: "dockerfile" });
const compose = (text: string) => parseDocument({ uri: "file:///w/compose.yaml", path: "/w/compose.yaml", version: 1, text, kind: "compose" });

describe("documentKind", () => {
  it("takes yaml as compose only for compose file names", () => {
    expect(documentKind("yaml", "file:///p/compose.yaml")).toBe("compose");
    expect(documentKind("yaml", "file:///p/docker-compose.prod.yml")).toBe("compose");
    expect(documentKind("yaml", "file:///p/app.compose.yaml")).toBe("compose");
    expect(documentKind("yaml", "file:///p/values.yaml")).toBeUndefined();
    expect(documentKind("dockercompose", "untitled:1")).toBe("compose");
    expect(documentKind("dockerfile", "untitled:1")).toBe("dockerfile");
    expect(documentKind("plaintext", "file:///p/Containerfile.dev")).toBe("dockerfile");
    expect(documentKind("plaintext", "file:///p/Dockerfile.dockerignore")).toBeUndefined();
  });
});

describe("yamlCursor", () => {
  const at = (text: string) => {
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.includes("<|>"));
    const character = lines[line]!.indexOf("<|>");
    lines[line] = lines[line]!.replace("<|>", "");
    return yamlCursor((i) => lines[i] ?? "", line, character);
  };
  it("finds the key path from indentation", () => {
    expect(at("services:\n  web:\n    <|>")).toMatchObject({ path: ["services", "web"], listItem: false });
    expect(at("services:\n  web:\n    restart: <|>")).toMatchObject({ path: ["services", "web"], valueKey: "restart" });
    expect(at("services:\n  web:\n    depends_on:\n      - <|>")).toMatchObject({ path: ["services", "web", "depends_on", "0"], listItem: true });
    expect(at("services:\n  web:\n    ports:\n      - target: 80\n        <|>")).toMatchObject({ path: ["services", "web", "ports", "0"] });
    expect(at("services:\n  web:\n    ports:\n      - tar<|>")).toMatchObject({ path: ["services", "web", "ports", "0"], word: "tar" });
  });
});

describe("anchorOccurrences", () => {
  it("finds anchors and aliases outside comments and quotes", () => {
    const text = "x: &base\n  a: 1\n# &notme\ny:\n  <<: *base\nz: '&quoted'\n";
    expect(anchorOccurrences(text).map((o) => [o.name, o.definition, text.slice(o.range.start, o.range.end)])).toEqual([
      ["base", true, "base"],
      ["base", false, "base"],
    ]);
  });
});

describe("diagnostics and code actions", () => {
  const doc = dockerfile("FROM alpine:3.20\nRUN apk add curl\n");
  const [d] = toLspDiagnostics(doc, [
    {
      code: "DL3018",
      message: "Pin versions",
      severity: "warning",
      range: { start: 21, end: 33 },
      rule: "apk-unpinned",
      fix: { title: "Pin it", safety: "safe", edits: [{ range: { start: 29, end: 33 }, text: "curl=8" }] },
    },
    { code: "X1", message: "elsewhere", severity: "error", range: { start: 0, end: 1 }, file: "/w/other" },
  ]);

  it("converts ranges, carries the fix in data and drops findings about other files", () => {
    expect(d).toMatchObject({
      range: { start: { line: 1, character: 4 }, end: { line: 1, character: 16 } },
      severity: 2,
      code: "DL3018",
      codeDescription: { href: "https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/DL3018.md" },
      message: "Pin versions (apk-unpinned)",
      data: { code: "DL3018", fix: { title: "Pin it", safe: true, edits: [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 16 } }, newText: "curl=8" }] } },
    });
  });

  it("turns the data into a quick fix, an ignore pragma and a fix-all action", () => {
    const actions = codeActions(doc, { diagnostics: [d!] });
    expect(actions.map((a) => [a.title, a.kind])).toEqual([
      ["Pin it", "quickfix"],
      ["Ignore DL3018 for this line", "quickfix"],
      ["Fix all safe shipshape problems", "source.fixAll.shipshape"],
    ]);
    expect(actions[1]!.edit!.changes!["file:///w/Dockerfile"]![0]!.newText).toBe("# hadolint ignore=DL3018\n");
    expect(codeActions(doc, { diagnostics: [d!], only: ["source.fixAll"] }).map((a) => a.kind)).toEqual(["source.fixAll.shipshape"]);
  });
});

describe("hover and completion on parsed documents", () => {
  it("hovers a compose key with its description", () => {
    const h = hover(compose("services:\n  web:\n    image: nginx\n"), { line: 2, character: 5 });
    expect((h!.contents as { value: string }).value).toMatch(/^\*\*services\.web\.image\*\*\n\n\S/);
    expect(h!.range).toEqual({ start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
  });

  it("completes COPY flags with documentation", () => {
    const items = completion(dockerfile("FROM alpine:3.20\nCOPY --\n"), { line: 1, character: 7 });
    const from = items.find((i) => i.label === "--from")!;
    expect(from.insertText).toBe("--from=");
    expect((from.documentation as { value: string }).value).toContain("stage");
  });
});
