/**
 * Finding and reading the configuration of a file through injected readers (the library never touches
 * the file system): `.shipshape.yaml`/`.shipshape.yml` upward from the file; else, for a compose file,
 * dclint's config found the same way (see dclint.ts); else `.hadolint.yaml`/`.hadolint.yml`. Parsed
 * files are cached for the whole run.
 */
import { dirname, join } from "node:path";
import type { Diagnostic } from "@shipshape/text";
import type { RuleSet } from "../registry.js";
import type { RuleKind } from "../rule.js";
import { DCLINT_FILE_NAMES, dclintConfigKind } from "@shipshape/text";
import { parseDclintConfig } from "./dclint.js";
import { parseConfig } from "./parse.js";
import type { LinterConfig } from "./types.js";

export type ReadFile = (path: string) => string | undefined | Promise<string | undefined>;
/** Locates the config of a file of a kind (dclint's configs apply to compose files only). */
export type FindConfig = (filePath: string, kind?: RuleKind) => string | undefined | Promise<string | undefined>;

export const CONFIG_NAMES = [".shipshape.yaml", ".shipshape.yml"] as const;
export const HADOLINT_CONFIG_NAMES = [".hadolint.yaml", ".hadolint.yml"] as const;
/** dclint's configs, the ones read and the scripts warned about, in the order they are looked for in a folder. */
export const COMPOSE_CONFIG_NAMES = DCLINT_FILE_NAMES;

export interface LoadedConfig {
  path: string;
  text: string;
  config: LinterConfig;
  diagnostics: Diagnostic[];
}

export class ConfigLoader {
  private readonly parsed = new Map<string, Promise<LoadedConfig | undefined>>();
  private readonly located = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly rules: RuleSet,
    private readonly readFile: ReadFile | undefined,
    private readonly findConfig: FindConfig | undefined,
  ) {}

  /** Reads and parses a config file (once per path); undefined when it cannot be read. */
  load(path: string): Promise<LoadedConfig | undefined> {
    let p = this.parsed.get(path);
    if (!p) {
      p = (async () => {
        const text = await this.readFile?.(path);
        if (text === undefined) return undefined;
        // A package.json without a `dclint` key is no config (undefined: a search goes on above it).
        const parsed = dclintConfigKind(path) ? parseDclintConfig(text, path, this.rules) : parseConfig(text, path, this.rules);
        return parsed && { path, text, config: parsed.config, diagnostics: parsed.diagnostics };
      })();
      this.parsed.set(path, p);
    }
    return p;
  }

  /** The config file that applies to `filePath` (a file of `kind`), if any. */
  async locate(filePath: string, kind: RuleKind = "dockerfile"): Promise<string | undefined> {
    if (this.findConfig) return this.findConfig(filePath, kind);
    if (!this.readFile || filePath === "-") return undefined;
    const dir = dirname(filePath);
    const key = `${kind}\u0000${dir}`;
    let p = this.located.get(key);
    if (!p) {
      p = (async () =>
        (await this.searchUp(dir, CONFIG_NAMES)) ??
        (kind === "compose" ? await this.searchUp(dir, COMPOSE_CONFIG_NAMES) : undefined) ??
        (await this.searchUp(dir, HADOLINT_CONFIG_NAMES)))();
      this.located.set(key, p);
    }
    return p;
  }

  private async searchUp(start: string, names: readonly string[]): Promise<string | undefined> {
    let dir = start;
    for (;;) {
      for (const name of names) {
        const candidate = join(dir, name);
        const loaded = await this.load(candidate);
        if (loaded) return candidate;
      }
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}
