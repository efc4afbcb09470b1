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
}

export type Reporter = (diagnostics: readonly ReportedDiagnostic[], rules: readonly RuleInfo[], options: ReporterOptions) => string;
