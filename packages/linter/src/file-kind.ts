/** File kinds by base name (INTERFACE.md § File kinds). */
import type { RuleKind } from "./rule.js";

const DOCKERFILE = /^(?:(?:dockerfile|containerfile)(?:\..+)?|.+\.dockerfile)$/i;
const COMPOSE = /^(?:(?:docker-)?compose(?:\..+)?\.ya?ml|.+\.compose\.ya?ml)$/i;

/** The kind a name is recognised as, or undefined (a directory walk skips such files). */
export function recognisedKind(path: string): RuleKind | undefined {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (/\.dockerignore$/i.test(base)) return undefined;
  if (COMPOSE.test(base)) return "compose";
  if (DOCKERFILE.test(base)) return "dockerfile";
  return undefined;
}

/** The kind a file named explicitly is linted as: recognised, else YAML → compose, else Dockerfile (as hadolint). */
export function fileKindOf(path: string): RuleKind {
  return recognisedKind(path) ?? (/\.ya?ml$/i.test(path) ? "compose" : "dockerfile");
}
