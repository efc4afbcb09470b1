import { createRequire } from "node:module";
import type { Category, Severity } from "@shipshape/text";
import { SourceLines, sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

/** GitLab's severities, mapped the way hadolint maps them. */
const SEVERITY: Record<Severity, string> = { error: "blocker", warning: "major", info: "info", style: "minor" };

const CATEGORY: Record<Category, string> = {
  syntax: "Bug Risk",
  correctness: "Bug Risk",
  security: "Security",
  "best-practice": "Bug Risk",
  performance: "Performance",
  style: "Style",
};

let crypto: typeof import("node:crypto") | undefined;

/** node:crypto takes several milliseconds to load, so it is loaded only when this format is used. */
function sha256(text: string): string {
  crypto ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return crypto.createHash("sha256").update(text).digest("hex");
}

/**
 * GitLab Code Quality (a Code Climate subset): a JSON array of issues. The fingerprint hashes the file,
 * the code and the trimmed text of the line (plus a counter for repeats), not the line number, so an issue
 * keeps its identity when lines are added above it.
 */
export const gitlab: Reporter = (diagnostics, _rules, options) => {
  const lines = new SourceLines(options.sources);
  const seen = new Map<string, number>();
  const issues = sortDiagnostics(diagnostics).map((d) => {
    const lineText = lines.line(d.file, d.line)?.trim() ?? `line ${d.line}`;
    const key = `${d.file}\0${d.code}\0${lineText}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return {
      type: "issue",
      check_name: d.code,
      description: d.message,
      categories: [CATEGORY[d.category ?? "correctness"]],
      severity: SEVERITY[d.severity],
      fingerprint: sha256(`${key}\0${occurrence}`),
      location: { path: d.file, lines: { begin: d.line, end: d.endLine } },
    };
  });
  return JSON.stringify(issues, null, 2) + "\n";
};
