/**
 * ShellCheck on RUN scripts, through an injected runner (the CLI passes `createShellcheckRunner()` from
 * `@shipshape/shell/process`; the library never starts processes). As hadolint: shell-form RUN (and
 * ONBUILD RUN, and heredoc scripts) only, skipped for non-POSIX shells; the stage's ARG/ENV names count
 * as assigned. Findings become `SCnnnn` diagnostics, filtered by the selection and pragmas like rules.
 */
import type { Dockerfile, Instruction } from "@shipshape/dockerfile";
import type { SemanticModel } from "@shipshape/semantic";
import {
  DEFAULT_SHELLCHECK_EXCLUDES,
  shellcheckDiagnostic,
  shellcheckRequestsFor,
  type ShellcheckFinding,
  type ShellcheckRequest,
} from "@shipshape/shell";
import type { Diagnostic, Range } from "@shipshape/text";
import type { Selection } from "../config/select.js";
import { internalError } from "./builders.js";

type ShellcheckResult = { findings: ShellcheckFinding[]; error?: string };

/** What the engine needs from a ShellCheck runner (`@shipshape/shell/process` provides one). */
export interface ShellcheckRunner {
  check(request: ShellcheckRequest): Promise<ShellcheckResult>;
  /**
   * All of a Dockerfile's scripts at once, results in request order (one ShellCheck process instead of
   * one per script). Optional: without it, `check` runs for each script.
   */
  checkAll?(requests: readonly ShellcheckRequest[]): Promise<ShellcheckResult[]>;
}

/** The rule that stands for every SC code: ignoring it turns ShellCheck off. */
export const SHELLCHECK_RULE = "shellcheck";

/** True when the selection lets any SC code through. */
export function shellcheckSelected(selection: Selection): boolean {
  return selection.enabledCodes.has(SHELLCHECK_RULE) || (selection.shellcheck.only?.size ?? 0) > 0;
}

/** `--include` for ShellCheck: the SC codes selected one by one, unless the whole `shellcheck` rule is on. */
function includedCodes(selection: Selection): string[] | undefined {
  if (selection.enabledCodes.has(SHELLCHECK_RULE)) return undefined;
  const only = selection.shellcheck.only;
  return only && only.size > 0 ? [...only] : undefined;
}

export async function runShellcheck(
  ast: Dockerfile,
  semantic: SemanticModel,
  shellOf: (instr: Instruction) => readonly string[],
  runner: ShellcheckRunner,
  selection: Selection,
): Promise<Diagnostic[]> {
  const { ignored, severity } = selection.shellcheck;
  const include = includedCodes(selection);
  const exclude = [...DEFAULT_SHELLCHECK_EXCLUDES, ...ignored];
  const scripts: { range: Range; request: ShellcheckRequest }[] = [];
  for (const instr of ast.instructions) {
    const target = instr.kind === "Onbuild" ? instr.trigger : instr;
    if (target?.kind !== "Run") continue;
    const scope = semantic.scopeAt(target);
    const requests = shellcheckRequestsFor(instr, {
      shell: shellOf(target),
      declaredVariables: [...scope.entries.keys(), ...scope.unset.keys()],
      exclude,
      include,
    });
    for (const { script, request } of requests) scripts.push({ range: script.range, request });
  }
  if (scripts.length === 0) return [];
  const results = await checkScripts(runner, scripts.map((s) => s.request));
  return results.flatMap((result, i) => {
    const range = scripts[i]!.range;
    if ("thrown" in result) return [internalError(`ShellCheck failed: ${String(result.thrown)}`, range)];
    return toDiagnostics(result, range, severity).filter(
      // The runner was told already; filter again so a runner that ignores the flags changes nothing.
      (d) => !ignored.has(d.code) && (!include || include.includes(d.code)),
    );
  });
}

/** One result per request: through `checkAll` when the runner has it, else `check` for each; what a runner throws is kept. */
async function checkScripts(runner: ShellcheckRunner, requests: ShellcheckRequest[]): Promise<(ShellcheckResult | { thrown: unknown })[]> {
  if (runner.checkAll) {
    try {
      const results = await runner.checkAll(requests);
      if (results.length === requests.length) return results;
      return requests.map(() => ({ thrown: `the runner answered ${results.length} of ${requests.length} scripts` }));
    } catch (e) {
      return requests.map(() => ({ thrown: e }));
    }
  }
  return Promise.all(requests.map((r) => runner.check(r).then((x): ShellcheckResult | { thrown: unknown } => x, (e: unknown) => ({ thrown: e }))));
}

function toDiagnostics(
  result: { findings: ShellcheckFinding[]; error?: string },
  scriptRange: Range,
  severity: Selection["shellcheck"]["severity"],
): Diagnostic[] {
  if (result.error) return [internalError(`ShellCheck gave no answer: ${result.error}`, scriptRange)];
  return result.findings.map((f) => {
    const d = shellcheckDiagnostic(f);
    d.severity = severity.get(d.code) ?? d.severity;
    d.aliases = [];
    return d;
  });
}
