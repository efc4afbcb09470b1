/** Stage spans and the effective shell of an instruction, computed once per file from the AST alone. */
import type { Dockerfile, Instruction } from "@shipshape/dockerfile";
import type { StageSpan } from "../rule.js";

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
  const parentOf = (stage: StageSpan): StageSpan | undefined => {
    const base = stage.from.image?.value.toLowerCase();
    if (!base) return undefined;
    // Stage names are case-insensitive; only earlier stages can be referenced.
    for (let i = stage.index - 1; i >= 0; i--) {
      if (stages[i]!.name?.toLowerCase() === base) return stages[i];
    }
    return undefined;
  };
  return { stages, stageOf: (node) => byNode.get(node), parentOf, shellsIn: (stage) => shells.get(stage) ?? NO_SHELLS };
}

export const DEFAULT_SHELL: readonly string[] = ["/bin/sh", "-c"];

/**
 * The shell in force for `node`: the last SHELL before it in its stage or the stages it builds on,
 * else a shell hint pragma for that stage, else `/bin/sh -c`. Only the stages' SHELL instructions are
 * looked at (scanning every instruction before `node` made a stage of 20,000 RUN instructions take 8 s).
 * Instructions under the same SHELL get the same array.
 */
export function shellOf(
  node: Instruction,
  index: StageIndex,
  hints: { global?: string; byStage: Map<number, string> },
): readonly string[] {
  let stage = index.stageOf(node);
  let limit: Instruction | undefined = node;
  const seen = new Set<StageSpan>();
  while (stage && !seen.has(stage)) {
    seen.add(stage);
    let shell: readonly string[] | undefined;
    for (const setting of index.shellsIn(stage)) {
      if (setting.at === limit || (limit && setting.at.range.start >= limit.range.start)) break;
      shell = setting.shell;
    }
    if (shell) return shell;
    const hint = hints.byStage.get(stage.index);
    if (hint) return hint.split(/\s+/);
    stage = index.parentOf(stage);
    limit = undefined;
  }
  return hints.global ? hints.global.split(/\s+/) : DEFAULT_SHELL;
}
