import { describe, expect, test } from "vitest";
import { checkstyle } from "../src/reporters/checkstyle.js";
import { codacy } from "../src/reporters/codacy.js";
import { compact } from "../src/reporters/compact.js";
import { rdjson } from "../src/reporters/rdjson.js";
import { github, escapeProperty } from "../src/reporters/github.js";
import { gitlab } from "../src/reporters/gitlab.js";
import { gnu } from "../src/reporters/gnu.js";
import { type Report, resolveFormat } from "../src/reporters/index.js";
import { json } from "../src/reporters/json.js";
import { junit } from "../src/reporters/junit.js";
import { sonarqube } from "../src/reporters/sonarqube.js";
import { caretLine, codeFrame, FRAME_WIDTH, stylish } from "../src/reporters/stylish.js";
import { xmlAttr, xmlText } from "../src/reporters/xml.js";
import { ALL, IMAGE, LATEST, NO_RECOMMENDS, RULES, SOURCES, TABBED, diag, options } from "./fixtures.js";

/** A report as the one string its pieces make. */
const reportText = (report: Report): string => (typeof report === "string" ? report : report.join(""));

describe("stylish", () => {
  test("code frame with carets under the range, fix titles, summary", () => {
    expect(stylish(ALL, RULES, options())).toBe(
      [
        "compose.yaml:3:12: error[CS001] Service web uses image nginx without a tag (image-untagged)",
        '3 |     image: "nginx"',
        "  |            ^^^^^^^",
        "",
        "web/Dockerfile:1:13: warning[DL3007] Pin a version instead of 'latest' (latest-tag)",
        "1 | FROM debian:latest",
        "  |             ^^^^^^",
        "  = fix (unsafe): Use the tag 12",
        "",
        'web/Dockerfile:2:5: info[DL3015] Avoid "extra" <packages>: use --no-install-recommends & friends, 100% (apt-get-no-install-recommends)',
        "2 | RUN apt-get install -y curl",
        "  |     ^^^^^^^",
        "  = fix: Add --no-install-recommends",
        "",
        "web/Dockerfile:3:2: style[DL9999] line one",
        "  line two (tabbed)",
        "3 | \tRUN echo hi",
        "  | \t^^^",
        "",
        "4 problems (1 error, 1 warning, 1 info, 1 style) in 3 files.",
        "1 problem can be fixed with --fix.",
        "",
      ].join("\n"),
    );
  });

  test("a long report comes in pieces of whole findings, together the findings' frames in order and the summary", () => {
    const sources = new Map([["web/Dockerfile", Array.from({ length: 700 }, (_, i) => `RUN echo ${i} — ✓`).join("\n")]]);
    // one finding per line (no ties for the sort), given out of order
    const many = Array.from({ length: 700 }, (_, i) => diag({ file: "web/Dockerfile", line: 1 + ((i * 3) % 700), column: 5, endColumn: 9, code: "DL3000", message: `finding ${i}` }));
    const opts = options({ sources, files: ["web/Dockerfile"] });
    const report = stylish(many, RULES, opts);
    expect(Array.isArray(report)).toBe(true);
    expect((report as string[]).length).toBeGreaterThan(2);
    const text = reportText(report);
    // Each finding's block is what a report of that finding alone shows above its summary line.
    const block = (d: ReturnType<typeof diag>) => `${reportText(stylish([d], RULES, opts)).split("\n").slice(0, -2).join("\n")}\n`;
    const sorted = [...many].sort((a, b) => a.line - b.line || a.column - b.column);
    expect(text).toBe(`${sorted.map(block).join("")}700 problems (0 errors, 700 warnings, 0 info, 0 style) in 1 file.\n`);
  });

  test("no findings", () => {
    expect(stylish([], RULES, options({ files: ["Dockerfile"] }))).toBe("No problems found in 1 file.\n");
  });

  test("colour only when asked for", () => {
    expect(stylish([LATEST], RULES, options())).not.toMatch(/\x1b\[/);
    const coloured = stylish([LATEST], RULES, options({ color: true }));
    expect(coloured).toMatch(/\x1b\[33m/); // yellow warning
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(stylish([LATEST], RULES, options()));
  });

  test("carets: empty ranges, ranges past the line and across lines", () => {
    const at = (column: number, endColumn: number, endLine = 1) => caretLine("FROM x", { line: 1, column, endLine, endColumn });
    expect(at(1, 5)).toBe("^^^^");
    expect(at(3, 3)).toBe("  ^");
    expect(at(6, 9)).toBe("     ^");
    expect(at(7, 7)).toBe("      ^");
    expect(at(6, 2, 3)).toBe("     ^");
  });

  test("a long line is shown as a window onto the finding, with the carets under it", () => {
    const line = `RUN echo ${"a".repeat(300)} ${"b".repeat(300)} | base64 -d`;
    const at = (column: number, endColumn: number) => codeFrame(line, { line: 1, column, endLine: 1, endColumn });
    // Near the start: the window starts at the line's start and ends with an ellipsis.
    const head = at(1, 4);
    expect(head.source).toBe(`${line.slice(0, FRAME_WIDTH)}…`);
    expect(head.carets).toBe("^^^");
    // In the middle: 40 characters before the finding stay, and a range running past the window stops at its end.
    const middle = at(312, 612);
    expect(middle.source).toBe(`…${line.slice(271, 271 + FRAME_WIDTH)}…`);
    expect(middle.carets).toBe(`${" ".repeat(41)}${"^".repeat(FRAME_WIDTH - 40)}`);
    // At the end: the window is the line's last FRAME_WIDTH characters.
    const tail = at(line.length - 1, line.length + 1);
    expect(tail.source).toBe(`…${line.slice(-FRAME_WIDTH)}`);
    expect(tail.carets).toBe(`${" ".repeat(FRAME_WIDTH - 1)}^^`);
    // A short line is shown whole.
    expect(codeFrame("FROM x", { line: 1, column: 6, endLine: 1, endColumn: 7 })).toEqual({ source: "FROM x", carets: "     ^" });
  });

  test("a window never shows half a surrogate pair", () => {
    const line = "😀".repeat(200);
    for (const column of [81, 82, 201, 202]) {
      const { source } = codeFrame(line, { line: 1, column, endLine: 1, endColumn: column + 2 });
      expect(source.replace(/…/g, "")).toMatch(/^(?:\ud83d\ude00)+$/);
    }
  });

  test("control characters in the source, the message and the file name are shown, not sent to the terminal", () => {
    const sources = new Map([["evil\x1b[2J/Dockerfile", "FROM alpine\x1b]0;pwned\x07\x00:3\x9b1m\n"]]);
    const finding = diag({ file: "evil\x1b[2J/Dockerfile", line: 1, column: 6, endColumn: 25, code: "DF110", message: "Invalid image reference 'alpine\x1b]0;pwned\x07'" });
    const out = stylish([finding], RULES, options({ sources, files: ["evil\x1b[2J/Dockerfile"] }));
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(out).toContain("evil␛[2J/Dockerfile:1:6");
    expect(out).toContain("1 | FROM alpine␛]0;pwned␇␀:3\ufffd1m");
    expect(out).toContain("  |      ^^^^^^^^^^^^^^^^^^^");
    expect(out).toContain("Invalid image reference 'alpine␛]0;pwned␇'");
    for (const format of [compact, gnu]) expect(format([finding], RULES, options({ sources }))).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  });

  test("a file without source text gets no frame", () => {
    const out = stylish([diag({ file: "-", line: 1, column: 1, code: "X1" })], [], options({ sources: new Map(), files: ["-"] }));
    expect(out).toBe("-:1:1: warning[X1] something is off (some-rule)\n\n1 problem (0 errors, 1 warning, 0 info, 0 style) in 1 file.\n");
  });
});

test("json: the contract's keys in order, sorted by file, line and column", () => {
  const parsed = JSON.parse(reportText(json([TABBED, IMAGE, LATEST], RULES, options()))) as Record<string, unknown>[];
  expect(parsed.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(["compose.yaml:3:12", "web/Dockerfile:1:13", "web/Dockerfile:3:2"]);
  expect(Object.keys(parsed[1]!)).toEqual(["file", "line", "column", "endLine", "endColumn", "code", "rule", "aliases", "severity", "message", "category", "fix"]);
  expect(parsed[1]!.fix).toEqual(LATEST.fix);
  expect(json([], RULES, options())).toBe("[]\n");
});

test("json: a large report comes in pieces, together the text JSON.stringify gives", () => {
  const finding = (i: number) =>
    diag({
      file: `svc${i % 7}/Dockerfile`,
      line: 1 + (i % 40),
      column: 1 + (i % 3),
      code: i % 2 ? "DL3008" : "CS001",
      // line breaks, quotes, backslashes, a tab, non-Latin-1 and astral characters, U+2028
      message: `finding ${i}: "quoted"\nsecond line \\ back\tslash — ✓ 🐳 \u2028 end`,
      ...(i % 5 === 0 ? { fix: LATEST.fix } : {}),
    });
  // around the piece size (200 elements): one string up to it, pieces past it
  for (const count of [1, 199, 200, 201, 400, 401, 1234]) {
    const many = Array.from({ length: count }, (_, i) => finding(i));
    const report = json(many, RULES, options());
    expect(typeof report === "string").toBe(count <= 200);
    const whole = reportText(report);
    const parsed = JSON.parse(whole) as Record<string, unknown>[];
    expect(parsed).toHaveLength(count);
    expect(whole).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    // sorted as a whole, not piece by piece
    const keys = parsed.map((d) => `${d.file}:${String(d.line).padStart(3, "0")}:${d.column}`);
    expect(keys).toEqual([...keys].sort());
  }
});

test("codacy: one JSON object per line with Codacy's keys, sorted", () => {
  const lines = codacy(ALL, RULES, options()).split("\n");
  expect(lines.pop()).toBe("");
  expect(lines.map((l) => JSON.parse(l))).toEqual([
    { filename: "compose.yaml", patternId: "CS001", message: "Service web uses image nginx without a tag", line: 3 },
    { filename: "web/Dockerfile", patternId: "DL3007", message: "Pin a version instead of 'latest'", line: 1 },
    { filename: "web/Dockerfile", patternId: "DL3015", message: 'Avoid "extra" <packages>: use --no-install-recommends & friends, 100%', line: 2 },
    { filename: "web/Dockerfile", patternId: "DL9999", message: "line one\nline two", line: 3 },
  ]);
  expect(codacy([], RULES, options())).toBe("");
  expect(resolveFormat("codacy")).toBe("codacy");
});

test("gnu: one line per finding with GNU ranges", () => {
  expect(gnu(ALL, RULES, options())).toBe(
    [
      "compose.yaml:3.12-18: error: Service web uses image nginx without a tag [CS001]",
      "web/Dockerfile:1.13-18: warning: Pin a version instead of 'latest' [DL3007]",
      'web/Dockerfile:2.5-11: info: Avoid "extra" <packages>: use --no-install-recommends & friends, 100% [DL3015]',
      // Display columns: the line starts with a tab, so RUN is at column 9.
      "web/Dockerfile:3.9-11: style: line one line two [DL9999]",
      "",
    ].join("\n"),
  );
  const wide = diag({ file: "f", line: 2, column: 3, endLine: 4, endColumn: 6, code: "X" });
  const empty = diag({ file: "f", line: 2, column: 3, endColumn: 3, code: "X" });
  expect(gnu([wide, empty], [], options())).toBe("f:2.3: warning: something is off [X]\nf:2.3-4.5: warning: something is off [X]\n");
});

test("compact: ESLint's and dclint's one-line format with a count", () => {
  expect(compact(ALL, RULES, options())).toBe(
    [
      "compose.yaml: line 3, col 12, Error - Service web uses image nginx without a tag (CS001)",
      "web/Dockerfile: line 1, col 13, Warning - Pin a version instead of 'latest' (DL3007)",
      'web/Dockerfile: line 2, col 5, Info - Avoid "extra" <packages>: use --no-install-recommends & friends, 100% (DL3015)',
      "web/Dockerfile: line 3, col 2, Style - line one line two (DL9999)",
      "",
      "4 problems",
      "",
    ].join("\n"),
  );
  expect(compact([], RULES, options())).toBe("");
});

test("rdjson: reviewdog's format with ranges, severities, rule links and safe fixes as suggestions", () => {
  const report = JSON.parse(rdjson([LATEST, NO_RECOMMENDS], RULES, options())) as any;
  expect(report.source.name).toBe("shipshape");
  expect(report.diagnostics[0]).toEqual({
    message: LATEST.message,
    location: { path: "web/Dockerfile", range: { start: { line: 1, column: 13 }, end: { line: 1, column: 19 } } },
    severity: "WARNING",
    code: { value: "DL3007", url: "https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/DL3007.md" },
  });
  expect(report.diagnostics[1].severity).toBe("INFO");
  expect(report.diagnostics[1].suggestions).toEqual([{ range: { start: { line: 2, column: 20 }, end: { line: 2, column: 20 } }, text: " --no-install-recommends" }]);
});

describe("github", () => {
  test("workflow commands with severities mapped and data escaped", () => {
    expect(github(ALL, RULES, options())).toBe(
      [
        "::error file=compose.yaml,line=3,endLine=3,col=12,endColumn=19,title=CS001 (image-untagged)::Service web uses image nginx without a tag",
        "::warning file=web/Dockerfile,line=1,endLine=1,col=13,endColumn=19,title=DL3007 (latest-tag)::Pin a version instead of 'latest'",
        '::notice file=web/Dockerfile,line=2,endLine=2,col=5,endColumn=12,title=DL3015 (apt-get-no-install-recommends)::Avoid "extra" <packages>: use --no-install-recommends & friends, 100%25',
        "::notice file=web/Dockerfile,line=3,endLine=3,col=2,endColumn=5,title=DL9999 (tabbed)::line one%0Aline two",
        "",
      ].join("\n"),
    );
  });
  test("columns only for a range on one line", () => {
    const wide = diag({ file: "f", line: 2, column: 3, endLine: 4, endColumn: 6, code: "X" });
    expect(github([wide], [], options())).toBe("::warning file=f,line=2,endLine=4,title=X (some-rule)::something is off\n");
  });
  test("properties escape : and , as well", () => {
    expect(escapeProperty("C:\\a,b%\r\n")).toBe("C%3A\\a%2Cb%25%0D%0A");
    const out = github([diag({ file: "dir,1/a:b", line: 1, column: 1, code: "X" })], [], options());
    expect(out).toBe("::warning file=dir%2C1/a%3Ab,line=1,endLine=1,col=1,endColumn=2,title=X (some-rule)::something is off\n");
  });
  test("a message's escape sequences are shown in the job log, not run", () => {
    const out = github([diag({ file: "f", line: 1, column: 1, code: "X", message: "image 'a\x1b[31mb\x00'\r\nnext" })], [], options());
    expect(out).toBe("::warning file=f,line=1,endLine=1,col=1,endColumn=2,title=X (some-rule)::image 'a␛[31mb␀'%0D%0Anext\n");
  });
});

describe("XML formats", () => {
  test("escaping of text, attributes and characters XML cannot hold", () => {
    expect(xmlText("a<b>&c")).toBe("a&lt;b&gt;&amp;c");
    expect(xmlAttr(`"q" 'a'\n\t`)).toBe("&quot;q&quot; &apos;a&apos;&#10;&#9;");
    expect(xmlText("bell\u0007 nul\u0000 lone\uD800 ok\u{1F600}")).toBe("bell\uFFFD nul\uFFFD lone\uFFFD ok\u{1F600}");
  });

  test("checkstyle", () => {
    expect(checkstyle(ALL, RULES, options())).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="compose.yaml">',
        '    <error line="3" column="12" severity="error" message="Service web uses image nginx without a tag" source="CS001"/>',
        "  </file>",
        '  <file name="web/Dockerfile">',
        '    <error line="1" column="13" severity="warning" message="Pin a version instead of &apos;latest&apos;" source="DL3007"/>',
        '    <error line="2" column="5" severity="info" message="Avoid &quot;extra&quot; &lt;packages&gt;: use --no-install-recommends &amp; friends, 100%" source="DL3015"/>',
        '    <error line="3" column="2" severity="info" message="line one&#10;line two" source="DL9999"/>',
        "  </file>",
        '  <file name="clean/Dockerfile"/>',
        "</checkstyle>",
        "",
      ].join("\n"),
    );
  });

  test("junit", () => {
    expect(junit([IMAGE, TABBED], RULES, options())).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="shipshape" tests="3" failures="2" errors="0">',
        '  <testsuite name="compose.yaml" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase name="CS001 3:12" classname="compose.yaml">',
        '      <failure message="Service web uses image nginx without a tag" type="error">compose.yaml:3:12: error[CS001] Service web uses image nginx without a tag</failure>',
        "    </testcase>",
        "  </testsuite>",
        '  <testsuite name="web/Dockerfile" tests="1" failures="1" errors="0" skipped="0">',
        '    <testcase name="DL9999 3:2" classname="web/Dockerfile">',
        '      <failure message="line one&#10;line two" type="style">web/Dockerfile:3:2: style[DL9999] line one\nline two</failure>',
        "    </testcase>",
        "  </testsuite>",
        '  <testsuite name="clean/Dockerfile" tests="1" failures="0" errors="0" skipped="0">',
        '    <testcase name="shipshape" classname="clean/Dockerfile"/>',
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });

  test("every XML report is well-formed: tags balance and no raw markup characters leak from data", () => {
    for (const xml of [checkstyle(ALL, RULES, options()), junit(ALL, RULES, options())]) assertWellFormed(xml);
  });
});

describe("gitlab", () => {
  const issues = (ds = ALL, sources = SOURCES) => JSON.parse(gitlab(ds, RULES, options({ sources }))) as Record<string, any>[];

  test("the fields GitLab requires, hadolint's severity mapping", () => {
    const [image] = issues();
    expect(image).toMatchObject({
      type: "issue",
      check_name: "CS001",
      description: IMAGE.message,
      severity: "blocker",
      categories: ["Security"],
      location: { path: "compose.yaml", lines: { begin: 3, end: 3 } },
    });
    expect(image!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(issues().map((i) => i.severity)).toEqual(["blocker", "major", "info", "minor"]);
  });

  test("fingerprints survive lines inserted above, and repeats on identical lines stay distinct", () => {
    const moved = new Map(SOURCES).set("web/Dockerfile", "# a comment\n" + SOURCES.get("web/Dockerfile"));
    const before = issues([LATEST]);
    const after = issues([{ ...LATEST, line: 2, endLine: 2 }], moved);
    expect(after[0]!.fingerprint).toBe(before[0]!.fingerprint);
    const twice = new Map([["f", "RUN a\nRUN a\n"]]);
    const a = diag({ file: "f", line: 1, column: 1, code: "X" });
    const b = diag({ file: "f", line: 2, column: 1, code: "X" });
    const fps = (JSON.parse(gitlab([a, b], [], options({ sources: twice }))) as { fingerprint: string }[]).map((i) => i.fingerprint);
    expect(new Set(fps).size).toBe(2);
    expect(issues()[0]!.fingerprint).toBe(issues()[0]!.fingerprint);
  });
});

test("sonarqube: rules with clean-code attributes and impacts, 0-based columns", () => {
  const report = JSON.parse(sonarqube([IMAGE, LATEST, diag({ file: "f", line: 2, column: 4, endColumn: 4, code: "X" })], RULES, options())) as any;
  expect(report.rules.map((r: any) => r.id)).toEqual(["CS001", "DL3007", "X"]);
  expect(report.rules[0]).toMatchObject({ engineId: "shipshape", cleanCodeAttribute: "TRUSTWORTHY", impacts: [{ softwareQuality: "SECURITY", severity: "HIGH" }] });
  expect(report.issues[0]).toEqual({
    ruleId: "CS001",
    primaryLocation: { message: IMAGE.message, filePath: "compose.yaml", textRange: { startLine: 3, endLine: 3, startColumn: 11, endColumn: 18 } },
  });
  expect(report.issues.find((i: any) => i.ruleId === "X").primaryLocation.textRange).toEqual({ startLine: 2, endLine: 2 });
});

test("format names and hadolint's aliases", () => {
  expect(resolveFormat("tty")).toBe("stylish");
  expect(resolveFormat("codeclimate")).toBe("gitlab");
  expect(resolveFormat("gitlab_codeclimate")).toBe("gitlab");
  expect(resolveFormat("SARIF")).toBe("sarif");
  expect(resolveFormat("codacy")).toBe("codacy");
  expect(resolveFormat("xml")).toBeUndefined();
});

/** A small XML checker: balanced tags, quoted attributes, and `&` only as an entity. */
function assertWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf("\n") + 1);
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(body))) {
    if (m[6]) throw new Error(`stray '<' at ${m.index}`);
    if (m[5] !== undefined) {
      expect(m[5]).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/);
      continue;
    }
    for (const attr of m[3]!.matchAll(/="([^"]*)"/g)) expect(attr[1]).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos|#\d+);)|[<>]/);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
}

test("gnu and stylish count display columns: tab stops every 8, wide characters two", () => {
  const text = 'FROM alpine:3.20\nRUN\tcd /tmp\nRUN echo "é😀中文" && cd /tmp\n';
  const sources = new Map([["Dockerfile", text]]);
  const tab = diag({ file: "Dockerfile", line: 2, column: 5, endLine: 2, endColumn: 7, code: "DL3003" });
  const wide = diag({ file: "Dockerfile", line: 3, column: 21, endLine: 3, endColumn: 23, code: "DL3003" });
  expect(gnu([tab, wide], [], options({ sources }))).toBe("Dockerfile:2.9-10: warning: something is off [DL3003]\nDockerfile:3.23-24: warning: something is off [DL3003]\n");
  // Unknown source: UTF-16 columns, as before.
  expect(gnu([tab], [], options())).toBe("Dockerfile:2.5-6: warning: something is off [DL3003]\n");
  // The carets sit under `cd` whatever stands before it; a wide character under them gets two.
  expect(caretLine('RUN echo "é😀中文" && cd /tmp', { line: 1, column: 21, endLine: 1, endColumn: 23 })).toBe(`${" ".repeat(10)}${" ".repeat(1 + 2 + 2 + 2)}     ^^`);
  expect(caretLine("RUN\tcd /tmp", { line: 1, column: 5, endLine: 1, endColumn: 7 })).toBe("   \t^^");
  expect(caretLine("ENV A=中文", { line: 1, column: 7, endLine: 1, endColumn: 9 })).toBe("      ^^^^");
});
