import { BUILDKIT_CHECKS } from "@shipshape/linter";
import { findDirective, instructionAt } from "@shipshape/dockerfile";
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
  type TextEdit,
} from "vscode-languageserver-types";
import { toOffset, toPosition } from "./convert.js";
import type { DiagnosticData } from "./diagnostics.js";
import type { ParsedDocument } from "./document.js";

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipshape`;

const BUILDKIT = new Map(BUILDKIT_CHECKS.map((c) => [c.toLowerCase(), c]));

function dataOf(d: Diagnostic): DiagnosticData | undefined {
  const data = d.data as DiagnosticData | undefined;
  return data && typeof data.code === "string" ? data : undefined;
}

/**
 * Quick fixes for the diagnostics in the request, an "ignore this rule" action per diagnostic, and a
 * "fix all safe" source action over every diagnostic of the document the client passes.
 */
export function codeActions(
  doc: ParsedDocument,
  context: { diagnostics: readonly Diagnostic[]; only?: readonly string[] },
  allDiagnostics: readonly Diagnostic[] = context.diagnostics,
): CodeAction[] {
  const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of context.diagnostics) {
      const data = dataOf(d);
      if (!data) continue;
      if (data.fix) {
        out.push({
          title: data.fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: data.fix.safe,
          edit: { changes: { [doc.uri]: data.fix.edits } },
        });
      }
      const ignore = ignoreAction(doc, d, data);
      if (ignore) out.push(ignore);
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const edits = safeEdits(allDiagnostics);
    if (edits.length) {
      out.push({ title: "Fix all safe shipshape problems", kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } });
    }
  }
  return out;
}

/** The edits of every safe fix, skipping a fix that overlaps one already taken (the next lint offers it again). */
export function safeEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const before = (a: Range["start"], b: Range["start"]) => a.line < b.line || (a.line === b.line && a.character < b.character);
  const overlaps = (a: Range, b: Range) => before(a.start, b.end) && before(b.start, a.end);
  for (const d of diagnostics) {
    const fix = dataOf(d)?.fix;
    if (!fix?.safe) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e.range, t.range) || sameInsert(e.range, t.range)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

function sameInsert(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Parse errors and internal failures cannot be suppressed, so they get no ignore action; every rule's finding does. */
function ignoreAction(doc: ParsedDocument, d: Diagnostic, data: DiagnosticData): CodeAction | undefined {
  if (data.unsuppressible || data.code === "internal-error") return undefined;
  const offset = toOffset(doc, d.range.start);
  let anchor = doc.lines.lineStart(doc.lines.lineAt(offset));
  let comment: string;
  if (doc.kind === "dockerfile" && doc.dockerfile) {
    const instr = instructionAt(doc.dockerfile.ast, offset);
    if (instr) anchor = doc.lines.lineStart(doc.lines.lineAt(instr.range.start));
    comment = dockerfilePragma(doc, data);
  } else {
    comment = `# shipshape ignore=${data.code}`;
  }
  const line = doc.lines.lineAt(anchor);
  const indent = /^[ \t]*/.exec(doc.lines.lineText(line))![0];
  const at = toPosition(doc, anchor);
  return {
    title: `Ignore ${data.code} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [doc.uri]: [{ range: { start: at, end: at }, newText: `${indent}${comment}\n` }] } },
  };
}

/**
 * hadolint codes keep hadolint's pragma; a BuildKit check uses `# check=skip=` when the file already
 * speaks that language; anything else our own pragma.
 */
function dockerfilePragma(doc: ParsedDocument, data: DiagnosticData): string {
  if (/^(DL|SC)\d+$/.test(data.code)) return `# hadolint ignore=${data.code}`;
  const check = [data.code, ...(data.aliases ?? [])].map((c) => BUILDKIT.get(c.toLowerCase())).find(Boolean);
  if (check && usesCheckPragmas(doc)) return `# check=skip=${check}`;
  return `# shipshape ignore=${data.code}`;
}

function usesCheckPragmas(doc: ParsedDocument): boolean {
  if (findDirective(doc.text, "check")) return true;
  return doc.dockerfile?.ast.comments.some((c) => /^\s*check\s*=/i.test(c.text)) ?? false;
}
