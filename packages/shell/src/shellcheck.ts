import type { Diagnostic, Fix, Range, Severity, TextEdit } from "@shipshape/text";
import { mapRange } from "./source-map.js";
import type { ToSource } from "./types.js";
import type { Instruction } from "@shipshape/dockerfile";
import { isPosixShell, shellDialect, shellScriptsOf, type EmbeddedScript, type ShellDialect } from "./dockerfile.js";

/**
 * Codes left out by default, as hadolint does: SC2187 (ash is not supported: we pass the dialect
 * instead), SC1090 and SC1091 (`source` of a file ShellCheck cannot see).
 */
export const DEFAULT_SHELLCHECK_EXCLUDES: readonly string[] = ["SC2187", "SC1090", "SC1091"];

/** Variables every build has, so referencing them is never "not assigned" (hadolint's list). */
export const PROXY_VARIABLES: readonly string[] = [
  "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy",
];

export type ShellcheckLevel = "error" | "warning" | "info" | "style";

export interface ShellcheckOptions {
  /** `--shell`; default `sh` (the default `/bin/sh -c`). Use `shellDialect()` to get it from SHELL or a shebang. */
  dialect?: ShellDialect;
  /**
   * Names the script may reference without assigning: the stage's ARG and ENV names (inherited ones
   * included). The proxy variables are always added.
   */
  declaredVariables?: readonly string[];
  /** Codes to exclude (`SC2086` or `2086`); default `DEFAULT_SHELLCHECK_EXCLUDES`. */
  exclude?: readonly string[];
  /** Only report these codes (`--include`). */
  include?: readonly string[];
  /** Minimum level (`--severity`); default `style` (everything). */
  severity?: ShellcheckLevel;
  /** Optional checks to enable (`--enable`), e.g. `all` or `require-variable-braces`. */
  enable?: readonly string[];
}

/** Everything needed to run ShellCheck once on one script and to map its answer back. */
export interface ShellcheckRequest {
  /** Arguments after the `shellcheck` executable; the script is read from stdin (`-`). */
  args: string[];
  stdin: string;
  /** The script as given (without the declarations). */
  script: string;
  toSource: ToSource;
  /** 0-based script line before which the declaration line was inserted, and how many lines it has. */
  insertedAtLine: number;
  insertedLines: number;
}

export interface ShellcheckFinding {
  /** `SC2086`. */
  code: string;
  level: ShellcheckLevel;
  message: string;
  /** Dockerfile source range. */
  range: Range;
  scriptRange: Range;
  /** ShellCheck's suggested fix, when every edit maps straight onto the source. */
  fix?: Fix;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function normalizeCode(code: string): string {
  const digits = code.replace(/^SC/i, "");
  return `SC${digits}`;
}

/**
 * Builds the argv and stdin for `shellcheck --format=json1 --shell=<dialect> -`. Declared variables
 * become one `export A=1 B=1` line, inserted after the script's leading comments (shebang and
 * `# shellcheck` directives), so file-wide directives stay file-wide and line numbers stay easy to map.
 */
export function buildShellcheckRequest(script: { text: string; toSource: ToSource }, options: ShellcheckOptions = {}): ShellcheckRequest {
  const args = ["--format=json1", `--shell=${options.dialect ?? "sh"}`, `--severity=${options.severity ?? "style"}`];
  const exclude = (options.exclude ?? DEFAULT_SHELLCHECK_EXCLUDES).map(normalizeCode);
  if (exclude.length > 0) args.push(`--exclude=${exclude.join(",")}`);
  if (options.include && options.include.length > 0) args.push(`--include=${options.include.map(normalizeCode).join(",")}`);
  if (options.enable && options.enable.length > 0) args.push(`--enable=${options.enable.join(",")}`);
  args.push("-");

  const names = [...new Set([...PROXY_VARIABLES, ...(options.declaredVariables ?? [])])].filter((n) => NAME.test(n));
  const lines = script.text.split("\n");
  let at = 0;
  while (at < lines.length && /^\s*(#.*)?\r?$/.test(lines[at]) && at < lines.length - 1) at++;
  const declaration = names.length > 0 ? `export ${names.map((n) => `${n}=1`).join(" ")}` : "";
  const inserted = declaration ? 1 : 0;
  const stdin = declaration ? [...lines.slice(0, at), declaration, ...lines.slice(at)].join("\n") : script.text;
  return { args, stdin, script: script.text, toSource: script.toSource, insertedAtLine: at, insertedLines: inserted };
}

interface Json1Replacement {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  replacement: string;
}

interface Json1Comment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
  fix?: { replacements?: Json1Replacement[] } | null;
}

/**
 * Turns ShellCheck's `json1` output into findings with Dockerfile ranges. Findings on the inserted
 * declaration line are dropped. Never throws: unreadable output gives an empty list.
 */
export function parseShellcheckOutput(request: ShellcheckRequest, stdout: string): ShellcheckFinding[] {
  return shellcheckFindings(request, shellcheckComments(stdout) ?? []);
}

/** The `comments` array of ShellCheck's json1 output, or undefined when the output is not that. */
export function shellcheckComments(stdout: string): unknown[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  const comments = (data as { comments?: unknown })?.comments;
  return Array.isArray(comments) ? comments : undefined;
}

/** ShellCheck's json1 comments on a request's script as findings at their places in the source. */
export function shellcheckFindings(request: ShellcheckRequest, comments: readonly unknown[]): ShellcheckFinding[] {
  const lineStarts = lineStartsOf(request.script);
  const out: ShellcheckFinding[] = [];
  for (const c of comments as Json1Comment[]) {
    if (typeof c?.line !== "number" || typeof c.code !== "number") continue;
    const start = offsetOf(request, lineStarts, c.line, c.column);
    const end = offsetOf(request, lineStarts, c.endLine ?? c.line, c.endColumn ?? c.column);
    if (start === undefined || end === undefined) continue;
    const code = `SC${c.code}`;
    const finding: ShellcheckFinding = {
      code,
      level: toLevel(c.level),
      message: String(c.message ?? ""),
      range: mapRange(request.toSource, start, Math.max(start, end)),
      scriptRange: { start, end: Math.max(start, end) },
    };
    const fix = c.fix?.replacements ? toFix(request, lineStarts, code, c.fix.replacements) : undefined;
    if (fix) finding.fix = fix;
    out.push(finding);
  }
  return out;
}

function toLevel(level: string): ShellcheckLevel {
  return level === "error" || level === "warning" || level === "info" || level === "style" ? level : "warning";
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * A 1-based ShellCheck line and column (columns count code points, a tab counts one) to a script
 * offset in UTF-16 code units; undefined on the inserted line.
 */
function offsetOf(request: ShellcheckRequest, lineStarts: number[], line: number, column: number): number | undefined {
  let index = line - 1;
  if (index >= request.insertedAtLine) {
    if (index < request.insertedAtLine + request.insertedLines) return undefined;
    index -= request.insertedLines;
  }
  if (index < 0) return undefined;
  if (index >= lineStarts.length) return request.script.length;
  const lineStart = lineStarts[index];
  const lineEnd = index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : request.script.length;
  let offset = lineStart;
  for (let col = 1; col < column && offset < lineEnd; col++) {
    const cp = request.script.codePointAt(offset)!;
    offset += cp > 0xffff ? 2 : 1;
  }
  return offset;
}

function toFix(request: ShellcheckRequest, lineStarts: number[], code: string, replacements: Json1Replacement[]): Fix | undefined {
  const edits: TextEdit[] = [];
  const toSource = request.toSource;
  for (const r of replacements) {
    const start = offsetOf(request, lineStarts, r.line, r.column);
    const end = offsetOf(request, lineStarts, r.endLine, r.endColumn);
    if (start === undefined || end === undefined || end < start) return undefined;
    // Only offer the fix when the edited span maps straight onto the source (no continuation inside
    // it, and no continuation right at an insertion point, where "before" and "after" differ).
    if (end === start) {
      const at = toSource(start);
      if (start > 0 && toSource(start - 1) + 1 !== at) return undefined;
      edits.push({ range: { start: at, end: at }, text: r.replacement });
    } else {
      const range = mapRange(toSource, start, end);
      if (range.end - range.start !== end - start) return undefined;
      edits.push({ range, text: r.replacement });
    }
  }
  if (edits.length === 0) return undefined;
  return { title: `Apply ShellCheck's suggestion for ${code}`, safety: "unsafe", edits };
}

const SEVERITY: Record<ShellcheckLevel, Severity> = { error: "error", warning: "warning", info: "info", style: "style" };

/** A finding as a `Diagnostic` (code `SC2086`, rule `shellcheck`). */
export function shellcheckDiagnostic(finding: ShellcheckFinding): Diagnostic {
  const d: Diagnostic = {
    code: finding.code,
    message: finding.message,
    severity: SEVERITY[finding.level],
    range: finding.range,
    rule: "shellcheck",
    category: finding.level === "error" ? "correctness" : finding.level === "style" ? "style" : "best-practice",
  };
  if (finding.fix) d.fix = finding.fix;
  return d;
}

export interface InstructionShellcheckOptions extends Omit<ShellcheckOptions, "dialect"> {
  /** The stage's SHELL argv (empty or absent: `/bin/sh -c`). */
  shell?: readonly string[];
  /** Also check CMD, ENTRYPOINT and HEALTHCHECK CMD (hadolint checks RUN only); default false. */
  allInstructions?: boolean;
  /** Also check the script of exec-form `["sh", "-c", "..."]` (hadolint does not); default false. */
  execForm?: boolean;
}

export interface InstructionShellcheckRequest {
  script: EmbeddedScript;
  request: ShellcheckRequest;
}

/**
 * The ShellCheck runs for one instruction, as hadolint decides them: shell-form RUN (and ONBUILD
 * RUN) only unless `allInstructions`; nothing under a non-POSIX SHELL (PowerShell, cmd) or a shell
 * ShellCheck cannot check (zsh); a heredoc script uses its shebang's or its reader's shell, and is
 * skipped when that is not a shell (`#!/usr/bin/env python3`).
 */
export function shellcheckRequestsFor(instr: Instruction, options: InstructionShellcheckOptions = {}): InstructionShellcheckRequest[] {
  const shell = options.shell ?? [];
  if (!isPosixShell(shell)) return [];
  const target = instr.kind === "Onbuild" ? instr.trigger : instr;
  if (!target || (target.kind !== "Run" && !options.allInstructions)) return [];
  const out: InstructionShellcheckRequest[] = [];
  for (const script of shellScriptsOf(instr)) {
    if (script.kind === "exec-form-shell" && !options.execForm) continue;
    const dialect = script.interpreter !== undefined ? shellDialect(script.interpreter) : shellDialect(shell);
    if (!dialect) continue;
    out.push({ script, request: buildShellcheckRequest(script, { ...options, dialect }) });
  }
  return out;
}
