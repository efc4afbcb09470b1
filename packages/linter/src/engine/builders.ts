/** The parts of a rule context shared by both file kinds: targets to ranges, edits, fixes, reports. */
import type { Diagnostic, FixSafety, Range, Severity } from "@shipshape/text";
import type { EditBuilder, FixBuilder, ReportExtra, RuleMeta, Target } from "../rule.js";

export function rangeOf(target: Target): Range {
  const r = (target as { range?: Range }).range ?? (target as Range);
  return { start: r.start, end: r.end };
}

export const editBuilder: EditBuilder = {
  replace: (target, text) => ({ range: rangeOf(target), text }),
  remove: (target) => ({ range: rangeOf(target), text: "" }),
  insertBefore: (target, text) => {
    const r = rangeOf(target);
    return { range: { start: r.start, end: r.start }, text };
  },
  insertAfter: (target, text) => {
    const r = rangeOf(target);
    return { range: { start: r.end, end: r.end }, text };
  },
};

const fixBuilders = new WeakMap<RuleMeta, FixBuilder>();

/** The fix builder of a rule: it depends on the rule alone, so it is made once. */
export function fixBuilder(rule: RuleMeta): FixBuilder {
  let builder = fixBuilders.get(rule);
  if (!builder) fixBuilders.set(rule, (builder = makeFixBuilder(rule)));
  return builder;
}

function makeFixBuilder(rule: RuleMeta): FixBuilder {
  const safety: FixSafety = rule.fix ?? "unsafe";
  return {
    replace: (target, text, title) => ({
      title: title ?? `Replace with '${text}'`,
      safety,
      edits: [editBuilder.replace(target, text)],
    }),
    remove: (target, title) => ({ title: title ?? "Remove", safety, edits: [editBuilder.remove(target)] }),
    insertBefore: (target, text, title) => ({
      title: title ?? `Insert '${text.trim()}'`,
      safety,
      edits: [editBuilder.insertBefore(target, text)],
    }),
    insertAfter: (target, text, title) => ({
      title: title ?? `Insert '${text.trim()}'`,
      safety,
      edits: [editBuilder.insertAfter(target, text)],
    }),
    of: (title, edits, s) => ({ title, safety: s ?? safety, edits }),
  };
}

/** The file a compose model node was written in (`Located.file`), if the target carries one. */
export function fileOf(target: Target): string | undefined {
  const f = (target as { file?: unknown }).file;
  return typeof f === "string" ? f : undefined;
}

/** @param currentFile the file being linted: a target in another file gets `file` set. */
export function makeDiagnostic(
  rule: RuleMeta,
  severity: Severity,
  target: Target,
  message: string,
  extra: ReportExtra | undefined,
  currentFile?: string,
): Diagnostic {
  // Written out field by field (no spread): every diagnostic gets one object shape.
  const d: Diagnostic = {
    code: rule.code,
    rule: rule.name,
    aliases: rule.aliases ? rule.aliases.slice() : [],
    category: rule.category,
    severity,
    message,
    range: rangeOf(target),
  };
  const file = fileOf(target);
  if (file !== undefined && file !== currentFile) d.file = file;
  if (extra?.fix) d.fix = extra.fix;
  if (extra?.related?.length)
    d.related = extra.related.map((r) => ({
      message: r.message,
      range: rangeOf(r.target),
      ...((r.file ?? fileOf(r.target)) !== undefined ? { file: r.file ?? fileOf(r.target) } : {}),
    }));
  if (extra?.tags?.length) d.tags = [...extra.tags];
  return d;
}

export const INTERNAL_ERROR = "internal-error";

/** A failure of shipshape itself, reported on the file instead of crashing the run. */
export function internalError(message: string, range: Range): Diagnostic {
  return {
    code: INTERNAL_ERROR,
    rule: INTERNAL_ERROR,
    aliases: [],
    category: "correctness",
    severity: "error",
    message,
    range,
  };
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
