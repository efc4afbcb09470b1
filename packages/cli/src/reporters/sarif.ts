import type { ReportedDiagnostic, RuleInfo, Severity } from "@shipshape/text";
import { ruleDocUrl, rulesUsed, sortDiagnostics } from "./common.js";
import type { Reporter } from "./types.js";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note", style: "note" };

/** GitHub code scanning reads `security-severity` (a CVSS-like score) to rank security findings. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: "8.0", warning: "5.0", info: "3.0", style: "1.0" };

/**
 * SARIF 2.1.0 with one run, a `rules` array (id, help text, help URI to the rule's page) and results whose
 * regions carry start/end line and column in UTF-16 code units, as GitHub code scanning expects.
 */
export const sarif: Reporter = (diagnostics, rules, options) => {
  const used = rulesUsed(diagnostics, rules);
  const index = new Map(used.map((r, i) => [r.code, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "shipshape",
            informationUri: "https://github.com/shipshape-dev/shipshape",
            version: options.version,
            semanticVersion: options.version,
            rules: used.map(sarifRule),
          },
        },
        columnKind: "utf16CodeUnits",
        // Relative paths are relative to the working directory: named as %SRCROOT%, the base SARIF wants a
        // relative URI to have (absolute paths stay file:// URIs of their own).
        ...(options.cwd === undefined ? {} : { originalUriBaseIds: { [SRCROOT]: { uri: `${fileUri(options.cwd).replace(/\/?$/, "/")}` } } }),
        results: sortDiagnostics(diagnostics).map((d) => sarifResult(d, index.get(d.code)!, options.cwd !== undefined)),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
};

function sarifRule(rule: RuleInfo) {
  const summary = rule.summary || rule.name;
  const tags = [rule.kind, rule.category];
  const properties: Record<string, unknown> = { tags };
  if (rule.category === "security") {
    properties["security-severity"] = SECURITY_SEVERITY[rule.severity];
  }
  return {
    id: rule.code,
    name: pascalCase(rule.name || rule.code),
    shortDescription: { text: endSentence(summary) },
    fullDescription: { text: endSentence(summary) },
    helpUri: ruleDocUrl(rule.code),
    help: { text: `${endSentence(summary)} See ${ruleDocUrl(rule.code)}`, markdown: rule.docs || `${endSentence(summary)}` },
    defaultConfiguration: { level: LEVEL[rule.severity], enabled: rule.enabledByDefault },
    properties,
  };
}

const SRCROOT = "%SRCROOT%";

/** A result's file: its URI, with the base of relative ones when there is one. */
function artifactLocation(file: string, based: boolean): { uri: string; uriBaseId?: string } {
  const uri = fileUri(file);
  return based && !uri.startsWith("file:") ? { uri, uriBaseId: SRCROOT } : { uri };
}

function sarifResult(d: ReportedDiagnostic, ruleIndex: number, based: boolean) {
  const result: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text: endSentence(d.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(d.file, based),
          region: region(d),
        },
      },
    ],
  };
  if (d.fix) {
    result.fixes = [
      {
        description: { text: endSentence(d.fix.title) },
        artifactChanges: [
          {
            artifactLocation: artifactLocation(d.file, based),
            replacements: d.fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })),
          },
        ],
      },
    ];
  }
  return result;
}

function region(r: { line: number; column: number; endLine: number; endColumn: number }) {
  return { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn };
}

/** A relative path becomes a relative URI reference (forward slashes, percent-encoded); an absolute one a file URI. */
export function fileUri(file: string): string {
  const slashed = file.replace(/\\/g, "/");
  const encoded = slashed.split("/").map(encodeURIComponent).join("/");
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${slashed.slice(0, 2)}${encoded.slice(encoded.indexOf("/"))}`;
  if (slashed.startsWith("/")) return `file://${encoded}`;
  return encoded.replace(/^(\.\/)+/, "");
}

/** SARIF's authoring rules want messages to end with a period. */
function endSentence(s: string): string {
  const t = s.trimEnd();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function pascalCase(name: string): string {
  return name.replace(/(^|[-_\s]+)([a-zA-Z0-9])/g, (_m, _sep, c: string) => c.toUpperCase());
}
