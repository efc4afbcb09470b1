import { readFileSync } from "node:fs";
import type { Env } from "./settings.js";

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIO {
  env: Env;
  cwd: string;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  readStdin(): Promise<Uint8Array>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

let cachedVersion: string | undefined;

/** The version in packages/cli/package.json (one folder above both dist/main.js and the bundle). */
export function version(): string {
  if (cachedVersion === undefined) {
    try {
      cachedVersion = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
    } catch {
      cachedVersion = "0.0.0";
    }
  }
  return cachedVersion;
}

export function processIO(): CliIO {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}
