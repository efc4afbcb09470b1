/**
 * Comment pragmas in a Dockerfile:
 * - hadolint: `# hadolint ignore=DL3008,SC2046` (next instruction), `# hadolint global ignore=...`,
 *   `# hadolint stage ignore=...` (up to the next FROM), `# hadolint shell=pwsh` (shell hint);
 * - ours: `# shipshape ignore=CODE[,CODE] -- reason` (next instruction), `# shipshape ignore-file=CODE`,
 *   `# shipshape shell=...`;
 * - BuildKit: the `# check=skip=A,B|all;error=true` parser directive (whole file) and a
 *   `# check=skip=...` comment directly above an instruction (that instruction only).
 */
import type { Comment, Dockerfile, Instruction } from "@shipshape/dockerfile";
import type { LineIndex, Range } from "@shipshape/text";
import { splitCodes, type Suppression } from "./suppression.js";

export interface DockerfilePragmas {
  suppressions: Suppression[];
  shellHints: { global?: string; byStage: Map<number, string> };
  /** `# check=error=true`: BuildKit checks are raised to errors. */
  checkError: boolean;
}

const CODES = String.raw`([\w.-]+(?:\s*,\s*[\w.-]+)*)`;
// A trailing comment is allowed after hadolint pragmas only when it starts with `#` (as hadolint).
const HADOLINT_IGNORE = new RegExp(String.raw`^\s*hadolint\s+(global\s+|stage\s+)?ignore\s*=\s*` + CODES + String.raw`\s*(?:#.*)?$`, "id");
const HADOLINT_SHELL = /^\s*(?:hadolint|shipshape)\s+shell\s*=\s*(\S+)\s*$/i;
const SHIPSHAPE_IGNORE = new RegExp(String.raw`^\s*shipshape\s+(ignore|ignore-file)\s*=\s*` + CODES + String.raw`\s*(?:--.*)?$`, "id");
const CHECK_SKIP = /^\s*check\s*=\s*skip\s*=\s*([^\s;]+)/id;

export function collectDockerfilePragmas(ast: Dockerfile, text: string, lines: LineIndex): DockerfilePragmas {
  const suppressions: Suppression[] = [];
  const shellHints: DockerfilePragmas["shellHints"] = { byStage: new Map() };
  const directiveStarts = new Set(ast.directives.map((d) => d.range.start));
  const froms = ast.instructions.filter((i) => i.kind === "From");
  const fileEnd = text.length;
  let checkError = false;

  for (const d of ast.directives) {
    if (d.name !== "check") continue;
    const parsed = parseCheckDirective(d.value.value, d.value.range.start);
    checkError ||= parsed.error;
    if (parsed.skip) {
      suppressions.push({
        origin: "buildkit", range: d.range, codes: parsed.skip.codes, all: parsed.skip.all,
        onlyBuildkitChecks: true, obeysDisablePragma: false,
      });
    }
  }

  for (const comment of ast.comments) {
    if (comment.insideInstruction || directiveStarts.has(comment.range.start)) continue;
    const hash = text.indexOf("#", comment.range.start);
    // Never with a line break (the patterns end in `$`, and `.` stops at `\r`).
    const body = text.slice(hash + 1, comment.range.end).replace(/[\r\n]+$/, "");
    const base = hash + 1;

    const ignore = HADOLINT_IGNORE.exec(body);
    if (ignore) {
      const where = (ignore[1] ?? "").trim().toLowerCase();
      const codesAt = ignore.indices![2]!;
      const codes = splitCodes(ignore[2]!, base + codesAt[0]);
      const scope = where === "global" ? undefined
        : where === "stage" ? stageScope(ast, froms, comment, fileEnd)
        : nextInstructionScope(ast, comment, lines);
      pushIgnore(suppressions, "hadolint", comment.range, codes, scope, where === "" && !scope);
      continue;
    }
    const own = SHIPSHAPE_IGNORE.exec(body);
    if (own) {
      const codes = splitCodes(own[2]!, base + own.indices![2]![0]);
      const scope = own[1]!.toLowerCase() === "ignore-file" ? undefined : nextInstructionScope(ast, comment, lines);
      pushIgnore(suppressions, "shipshape", comment.range, codes, scope, own[1]!.toLowerCase() === "ignore" && !scope);
      continue;
    }
    const skip = CHECK_SKIP.exec(body);
    if (skip) {
      const scope = nextInstructionScope(ast, comment, lines);
      const codes = splitCodes(skip[1]!.replace(/,/g, " "), base + skip.indices![1]![0]);
      const all = codes.some((c) => c.written === "all");
      suppressions.push({
        origin: "buildkit", range: comment.range, scope: scope ?? { start: -1, end: -1 },
        codes: codes.filter((c) => c.written !== "all"), all, onlyBuildkitChecks: all, obeysDisablePragma: false,
      });
      continue;
    }
    const shell = HADOLINT_SHELL.exec(body);
    if (shell) {
      const before = ast.instructions.find((i) => i.range.start < comment.range.start &&
        (i.kind === "From" || i.kind === "Arg" || i.kind === "Env" || i.kind === "Shell"));
      const stageIndex = froms.filter((f) => f.range.start < comment.range.start).length - 1;
      if (!before || stageIndex < 0) shellHints.global = shell[1]!;
      else shellHints.byStage.set(stageIndex, shell[1]!);
    }
  }
  return { suppressions, shellHints, checkError };
}

/**
 * @param orphan the pragma targets the next instruction but none follows directly: it can suppress
 * nothing, so it stays in the list (scope empty) to be reported as unused.
 */
function pushIgnore(
  out: Suppression[], origin: Suppression["origin"], range: Range, codes: Suppression["codes"],
  scope: Range | undefined, orphan: boolean,
): void {
  const all = codes.some((c) => c.written.toLowerCase() === "all");
  out.push({
    origin, range, codes: codes.filter((c) => c.written.toLowerCase() !== "all"), all,
    scope: orphan ? { start: -1, end: -1 } : scope, obeysDisablePragma: true,
  });
}

/** From the pragma to the next FROM, the FROM right below the pragma (its usual place) included. */
function stageScope(ast: Dockerfile, froms: Instruction[], comment: Comment, fileEnd: number): Range {
  const next = ast.instructions.find((i) => i.range.start > comment.range.end);
  const after = next?.kind === "From" ? next.range.end : comment.range.end;
  const end = froms.find((f) => f.range.start > after)?.range.start;
  return { start: comment.range.end, end: end === undefined ? fileEnd : end - 1 };
}

/**
 * The instruction a "next instruction" pragma applies to. Hadolint requires it on the very next line;
 * we also allow other comment lines (stacked pragmas) in between, but not a blank line.
 */
function nextInstructionScope(ast: Dockerfile, comment: Comment, lines: LineIndex): Range | undefined {
  const line = lines.lineAt(comment.range.start);
  const next = ast.instructions.find((i) => i.range.start > comment.range.end);
  if (!next) return undefined;
  const nextLine = lines.lineAt(next.range.start);
  for (let l = line + 1; l < nextLine; l++) {
    if (!lines.lineText(l).trimStart().startsWith("#")) return undefined;
  }
  return { start: next.range.start, end: next.range.end };
}

/** `skip=A,B|all;error=true;experimental=...` (BuildKit's ParseLintOptions). */
export function parseCheckDirective(value: string, base: number): {
  skip?: { codes: Suppression["codes"]; all: boolean };
  error: boolean;
} {
  let error = false;
  let skip: { codes: Suppression["codes"]; all: boolean } | undefined;
  let offset = 0;
  for (const part of value.split(";")) {
    const eq = part.indexOf("=");
    if (eq >= 0) {
      const key = part.slice(0, eq).trim().toLowerCase();
      const val = part.slice(eq + 1);
      const valStart = base + offset + eq + 1;
      if (key === "skip") {
        const codes = splitCodes(val.replace(/,/g, " "), valStart);
        const all = codes.some((c) => c.written === "all");
        skip = { codes: codes.filter((c) => c.written !== "all"), all };
      } else if (key === "error") {
        error = val.trim().toLowerCase() === "true";
      }
    }
    offset += part.length + 1;
  }
  return { skip, error };
}
