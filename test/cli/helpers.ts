import { execSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(ROOT, "packages/cli/bin/shipshape.js");

/** Builds the packages once if the CLI has not been built yet (the bin needs dist/). */
export function ensureBuilt(): void {
  if (!existsSync(path.join(ROOT, "packages/cli/dist/main.js"))) execSync("npx tsc -b", { cwd: ROOT, stdio: "inherit" });
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** `asNobody` was asked as root on a machine without `setpriv`: nothing ran. */
  skipped?: boolean;
}

/**
 * Runs the built CLI as a user would; colour off unless the test's env turns it on. `asNobody`: as an
 * unprivileged user, so that file permissions apply (root ignores them): through `setpriv` when the tests
 * run as root, else as the user running them. The folders it needs must be open to others.
 */
export function shipshape(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; input?: string | Buffer; asNobody?: boolean } = {}): RunResult {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (k.startsWith("SHIPSHAPE_") || k.startsWith("HADOLINT_")) if (!(options.env && k in options.env)) delete env[k];
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  let command = process.execPath;
  let argv = [BIN, ...args];
  if (options.asNobody && process.getuid?.() === 0) {
    if (spawnSync("setpriv", ["--version"]).status !== 0) return { status: null, stdout: "", stderr: "", skipped: true };
    [command, argv] = ["setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, ...argv]];
  }
  const r = spawnSync(command, argv, { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, input: options.input ?? "", encoding: "utf8", timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder with these files; remove it when done. */
export function tempTree(files: Record<string, string | Buffer>): { root: string; remove: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), "shipshape-e2e-"));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** No stack trace lines, ever. */
export function expectNoStack(text: string): void {
  if (/^\s+at .+:\d+:\d+\)?$/m.test(text)) throw new Error(`output has a stack trace:\n${text}`);
}
