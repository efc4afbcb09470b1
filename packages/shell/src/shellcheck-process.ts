/**
 * Runs the `shellcheck` executable. This is the only module of the package that touches processes,
 * the file system or the environment; it is exported as `@shipshape/shell/process` for the CLI and
 * the language server, and never imported by the main entry.
 */
import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";
import { parseShellcheckOutput, type ShellcheckFinding, type ShellcheckRequest } from "./shellcheck.js";

export interface ShellcheckResult {
  findings: ShellcheckFinding[];
  /** Why ShellCheck gave no usable answer (timeout, crash, bad output); absent on success. */
  error?: string;
}

export interface ShellcheckRunner {
  /** Absolute path of the executable in use. */
  readonly binary: string;
  /** Runs one script. Never rejects: failures come back as `error` with no findings. */
  check(request: ShellcheckRequest): Promise<ShellcheckResult>;
}

export interface ShellcheckRunnerOptions {
  /** Executable name or path; default `shellcheck`, looked up on `PATH`. */
  binary?: string;
  /** The search path; default `process.env.PATH`. */
  pathEnv?: string;
  /** Most processes at once; default 4. */
  concurrency?: number;
  /** Per-process time limit in milliseconds; default 10 000. */
  timeoutMs?: number;
}

/** The runner, or undefined when no `shellcheck` executable can be found. */
export function createShellcheckRunner(options: ShellcheckRunnerOptions = {}): ShellcheckRunner | undefined {
  const binary = findExecutable(options.binary ?? "shellcheck", options.pathEnv ?? process.env.PATH ?? "");
  if (!binary) return undefined;
  const limit = Math.max(1, options.concurrency ?? 4);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let running = 0;
  const waiting: (() => void)[] = [];

  const acquire = (): Promise<void> => {
    if (running < limit) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    binary,
    async check(request) {
      await acquire();
      try {
        return await runOnce(binary, request, timeoutMs);
      } finally {
        release();
      }
    },
  };
}

function runOnce(binary: string, request: ShellcheckRequest, timeoutMs: number): Promise<ShellcheckResult> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: ShellcheckResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(binary, request.args, { stdio: ["pipe", "pipe", "pipe"], windowsHide: true });
    } catch (error) {
      resolve({ findings: [], error: `could not start shellcheck: ${String(error)}` });
      return;
    }
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish({ findings: [], error: `shellcheck timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on("data", (d: Buffer) => stdout.push(d));
    child.stderr?.on("data", (d: Buffer) => stderr.push(d));
    child.on("error", (error) => finish({ findings: [], error: `shellcheck failed: ${error.message}` }));
    child.on("close", (code) => {
      const out = Buffer.concat(stdout).toString("utf8");
      // Exit 0: no findings; 1: findings; anything else: ShellCheck itself failed.
      if (code === 0 || code === 1) {
        finish({ findings: parseShellcheckOutput(request, out) });
      } else {
        const message = Buffer.concat(stderr).toString("utf8").trim();
        finish({ findings: [], error: `shellcheck exited with ${code}${message ? `: ${message}` : ""}` });
      }
    });
    // A process that dies early closes stdin; the write error is reported through "close" instead.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(request.stdin, "utf8");
  });
}

function findExecutable(name: string, pathEnv: string): string | undefined {
  const candidates = name.includes("/") || name.includes(path.sep)
    ? [path.resolve(name)]
    : pathEnv.split(path.delimiter).filter(Boolean).flatMap((dir) =>
      process.platform === "win32" ? [path.join(dir, `${name}.exe`), path.join(dir, name)] : [path.join(dir, name)]);
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Not there or not executable: try the next directory.
    }
  }
  return undefined;
}
