/**
 * Finding and reading the configuration of a file through injected readers (the library never touches
 * the file system): `.shipshape.yaml`/`.shipshape.yml` upward from the file, else `.hadolint.yaml`/
 * `.hadolint.yml` found the same way. Parsed files are cached for the whole run.
 */
import { dirname, join } from "node:path";
import type { Diagnostic } from "@shipshape/text";
import type { RuleSet } from "../registry.js";
import { parseConfig } from "./parse.js";
import type { LinterConfig } from "./types.js";

export type ReadFile = (path: string) => string | undefined | Promise<string | undefined>;
export type FindConfig = (filePath: string) => string | undefined | Promise<string | undefined>;

export const CONFIG_NAMES = [".shipshape.yaml", ".shipshape.yml"] as const;
export const HADOLINT_CONFIG_NAMES = [".hadolint.yaml", ".hadolint.yml"] as const;

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
        const { config, diagnostics } = parseConfig(text, path, this.rules);
        return { path, text, config, diagnostics };
      })();
      this.parsed.set(path, p);
    }
    return p;
  }

  /** The config file that applies to `filePath`, if any. */
  async locate(filePath: string): Promise<string | undefined> {
    if (this.findConfig) return this.findConfig(filePath);
    if (!this.readFile || filePath === "-") return undefined;
    const dir = dirname(filePath);
    let p = this.located.get(dir);
    if (!p) {
      p = (async () => (await this.searchUp(dir, CONFIG_NAMES)) ?? (await this.searchUp(dir, HADOLINT_CONFIG_NAMES)))();
      this.located.set(dir, p);
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
