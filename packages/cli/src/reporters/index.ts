import { checkstyle } from "./checkstyle.js";
import { codacy } from "./codacy.js";
import { compact } from "./compact.js";
import { github } from "./github.js";
import { gitlab } from "./gitlab.js";
import { gnu } from "./gnu.js";
import { json } from "./json.js";
import { rdjson } from "./rdjson.js";
import { junit } from "./junit.js";
import { sarif } from "./sarif.js";
import { sonarqube } from "./sonarqube.js";
import { stylish } from "./stylish.js";
import type { Report, Reporter } from "./types.js";

export type { Report, Reporter, ReporterOptions } from "./types.js";

export const REPORTERS = { stylish, json, sarif, checkstyle, junit, gitlab, github, gnu, sonarqube, compact, rdjson, codacy } satisfies Record<string, Reporter<Report>>;

export type FormatName = keyof typeof REPORTERS;

/** hadolint's and dclint's names for the same formats, so their users keep their scripts (dclint's compact and rdjson are formats of their own). */
export const FORMAT_ALIASES: Record<string, FormatName> = {
  tty: "stylish",
  codeclimate: "gitlab",
  gitlab_codeclimate: "gitlab",
};

export const FORMAT_NAMES = [...Object.keys(REPORTERS), ...Object.keys(FORMAT_ALIASES)];

/** The canonical format for a name or alias (case-insensitive), or undefined. */
export function resolveFormat(name: string): FormatName | undefined {
  const lower = name.trim().toLowerCase();
  if (lower in REPORTERS) return lower as FormatName;
  return FORMAT_ALIASES[lower];
}
