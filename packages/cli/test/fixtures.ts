import type { ReportedDiagnostic, RuleInfo } from "@shipshape/text";
import type { ReporterOptions } from "../src/reporters/types.js";

/** Synthetic findings shared by the reporter tests: two files, a fix, and characters every format must escape. */
export const SOURCES = new Map<string, string>([
  ["web/Dockerfile", "FROM debian:latest\nRUN apt-get install -y curl\n\tRUN echo hi\n"],
  ["compose.yaml", 'services:\n  web:\n    image: "nginx"\n'],
]);

export function diag(partial: Partial<ReportedDiagnostic> & Pick<ReportedDiagnostic, "file" | "line" | "column" | "code">): ReportedDiagnostic {
  return {
    endLine: partial.line,
    endColumn: partial.column + 1,
    rule: "some-rule",
    aliases: [],
    severity: "warning",
    message: "something is off",
    ...partial,
  };
}

export const LATEST = diag({
  file: "web/Dockerfile",
  line: 1,
  column: 13,
  endColumn: 19,
  code: "DL3007",
  rule: "latest-tag",
  message: "Pin a version instead of 'latest'",
  category: "best-practice",
  fix: { title: "Use the tag 12", safe: false, edits: [{ line: 1, column: 13, endLine: 1, endColumn: 19, text: "12" }] },
});

export const NO_RECOMMENDS = diag({
  file: "web/Dockerfile",
  line: 2,
  column: 5,
  endColumn: 12,
  code: "DL3015",
  rule: "apt-get-no-install-recommends",
  severity: "info",
  message: 'Avoid "extra" <packages>: use --no-install-recommends & friends, 100%',
  category: "performance",
  fix: { title: "Add --no-install-recommends", safe: true, edits: [{ line: 2, column: 20, endLine: 2, endColumn: 20, text: " --no-install-recommends" }] },
});

export const TABBED = diag({ file: "web/Dockerfile", line: 3, column: 2, endColumn: 5, code: "DL9999", rule: "tabbed", severity: "style", message: "line one\nline two" });

export const IMAGE = diag({
  file: "compose.yaml",
  line: 3,
  column: 12,
  endColumn: 19,
  code: "CS001",
  rule: "image-untagged",
  aliases: ["service-image-require-explicit-tag"],
  severity: "error",
  message: "Service web uses image nginx without a tag",
  category: "security",
});

export const RULES: RuleInfo[] = [
  {
    code: "DL3007",
    name: "latest-tag",
    aliases: [],
    kind: "dockerfile",
    category: "best-practice",
    severity: "warning",
    enabledByDefault: true,
    fixable: true,
    summary: "Pin base images to a version, not latest",
    docs: "## What it does\nFlags `:latest`.",
  },
  {
    code: "CS001",
    name: "image-untagged",
    aliases: ["service-image-require-explicit-tag"],
    kind: "compose",
    category: "security",
    severity: "error",
    enabledByDefault: true,
    fixable: false,
    summary: "Services name a concrete image tag",
    docs: "",
  },
];

export const ALL = [IMAGE, TABBED, NO_RECOMMENDS, LATEST];

export function options(partial: Partial<ReporterOptions> = {}): ReporterOptions {
  return { color: false, sources: SOURCES, files: ["compose.yaml", "web/Dockerfile", "clean/Dockerfile"], version: "1.2.3", ...partial };
}
