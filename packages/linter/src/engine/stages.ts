/** Stage spans and the effective shell of an instruction, computed once per file from the AST alone. */
import type { Dockerfile, Instruction } from "@shipshape/dockerfile";
import type { StageSpan } from "../rule.js";
import { NodeCache } from "@shipshape/text";

export interface StageIndex {
  stages: StageSpan[];
  stageOf(node: Instruction): StageSpan | undefined;
  /** The stage a stage builds on (`FROM <earlier stage name>`), if any. */
  parentOf(stage: StageSpan): StageSpan | undefined;
  /** The stage's SHELL instructions in JSON form, in order, each with the shell it sets. */
  shellsIn(stage: StageSpan): readonly ShellSetting[];
}

export interface ShellSetting {
  at: Instruction;
  shell: readonly string[];
}

const NO_SHELLS: readonly ShellSetting[] = [];

export function indexStages(ast: Dockerfile): StageIndex {
  const stages: StageSpan[] = [];
  const byNode = new Map<Instruction, StageSpan>();
  const shells = new Map<StageSpan, ShellSetting[]>();
  let current: StageSpan | undefined;
  for (const instr of ast.instructions) {
    if (instr.kind === "From") {
      current = { index: stages.length, from: instr, instructions: [] };
      if (instr.stageName?.value) current.name = instr.stageName.value;
      stages.push(current);
      byNode.set(instr, current);
      continue;
    }
    if (!current) continue;
    current.instructions.push(instr);
    byNode.set(instr, current);
    if (instr.kind === "Onbuild" && instr.trigger) byNode.set(instr.trigger, current);
    if (instr.kind === "Shell" && instr.command?.kind === "JsonForm") {
      let list = shells.get(current);
      if (!list) shells.set(current, (list = []));
      list.push({ at: instr, shell: instr.command.elements.map((e) => e.value) });
    }
  }
  // Only earlier stages can be referenced.
  const parentOf = (stage: StageSpan): StageSpan | undefined => {
    const base = stage.from.image?.value;
    return base ? stageNamedBefore(stages, base, stage.index) : undefined;
  };
  return { stages, stageOf: (node) => byNode.get(node), parentOf, shellsIn: (stage) => shells.get(stage) ?? NO_SHELLS };
}

const NO_STAGES: readonly StageSpan[] = [];
const byName = new NodeCache<readonly StageSpan[], Map<string, StageSpan[]>>("stages by name");

/**
 * The stages named `name` (compared without regard to case, as BuildKit does), in file order. The index
 * is made once per list of stages (a file's run, and every rule context in it, share one list), so a
 * look-up costs no scan of the stages.
 */
export function stagesNamed(stages: readonly StageSpan[], name: string): readonly StageSpan[] {
  let map = byName.get(stages);
  if (!map) {
    map = new Map();
    for (const s of stages) {
      if (s.name === undefined) continue;
      const key = s.name.toLowerCase();
      const list = map.get(key);
      if (list) list.push(s);
      else map.set(key, [s]);
    }
    byName.set(stages, map);
  }
  return map.get(name.toLowerCase()) ?? NO_STAGES;
}

/** The last stage named `name` before the stage at `index` (any stage when `index` is undefined). */
export function stageNamedBefore(stages: readonly StageSpan[], name: string, index: number | undefined): StageSpan | undefined {
  const named = stagesNamed(stages, name);
  for (let i = named.length - 1; i >= 0; i--) if (index === undefined || named[i]!.index < index) return named[i];
  return undefined;
}

export const DEFAULT_SHELL: readonly string[] = ["/bin/sh", "-c"];

/**
 * The shell in force for `node`: the last SHELL before it in its stage or the stages it builds on,
 * else a shell hint pragma for that stage, else `/bin/sh -c`. Only the stages' SHELL instructions are
 * looked at (scanning every instruction before `node` made a stage of 20,000 RUN instructions take 8 s).
 * Instructions under the same SHELL get the same array.
 */
export function shellOf(node: Instruction, index: StageIndex, hints: ShellHints): readonly string[] {
  const stage = index.stageOf(node);
  if (!stage) return fallbackShell(hints);
  let shell: readonly string[] | undefined;
  for (const setting of index.shellsIn(stage)) {
    if (setting.at === node || setting.at.range.start >= node.range.start) break;
    shell = setting.shell;
  }
  return shell ?? startingShell(stage, index, hints);
}

type ShellHints = { global?: string; byStage: Map<number, string> };

const fallbackShell = (hints: ShellHints): readonly string[] => (hints.global ? hints.global.split(/\s+/) : DEFAULT_SHELL);

/** Per index and hints, the shell in force at the end of each stage (what a stage built on it starts with). */
const endShells = new NodeCache<StageIndex, Map<ShellHints, Map<StageSpan, readonly string[]>>>("end shells");

/**
 * The shell a stage starts with, before its own SHELL instructions: its shell hint, else the shell the
 * stage it builds on leaves in force, else the file's hint or `/bin/sh -c`. What each stage leaves in
 * force is kept, so a chain of stages each built on the one before is walked once, not once per
 * instruction.
 */
function startingShell(stage: StageSpan, index: StageIndex, hints: ShellHints): readonly string[] {
  let byHints = endShells.get(index);
  if (!byHints) endShells.set(index, (byHints = new Map()));
  let known = byHints.get(hints);
  if (!known) byHints.set(hints, (known = new Map()));
  // The stages to answer for, from `stage` up the chain to the first one whose answer is known or found
  // without going further (parents are always earlier stages, so the chain ends).
  const chain: StageSpan[] = [];
  let answer: readonly string[] | undefined;
  for (let s: StageSpan | undefined = stage; s; s = index.parentOf(s)) {
    const own = s !== stage ? index.shellsIn(s).at(-1)?.shell : undefined;
    if (own) {
      answer = own;
      break;
    }
    const hint = hints.byStage.get(s.index);
    if (hint) {
      answer = hint.split(/\s+/);
      break;
    }
    const cached = s !== stage ? known.get(s) : undefined;
    if (cached) {
      answer = cached;
      break;
    }
    chain.push(s);
  }
  answer ??= fallbackShell(hints);
  // The stages walked through above `stage` have no SHELL or hint of their own: each leaves the answer in
  // force. (`stage` itself may have SHELL instructions after the one asking.)
  for (const s of chain) if (s !== stage) known.set(s, answer);
  return answer;
}
