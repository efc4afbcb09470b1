import type { Range } from "@shipshape/text";
import type { Stage, VariableDeclaration } from "@shipshape/semantic";
import { contains } from "../convert.js";
import type { ParsedDocument } from "../document.js";

export interface VariableAtCursor {
  name: string;
  /** The name's range under the cursor. */
  range: Range;
  declaration?: VariableDeclaration;
  predefinedValue?: string;
  isDeclaration: boolean;
  /** For a use: BuildKit expands it (`build`) or the shell reads it at run time (`runtime`). */
  context?: "build" | "runtime";
  inFrom?: boolean;
}

export function variableAt(doc: ParsedDocument, offset: number): VariableAtCursor | undefined {
  const model = doc.semantic();
  if (!model) return undefined;
  for (const d of model.declarations) {
    if (contains(d.nameRange, offset)) return { name: d.name, range: d.nameRange, declaration: d, isDeclaration: true };
  }
  for (const u of model.uses) {
    if (contains(u.range, offset)) {
      return {
        name: u.name,
        range: u.nameRange,
        declaration: u.declaration,
        predefinedValue: model.predefinedArgs.get(u.name),
        isDeclaration: false,
        context: u.context,
        inFrom: u.instruction.kind === "From",
      };
    }
  }
  return undefined;
}

export interface StageAtCursor {
  stage: Stage;
  range: Range;
  isDefinition: boolean;
}

export function stageAt(doc: ParsedDocument, offset: number): StageAtCursor | undefined {
  const model = doc.semantic();
  if (!model) return undefined;
  for (const s of model.stages) {
    if (s.nameWord && contains(s.nameWord.range, offset)) return { stage: s, range: s.nameWord.range, isDefinition: true };
  }
  for (const r of model.stageReferences) {
    if (r.target.kind === "stage" && contains(r.range, offset)) return { stage: r.target.stage, range: r.range, isDefinition: false };
  }
  return undefined;
}

/** Every place naming a stage: its AS name first, then references by name (not by index). */
export function stageOccurrences(doc: ParsedDocument, stage: Stage): Range[] {
  const model = doc.semantic();
  const out: Range[] = [];
  if (stage.nameWord) out.push(stage.nameWord.range);
  for (const r of model?.stageReferences ?? []) {
    if (r.target.kind === "stage" && r.target.stage === stage && !r.target.byIndex) out.push(r.range);
  }
  return out;
}

/**
 * Every declaration and reference of a variable name. Dockerfile scopes chain by name (a stage ARG
 * re-declares the global one, ENV overrides ARG), so the name is the unit a rename must cover.
 */
export function variableOccurrences(doc: ParsedDocument, name: string): { range: Range; write: boolean }[] {
  const model = doc.semantic();
  if (!model) return [];
  const out: { range: Range; write: boolean }[] = [];
  for (const d of model.declarations) if (d.name === name) out.push({ range: d.nameRange, write: true });
  for (const u of model.uses) {
    if (u.name === name && !out.some((o) => o.range.start === u.nameRange.start)) out.push({ range: u.nameRange, write: false });
  }
  return out.sort((a, b) => a.range.start - b.range.start);
}
