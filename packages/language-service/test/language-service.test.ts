import { describe, expect, it } from "vitest";
import { codeActions, completion, documentKind, documentSymbols, hover, parseDocument, signatureHelp, toLspDiagnostics, workspaceSymbols } from "../src/index.js";
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

describe("symbol names", () => {
  it("cuts a long instruction at 80 UTF-16 units without splitting a surrogate pair", () => {
    const doc = dockerfile(`FROM alpine:3.19\nLABEL d="${"x".repeat(66)}😀😀😀"\n`);
    const label = documentSymbols(doc)[0]!.children!.find((s) => s.name.startsWith("LABEL"))!;
    expect(label.name).toBe(`LABEL d="${"x".repeat(66)}😀😀…`);
    expect(label.name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const whole = documentSymbols(dockerfile(`FROM alpine:3.19\nLABEL d="${"x".repeat(64)}😀"\n`))[0]!.children![0]!;
    expect(whole.name).toBe(`LABEL d="${"x".repeat(64)}😀"`);
  });

  it("names a compose service with an empty key as written, never with an empty name", () => {
    const doc = compose('services:\n  "":\n    image: x:1\n  web:\n    image: y:1\n');
    const services = documentSymbols(doc).find((s) => s.name === "services")!;
    expect(services.children!.map((s) => s.name)).toEqual(['""', "web"]);
    expect(workspaceSymbols([doc], "").every((s) => s.name !== "")).toBe(true);
  });
});

describe("completion in a heredoc body", () => {
  it("offers no Dockerfile instructions inside the body, and instructions again after its terminator", () => {
    const text = "FROM alpine:3.19\nRUN <<EOF\nset -e\nap\nEOF\nCO\n";
    expect(completion(dockerfile(text), { line: 3, character: 2 })).toEqual([]);
    expect(completion(dockerfile(text), { line: 2, character: 0 })).toEqual([]);
    expect(completion(dockerfile(text), { line: 5, character: 2 }).map((i) => i.label)).toContain("COPY");
    // An unterminated body runs to the end of the file.
    expect(completion(dockerfile("FROM alpine:3.19\nRUN <<EOF\nap"), { line: 2, character: 2 })).toEqual([]);
  });
});

describe("completion after ONBUILD", () => {
  it("offers the instructions a trigger may be, then the trigger's flags", () => {
    const labels = (text: string, line: number, character: number) => completion(dockerfile(text), { line, character }).map((i) => i.label);
    const triggers = labels("FROM alpine:3 AS builder\nONBUILD ", 1, 8);
    expect(triggers).toEqual(expect.arrayContaining(["COPY", "RUN", "HEALTHCHECK", "ENV"]));
    expect(triggers).not.toEqual(expect.arrayContaining(["FROM"]));
    expect(triggers.filter((l) => ["FROM", "MAINTAINER", "ONBUILD"].includes(l))).toEqual([]);
    expect(labels("FROM alpine:3\nONBUILD CO", 1, 10)).toContain("COPY");
    expect(labels("FROM alpine:3\nONBUILD COPY --", 1, 15)).toEqual(expect.arrayContaining(["--from", "--chown", "--chmod"]));
    expect(labels("FROM alpine:3 AS a\nFROM alpine:3\nONBUILD COPY --from=", 2, 20)).toEqual(["a"]);
  });
});

describe("signature help", () => {
  const active = (text: string, line: number, character: number) => {
    const help = signatureHelp(dockerfile(text), { line, character });
    const signature = help?.signatures[0];
    const label = signature?.parameters?.[help!.activeParameter!]?.label as [number, number] | undefined;
    return label ? signature!.label.slice(label[0], label[1]) : undefined;
  };

  it("highlights the parameter the word at the cursor fills, flags by name", () => {
    expect(active("FROM alpine:3.19\nCOPY app.py /app/\n", 1, 12)).toBe("<dest>");
    expect(active("FROM alpine:3.19\nCOPY ", 1, 5)).toBe("<src>...");
    expect(active("FROM alpine:3.19\nCOPY --ch", 1, 9)).toBe("[--chown=...]");
    expect(active("FROM alpine:3.19\nADD https://x/y.tgz /opt/\n", 1, 20)).toBe("<dest>");
    expect(active("FROM alpine AS build\n", 0, 15)).toBe("[AS <name>]");
    expect(active("FROM --platform=linux/amd64 alp", 0, 31)).toBe("<image>[:<tag>|@<digest>]");
    expect(active("FROM alpine\nRUN apt-get install -y curl", 1, 14)).toBe("<command>");
    expect(active("FROM alpine\nRUN --mou", 1, 9)).toBe("[--mount=...]");
  });

  it("follows the form the first argument picks, an ONBUILD's trigger and continuation lines", () => {
    expect(active('FROM alpine\nRUN ["a", ', 1, 10)).toBe('["exe", "arg"]');
    expect(active("FROM alpine\nHEALTHCHECK NONE", 1, 16)).toBe("NONE");
    expect(active("FROM alpine\nHEALTHCHECK --interval=3s CMD curl", 1, 33)).toBe("<command>");
    expect(active("FROM alpine\nONBUILD COPY a ", 1, 15)).toBe("<dest>");
    expect(active("FROM alpine\nCOPY a \\\n  b ", 2, 4)).toBe("<dest>");
  });
});

describe("compose completion in flow sequences", () => {
  const base = "services:\n  web:\n    image: nginx:1.25\n  db:\n    image: postgres:16\n  worker:\n    image: busybox:1\n";
  const labels = (line: string) => {
    const text = `${base}${line}\n`;
    return completion(compose(text), { line: 7, character: line.length }).map((i) => i.label);
  };

  it("offers service names inside `[...]` as in a block list", () => {
    expect(labels("    depends_on: [d")).toEqual(["web", "db"]);
    expect(labels("    depends_on: [db, ")).toEqual(["web", "db"]);
    expect(labels("    links: [")).toEqual(["web", "db"]);
  });

  it("offers nothing once the sequence is closed, and nothing inside a quoted item's brackets", () => {
    expect(labels("    depends_on: [db] ")).toEqual([]);
    expect(labels('    command: ["a", "[x')).toEqual([]);
  });
});
