/** The plan's diagnostic codes (documented in the README) and a small collector. */
import type { Diagnostic, Range, Severity, Category } from "@shipshape/text";

export const CODES = {
  NoStages: { rule: "no-build-stage", severity: "error", category: "correctness" },
  InstructionBeforeFrom: { rule: "instruction-before-from", severity: "error", category: "correctness" },
  InvalidStageName: { rule: "invalid-stage-name", severity: "error", category: "correctness" },
  DuplicateStageName: { rule: "duplicate-stage-name", severity: "error", category: "correctness" },
  BlankBaseName: { rule: "blank-base-name", severity: "error", category: "correctness" },
  InvalidBaseName: { rule: "invalid-base-name", severity: "error", category: "correctness" },
  InvalidPlatform: { rule: "invalid-platform", severity: "error", category: "correctness" },
  StagePlatformIgnored: { rule: "stage-platform-ignored", severity: "warning", category: "correctness" },
  ExpansionError: { rule: "expansion-error", severity: "error", category: "correctness" },
  CopyFromVariable: { rule: "copy-from-variable", severity: "error", category: "correctness" },
  MountFromVariable: { rule: "mount-from-variable", severity: "error", category: "correctness" },
  InvalidStageIndex: { rule: "invalid-stage-index", severity: "error", category: "correctness" },
  CircularDependency: { rule: "circular-dependency", severity: "error", category: "correctness" },
  StageForwardReference: { rule: "stage-forward-reference", severity: "error", category: "correctness" },
  InvalidMount: { rule: "invalid-mount", severity: "error", category: "correctness" },
  InvalidPort: { rule: "invalid-port", severity: "error", category: "correctness" },
  TargetNotFound: { rule: "target-not-found", severity: "error", category: "correctness" },
  CopyIgnoredFile: { rule: "copy-ignored-file", severity: "warning", category: "correctness" },
  CopySourceNotFound: { rule: "copy-source-not-found", severity: "error", category: "correctness" },
  CopyWildcardNoMatch: { rule: "copy-wildcard-no-match", severity: "info", category: "correctness" },
  InvalidDockerignore: { rule: "invalid-dockerignore", severity: "error", category: "correctness" },
  "internal-error": { rule: "internal-error", severity: "error", category: "correctness" },
} as const satisfies Record<string, { rule: string; severity: Severity; category: Category }>;

export type PlanCode = keyof typeof CODES;

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  private readonly seen = new Set<string>();

  report(code: PlanCode, message: string, range: Range, severity?: Severity): void {
    const key = `${code}|${range.start}|${range.end}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const meta = CODES[code];
    const d: Diagnostic = { code, message, severity: severity ?? meta.severity, range, rule: meta.rule, category: meta.category };
    this.items.push(d);
  }

  add(d: Diagnostic): void {
    this.items.push(d);
  }
}
