/**
 * What other tools' configuration looks like, where more than one package needs to know it: the CLI
 * finds these files without loading the linter (start-up time), and the linter reads them.
 */

/** dclint config files shipshape reads, in cosmiconfig's order, relative to a folder. */
export const DCLINT_CONFIG_NAMES = [
  "package.json",
  ".dclintrc",
  ".dclintrc.json",
  ".dclintrc.yaml",
  ".dclintrc.yml",
  ".config/dclintrc",
  ".config/dclintrc.json",
  ".config/dclintrc.yaml",
  ".config/dclintrc.yml",
] as const;

/** dclint config files that are programs (cosmiconfig runs them); found, warned about, not run. */
export const DCLINT_SCRIPT_NAMES = [
  ".dclintrc.js",
  ".dclintrc.ts",
  ".dclintrc.cjs",
  ".dclintrc.mjs",
  ".config/dclintrc.js",
  ".config/dclintrc.ts",
  ".config/dclintrc.cjs",
  ".config/dclintrc.mjs",
  "dclint.config.js",
  "dclint.config.ts",
  "dclint.config.cjs",
  "dclint.config.mjs",
] as const;

/** Every name a dclint config is looked for under, the ones read before the scripts warned about. */
export const DCLINT_FILE_NAMES: readonly string[] = [...DCLINT_CONFIG_NAMES, ...DCLINT_SCRIPT_NAMES];

/** The kind of dclint config a path names, from its last one or two segments; undefined for any other file. */
export function dclintConfigKind(path: string): "data" | "package" | "script" | undefined {
  const parts = path.split(/[\\/]/);
  const base = parts[parts.length - 1] ?? "";
  const tail = parts.length > 1 && parts[parts.length - 2] === ".config" ? `.config/${base}` : base;
  if (base === "package.json") return "package";
  if ((DCLINT_CONFIG_NAMES as readonly string[]).includes(tail)) return "data";
  if ((DCLINT_SCRIPT_NAMES as readonly string[]).includes(tail)) return "script";
  return undefined;
}

/** Whether a `package.json` text has a `dclint` key at its top (only then is it a dclint config). */
export function packageHasDclint(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value) && "dclint" in value;
  } catch {
    return false;
  }
}

/** The label types of hadolint's label schema (`label-schema`, `--require-label NAME:TYPE`). */
export const LABEL_TYPES = ["text", "url", "rfc3339", "spdx", "hash", "semver", "email"] as const;
