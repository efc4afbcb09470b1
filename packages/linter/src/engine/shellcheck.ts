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

/** What the engine needs from a ShellCheck runner (`@shipshape/shell/process` provides one). */
export interface ShellcheckRunner {
  check(request: ShellcheckRequest): Promise<{ findings: ShellcheckFinding[]; error?: string }>;
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
  const jobs: Promise<Diagnostic[]>[] = [];
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
    for (const { script, request } of requests) {
      jobs.push(
        runner.check(request).then(
          (result) => toDiagnostics(result, script.range, severity).filter(
            // The runner was told already; filter again so a runner that ignores the flags changes nothing.
            (d) => !ignored.has(d.code) && (!include || include.includes(d.code)),
          ),
          (e: unknown) => [internalError(`ShellCheck failed: ${String(e)}`, script.range)],
        ),
      );
    }
  }
  return (await Promise.all(jobs)).flat();
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
