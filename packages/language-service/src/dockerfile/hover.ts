import type { Instruction } from "@shipshape/dockerfile";
import { instructionAt } from "@shipshape/dockerfile";
import { resolveRule } from "@shipshape/linter";
import type { Stage, VariableDeclaration } from "@shipshape/semantic";
import { type Hover, MarkupKind, type Position } from "vscode-languageserver-types";
import { contains, toOffset, toRange } from "../convert.js";
import { ruleDocUrl } from "../diagnostics.js";
import type { ParsedDocument } from "../document.js";
import { DIRECTIVES, flagDoc, instructionDoc, mountKeyDoc } from "./docs.js";
import { stageAt, variableAt } from "./symbols-at.js";

function markdown(value: string, doc: ParsedDocument, range?: { start: number; end: number }): Hover {
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value } };
  if (range) hover.range = toRange(doc, range);
  return hover;
}

export function dockerfileHover(doc: ParsedDocument, position: Position): Hover | null {
  const ast = doc.dockerfile?.ast;
  if (!ast) return null;
  const offset = toOffset(doc, position);

  for (const d of ast.directives) {
    if (contains(d.range, offset)) {
      const info = DIRECTIVES.find((x) => x.name === d.name.toLowerCase());
      if (info) return markdown(`**# ${info.name}=** (parser directive)\n\n${info.doc}`, doc, d.key.range);
    }
  }
  for (const c of ast.comments) {
    if (contains(c.range, offset)) return suppressionHover(doc, c.range.start, offset);
  }

  const variable = variableAt(doc, offset);
  if (variable) {
    // BuildKit's predefined args are visible in FROM, but inside a stage only after `ARG NAME`.
    const predefined = variable.inFrom || variable.isDeclaration ? variable.predefinedValue : undefined;
    let text = variableMarkdown(doc, variable.name, variable.declaration, predefined);
    if (!variable.declaration && !predefined && variable.predefinedValue !== undefined) {
      text += `\n\nBuildKit predefines it as \`${variable.predefinedValue}\`; add \`ARG ${variable.name}\` in this stage to use that value.`;
    }
    return markdown(text, doc, variable.range);
  }

  const stage = stageAt(doc, offset);
  if (stage) return markdown(stageMarkdown(doc, stage.stage), doc, stage.range);

  const instr = instructionAt(ast, offset);
  if (!instr) return null;
  return instructionHover(doc, instr.kind === "Onbuild" && instr.trigger && contains(instr.trigger.range, offset) ? instr.trigger : instr, offset);
}

function instructionHover(doc: ParsedDocument, instr: Instruction, offset: number): Hover | null {
  if (contains(instr.keywordWord.range, offset)) {
    const info = instructionDoc(instr.keyword);
    if (!info) return null;
    const parts = [`**${info.keyword}**`, "```dockerfile\n" + info.syntax + "\n```", info.doc];
    const state = stateAt(doc, instr);
    if (state) parts.push(state);
    return markdown(parts.join("\n\n"), doc, instr.keywordWord.range);
  }
  if (instr.kind === "Run") {
    for (const m of instr.mounts) {
      for (const f of m.fields) {
        if (contains(f.key.range, offset)) {
          const info = f.key.value === "type" ? { doc: "The kind of mount: `bind`, `cache`, `tmpfs`, `secret` or `ssh`." } : mountKeyDoc(m.type, f.key.value.toLowerCase());
          if (info) return markdown(`**--mount ${f.key.value}** (type=${m.type})\n\n${info.doc}`, doc, f.key.range);
        }
      }
    }
  }
  for (const f of instr.flags) {
    if (contains(f.range, offset)) {
      const info = flagDoc(instr.keyword, f.name.value);
      if (info) return markdown(`**${instr.keyword.toUpperCase()} --${info.name}${info.value ? `=<${info.value}>` : ""}**\n\n${info.doc}`, doc, f.range);
    }
  }
  return null;
}

/** WORKDIR, USER, SHELL and ENV in force when this instruction runs, from the build simulator. */
function stateAt(doc: ParsedDocument, instr: Instruction): string | undefined {
  const plan = doc.plan();
  if (!plan) return undefined;
  for (const stage of plan.stages) {
    const step = stage.steps.find((s) => s.line === instr.startLine && !s.instruction.startsWith("ONBUILD "));
    if (!step) continue;
    const s = step.state;
    const lines = [`**State at this step** (stage \`${stage.id}\`${stage.built ? "" : ", not built for the target"})`, ""];
    lines.push(`- WORKDIR: \`${s.workdir ?? "(from the base image)"}\``);
    lines.push(`- USER: \`${s.user ?? "(from the base image)"}\``);
    lines.push(`- SHELL: \`${JSON.stringify(s.shell)}\``);
    const env = Object.entries(s.env);
    if (env.length) lines.push(`- ENV: ${env.map(([k, v]) => `\`${k}=${v}\``).join(", ")}`);
    return lines.join("\n");
  }
  return undefined;
}

function variableMarkdown(doc: ParsedDocument, name: string, decl: VariableDeclaration | undefined, predefinedValue: string | undefined): string {
  if (!decl) {
    if (predefinedValue !== undefined) return `**$${name}** = \`${predefinedValue}\`\n\nPredefined by BuildKit for this build.`;
    return `**$${name}**\n\nNot declared in this Dockerfile: unset at build time unless the base image sets it.`;
  }
  const where = `${decl.kind.toUpperCase()} on line ${doc.lines.lineAt(decl.nameRange.start) + 1}`;
  const source: Record<VariableDeclaration["valueSource"], string> = {
    "build-arg": "a --build-arg",
    default: "its default",
    global: "the global ARG",
    predefined: "BuildKit's predefined value",
    env: "ENV",
    unset: "nothing (unset)",
  };
  const value = decl.value === undefined ? "(unset)" : `\`${decl.value}\``;
  return `**$${name}** = ${value}\n\n${decl.global ? "Global " : ""}${where}; value from ${source[decl.valueSource]}.`;
}

function stageMarkdown(doc: ParsedDocument, stage: Stage): string {
  const line = doc.lines.lineAt(stage.from.range.start);
  return `**Stage ${stage.displayName}** (index ${stage.index})\n\n\`\`\`dockerfile\n${doc.lines.lineText(line).trim()}\n\`\`\``;
}

const SUPPRESSION = /(hadolint\s+(?:global\s+|stage\s+)?ignore=|check\s*=\s*skip=|shipshape\s+ignore(?:-file)?=)([^\s;]*)/i;

/** Rule docs for the code under the cursor in a suppression comment. */
function suppressionHover(doc: ParsedDocument, commentStart: number, offset: number): Hover | null {
  const line = doc.lines.lineAt(commentStart);
  const text = doc.lines.lineText(line);
  const lineStart = doc.lines.lineStart(line);
  const m = SUPPRESSION.exec(text);
  if (!m) return null;
  let at = lineStart + m.index + m[1]!.length;
  for (const code of m[2]!.split(",")) {
    const range = { start: at, end: at + code.length };
    if (contains(range, offset) && code) {
      const rule = resolveRule(code);
      if (!rule) return markdown(`**${code}**: unknown rule`, doc, range);
      return markdown(`**${rule.code}** (${rule.name}, ${rule.severity})\n\n${rule.summary}\n\n[Documentation](${ruleDocUrl(rule.code)})`, doc, range);
    }
    at += code.length + 1;
  }
  return null;
}
