import type { ReportedDiagnostic, RuleInfo } from "@shipshape/text";

/** What every reporter may use besides the diagnostics; reporters stay pure functions of these. */
export interface ReporterOptions {
  /** Colour the output (stylish only). */
  color: boolean;
  /** File contents by reported path, for code frames and stable fingerprints. */
  sources: ReadonlyMap<string, string>;
  /** Every file that was linted, in report order, so clean files can be listed where a format wants them. */
  files: readonly string[];
  /** The shipshape version, for tool metadata. */
  version: string;
  /** The working directory relative paths are relative to (SARIF names it as the base of its relative URIs). */
  cwd?: string;
}

/**
 * A report: one string, or pieces to write one after another (a large report need never be one string:
 * see the json reporter).
 */
export type Report = string | readonly string[];

/** A format. Most give one string (`R`), which is also a `Report`. */
export type Reporter<R extends Report = string> = (diagnostics: readonly ReportedDiagnostic[], rules: readonly RuleInfo[], options: ReporterOptions) => R;
