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

/**
 * `internal-error` is the parser's DF000 and also what the engine reports when anything of shipshape's
 * own fails on a file (INTERFACE.md: the code `internal-error`); its page says so.
 */
const INTERNAL_ERROR_DOCS = [
  "## What it does",
  "",
  "Reports that shipshape itself failed on part of this file. The message says what failed: the Dockerfile",
  "parser (code `DF000`; the file was not parsed), a rule that threw (the other rules still ran), a compose",
  "project that could not be linted, ShellCheck that gave no answer, or the shell grammar that could not be",
  "loaded (the rules that read shell commands did not run). Outside the parser the code is `internal-error`.",
  "",
  "## Why is this bad?",
  "",
  "Findings are missing from this file and nothing else would show it, so this is an error: a CI job does not",
  "pass on a partial lint. It is a bug in shipshape, or for the shell grammar an install or bundle without its",
  "`.wasm` files; please report it with the message (and the file, when you can share it).",
  "",
  "This diagnostic cannot be hidden with an inline suppression.",
].join("\n");

/** DF011: the file is not linted past it, so the usual "linting goes on" does not hold. */
const BINARY_FILE_DOCS = [
  "## What it does",
  "",
  PARSE_ERRORS.binary.summary,
  "",
  "## Why is this bad?",
  "",
  "`docker build` reads a Dockerfile as UTF-8 text, line by line: binary data fails as an unknown instruction, and",
  "a UTF-16 or UTF-32 file without a byte-order mark reads as instructions spelled with NUL characters, which fail",
  "the same way. A walk of a folder does not lint archives and images named like Dockerfiles (`Dockerfile.tar.gz`,",
  "`dockerfile.png`); a file with such a name given on the command line is read as a Dockerfile, as hadolint does.",
  "",
  "This diagnostic comes from the reader of the file; it cannot be hidden with an inline suppression (the file's",
  "pragmas are not read). `--ignore DF011` leaves the file with no findings at all.",
].join("\n");

export const SYNTAX_RULES: readonly Rule[] = [
  ...Object.values(PARSE_ERRORS).map((e) => {
    const rule = syntaxRule("dockerfile", e.code, e.name, e.summary, "error");
    if (e.code === PARSE_ERRORS.internalError.code) return Object.freeze({ ...rule, docs: INTERNAL_ERROR_DOCS });
    if (e.code === PARSE_ERRORS.binary.code) return Object.freeze({ ...rule, docs: BINARY_FILE_DOCS });
    return rule;
  }),
  ...COMPOSE_ERRORS.map((e) => syntaxRule("compose", e.code, e.name, e.summary, e.severity)),
];
