/**
 * Parse errors listed as rules (category `syntax`): the Dockerfile parser's PARSE_ERRORS and the compose
 * loader's COMPOSE_ERRORS. They have no visitors: the engine reports what the parsers return, filtered
 * by the selection like any rule (pragmas never hide them).
 */
import { COMPOSE_ERRORS } from "@shipshape/compose";
import { PARSE_ERRORS } from "@shipshape/dockerfile";
import type { Severity } from "@shipshape/text";
import type { Rule, RuleKind } from "../rule.js";

function syntaxRule(kind: RuleKind, code: string, name: string, summary: string, severity: Severity): Rule {
  const tool = kind === "dockerfile" ? "Dockerfile parser" : "Compose loader";
  return Object.freeze({
    code,
    name,
    aliases: [],
    kind,
    category: "syntax",
    severity,
    enabledByDefault: true,
    docs: [
      "## What it does",
      "",
      summary,
      "",
      "## Why is this bad?",
      "",
      kind === "dockerfile"
        ? "The build refuses the file, or reads it differently from what it says. Linting goes on past the error, but findings near it may be incomplete."
        : "`docker compose` refuses the project, or reads it differently from what it says. Linting goes on past the error, but findings near it may be incomplete.",
      "",
      `This diagnostic comes from the ${tool}; it cannot be hidden with an inline suppression.`,
    ].join("\n"),
    create: () => ({}),
  } as Rule);
}

export const SYNTAX_RULES: readonly Rule[] = [
  ...Object.values(PARSE_ERRORS).map((e) => syntaxRule("dockerfile", e.code, e.name, e.summary, "error")),
  ...COMPOSE_ERRORS.map((e) => syntaxRule("compose", e.code, e.name, e.summary, e.severity)),
];
