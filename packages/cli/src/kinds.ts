import path from "node:path";

export type FileKind = "dockerfile" | "compose";

const COMPOSE_NAME = /^(?:(?:docker-)?compose(?:\.[^/]+)?|[^/]+\.compose)\.ya?ml$/i;
const DOCKERFILE_NAME = /^(?:(?:dockerfile|containerfile)(?:\..+)?|.+\.dockerfile)$/i;

/** The kind a base name is recognised as (INTERFACE.md "File kinds"), or undefined for any other name. */
export function kindFromName(file: string): FileKind | undefined {
  const base = path.basename(file.replace(/\\/g, "/"));
  if (/\.dockerignore$/i.test(base)) return undefined;
  if (COMPOSE_NAME.test(base)) return "compose";
  if (DOCKERFILE_NAME.test(base)) return "dockerfile";
  return undefined;
}

/** A file named explicitly: its recognised kind, else Compose for YAML and a Dockerfile otherwise (as hadolint does). */
export function kindOfExplicitFile(file: string): FileKind {
  return kindFromName(file) ?? (/\.ya?ml$/i.test(file) ? "compose" : "dockerfile");
}

export function isFileKind(s: string): s is FileKind {
  return s === "dockerfile" || s === "compose";
}
