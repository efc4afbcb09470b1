/**
 * Findings of instruction-local rules kept from one lint of a file to the next (an editor re-lints the
 * whole file on every keystroke, but an edit changes one instruction).
 *
 * A rule declared `local` (see `rule.ts`) reports on an instruction from that instruction alone: its text,
 * the shell in force for it, and the rule's options. So its findings on an instruction whose text and
 * shell did not change are the ones of the last lint, moved by however far the instruction moved. The
 * runner checks that promise on every call it records (see `FileRun.recording`): a call that reads the
 * semantic model, the stages, the AST, the file, another instruction's shell, or text or ranges outside
 * its instruction is marked as not to be kept, and runs again every time.
 *
 * Entries live for one lint: an entry not met again in the next lint is dropped, so the memory held is
 * about one file's findings.
 */
import type { Diagnostic, Fix } from "@shipshape/text";
import type { DockerfileRule } from "../rule.js";
import type { ActiveRule } from "./dockerfile-runner.js";

/**
 * One instruction text's recorded calls, by slot (`InstructionMemo.slotOf`): the findings with ranges
 * relative to the instruction's start, `null` for a call that must run again, `undefined` when not yet run.
 */
export interface MemoEntry {
  results: (readonly Diagnostic[] | null | undefined)[];
  /**
   * When every local hook that runs on this instruction was kept: the slots' signature and all their
   * findings in one list, replayed without looking at the hooks one by one.
   */
  batchSignature?: string;
  batch?: readonly Diagnostic[];
}

/** Past this many rule configurations (config edits in a long editor session), the memo starts over. */
const MAX_SLOTS = 4096;

export class InstructionMemo {
  private previous = new Map<string, MemoEntry>();
  private current = new Map<string, MemoEntry>();
  private readonly slots = new Map<ActiveRule<DockerfileRule>, number>();

  /** Starts a lint: what the last lint recorded becomes what this one can reuse. */
  begin(): void {
    this.previous = this.current;
    this.current = new Map();
    if (this.slots.size > MAX_SLOTS) {
      this.slots.clear();
      this.previous.clear();
    }
  }

  /**
   * The slot of a rule's hook: two per rule configuration (the `Instruction` hook and the hook of the
   * instruction's kind). A rule whose options change gets new slots; old ones are never read again.
   */
  slotOf(active: ActiveRule<DockerfileRule>, instructionHook: boolean): number {
    let id = this.slots.get(active);
    if (id === undefined) this.slots.set(active, (id = this.slots.size));
    return id * 2 + (instructionHook ? 0 : 1);
  }

  /** The entry for an instruction key, carried over from the last lint or new. */
  entry(key: string): MemoEntry {
    let entry = this.current.get(key);
    if (entry) return entry;
    entry = this.previous.get(key) ?? { results: [] };
    this.current.set(key, entry);
    return entry;
  }
}

/** A copy of a diagnostic with every range moved by `delta` (fix edits and related places included). */
export function moved(d: Diagnostic, delta: number): Diagnostic {
  const out: Diagnostic = {
    code: d.code,
    rule: d.rule,
    aliases: d.aliases ? d.aliases.slice() : [],
    category: d.category,
    severity: d.severity,
    message: d.message,
    range: { start: d.range.start + delta, end: d.range.end + delta },
  };
  if (d.file !== undefined) out.file = d.file;
  if (d.fix) out.fix = movedFix(d.fix, delta);
  if (d.related)
    out.related = d.related.map((r) => ({ ...r, range: { start: r.range.start + delta, end: r.range.end + delta } }));
  if (d.tags) out.tags = d.tags.slice();
  return out;
}

function movedFix(fix: Fix, delta: number): Fix {
  return {
    ...fix,
    edits: fix.edits.map((e) => ({ range: { start: e.range.start + delta, end: e.range.end + delta }, text: e.text })),
  };
}

/** Whether every range of a diagnostic (its own, its fix's edits, its related places) lies in [start, end]. */
export function within(d: Diagnostic, start: number, end: number): boolean {
  if (d.file !== undefined || d.range.start < start || d.range.end > end) return false;
  if (d.fix) for (const e of d.fix.edits) if (e.range.start < start || e.range.end > end) return false;
  if (d.related) for (const r of d.related) if (r.file !== undefined || r.range.start < start || r.range.end > end) return false;
  return true;
}
