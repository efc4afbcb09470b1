/**
 * Runs the `shellcheck` executable. This is the only module of the package that touches processes,
 * the file system or the environment; it is exported as `@shipshape/shell/process` for the CLI and
 * the language server, and never imported by the main entry.
 */
import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { shellcheckComments, shellcheckFindings, type ShellcheckFinding, type ShellcheckRequest } from "./shellcheck.js";

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
  /**
   * Runs many scripts (a Dockerfile's) in as few processes as possible: one per distinct set of
   * options, each script a file in a temporary folder, findings mapped back by file name. Results are
   * in the order of `requests`, and the same as `check` gives for each. Never rejects.
   */
  checkAll(requests: readonly ShellcheckRequest[]): Promise<ShellcheckResult[]>;
}

export interface ShellcheckRunnerOptions {
  /** Executable name or path; default `shellcheck`, looked up on `PATH`. */
  binary?: string;
  /** The search path; default `process.env.PATH`. */
  pathEnv?: string;
  /** Most processes at once; default 4. */
  concurrency?: number;
  /** Per-process time limit in milliseconds; default 10 000 (a process checking several scripts gets 1 000 more per script). */
  timeoutMs?: number;
  /**
   * Where `.shellcheckrc` is looked for, as ShellCheck does for stdin (this folder and its parents);
   * default `process.cwd()`. Scripts checked together are files in a temporary folder, so the file found
   * here is copied beside them.
   */
  cwd?: string;
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

  const limited = async <T>(task: () => Promise<T>): Promise<T> => {
    await acquire();
    try {
      return await task();
    } finally {
      release();
    }
  };
  const cwd = options.cwd ?? process.cwd();
  let rcFile: Promise<string | undefined> | undefined;
  // Answers are kept per `.shellcheckrc` text too: an edit to it (in an editor's session) checks again.
  const answersByRc = new Map<string, Answers>();
  const currentAnswers = async (): Promise<Answers> => {
    const rc = await (rcFile ??= findRcFile(cwd));
    let text = "";
    if (rc) text = await readFile(rc, "utf8").catch(() => "");
    let answers = answersByRc.get(text);
    if (!answers) {
      answersByRc.clear();
      answersByRc.set(text, (answers = new Answers()));
    }
    return answers;
  };

  /**
   * Checks scripts: one process per set of options, or for a large group several, as many as may run at
   * once. A process costs ShellCheck's start (about 26 ms here) whatever it checks, and then about 2 ms a
   * script.
   */
  const checkNow = async (requests: readonly ShellcheckRequest[]): Promise<ShellcheckResult[]> => {
    const answers = await currentAnswers();
    const results: ShellcheckResult[] = new Array(requests.length);
    // Scripts checked before, and the same script asked twice now, are answered from one run: a
    // monorepo repeats its RUN lines across Dockerfiles and stages, and each run costs a process's time.
    const first = new Map<string, number>();
    const copies: [number, number][] = [];
    const todo: number[] = [];
    requests.forEach((request, i) => {
      const known = answers.get(request);
      if (known) return void (results[i] = known);
      const key = Answers.key(request);
      const earlier = first.get(key);
      if (earlier !== undefined) return void copies.push([i, earlier]);
      first.set(key, i);
      todo.push(i);
    });
    const jobs: Promise<void>[] = [];
    for (const group of groupByOptions(todo.map((i) => requests[i]!))) {
      const indexes = group.map((k) => todo[k]!);
      if (indexes.length === 1) {
        const i = indexes[0]!;
        jobs.push(limited(() => runOnce(binary, requests[i]!, timeoutMs)).then((r) => void (results[i] = answers.keep(requests[i]!, r))));
        continue;
      }
      // Spread over the processes that may run at once, when there are enough scripts to pay for their starts.
      const size = Math.min(BATCH_SIZE, Math.max(MIN_BATCH, Math.ceil(indexes.length / limit)));
      for (let from = 0; from < indexes.length; from += size) {
        const batch = indexes.slice(from, from + size);
        const group = batch.map((i) => requests[i]!);
        jobs.push(
          rcFile!
            .then((rc) => limited(() => runBatch(binary, group, rc, timeoutMs + 1_000 * group.length)))
            .then((rs) => rs.forEach((r, k) => (results[batch[k]!] = answers.keep(group[k]!, r)))),
        );
      }
    }
    await Promise.all(jobs);
    // A copy takes its first's answer; it runs itself only when that run failed to give one.
    await Promise.all(
      copies.map(async ([i, earlier]) => {
        const error = results[earlier]!.error;
        results[i] =
          answers.get(requests[i]!) ??
          (error !== undefined ? { findings: [], error } : answers.keep(requests[i]!, await limited(() => runOnce(binary, requests[i]!, timeoutMs))));
      }),
    );
    return results;
  };

  // `checkAll` calls made in one turn of the event loop are checked together: a run that lints several
  // Dockerfiles at once (the CLI over a folder) gets a few processes for the scripts of all of them, where
  // one process per Dockerfile spent most of its time starting ShellCheck.
  let pending: { requests: readonly ShellcheckRequest[]; resolve: (results: ShellcheckResult[]) => void }[] | undefined;
  const flush = (): void => {
    const calls = pending!;
    pending = undefined;
    checkNow(calls.flatMap((c) => c.requests)).then(
      (results) => {
        let at = 0;
        for (const call of calls) {
          call.resolve(results.slice(at, at + call.requests.length));
          at += call.requests.length;
        }
      },
      (e: unknown) => {
        // checkNow reports failures per script; this is only a guard, so that no caller waits for ever.
        const error = `ShellCheck failed: ${e instanceof Error ? e.message : String(e)}`;
        for (const call of calls) call.resolve(call.requests.map(() => ({ findings: [], error })));
      },
    );
  };

  return {
    binary,
    async check(request) {
      const answers = await currentAnswers();
      const known = answers.get(request);
      if (known) return known;
      const run = await limited(() => runOnce(binary, request, timeoutMs));
      return answers.keep(request, run);
    },
    checkAll(requests) {
      if (requests.length === 0) return Promise.resolve([]);
      return new Promise((resolve) => {
        if (!pending) {
          pending = [];
          setImmediate(flush);
        }
        pending.push({ requests, resolve });
      });
    },
  };
}

/** A run's result with ShellCheck's own comments, from which the findings of the same script elsewhere are made. */
interface Run extends ShellcheckResult {
  comments?: unknown[];
}

/**
 * ShellCheck's comments per script and arguments, kept for the runner's life (a CLI run, an editor
 * session): the findings of a script checked before are mapped from them onto the new request's place.
 * Failed runs are not kept. Bounded: past MAX_ANSWERS scripts it starts over.
 */
class Answers {
  private readonly comments = new Map<string, unknown[]>();

  static key(request: ShellcheckRequest): string {
    return `${optionArgs(request).join("\u0000")}\u0001${request.stdin}`;
  }

  get(request: ShellcheckRequest): ShellcheckResult | undefined {
    const comments = this.comments.get(Answers.key(request));
    return comments && { findings: shellcheckFindings(request, comments) };
  }

  keep(request: ShellcheckRequest, run: Run): ShellcheckResult {
    if (run.comments && run.error === undefined) {
      if (this.comments.size >= MAX_ANSWERS) this.comments.clear();
      this.comments.set(Answers.key(request), run.comments);
    }
    return run.error === undefined ? { findings: run.findings } : { findings: run.findings, error: run.error };
  }
}

const MAX_ANSWERS = 8192;

/**
 * Most scripts one process checks. A Dockerfile of thousands of RUN instructions is checked by several
 * processes (at most `concurrency` at once), each with a command line and a time limit of bounded size.
 */
const BATCH_SIZE = 200;
/** Fewest scripts a process is started for when a group is spread over several (see `checkAll`). */
const MIN_BATCH = 32;

/** Indexes of the requests that can share one process: the same arguments (dialect, codes, severity). */
function groupByOptions(requests: readonly ShellcheckRequest[]): number[][] {
  const groups = new Map<string, number[]>();
  requests.forEach((request, i) => {
    const key = JSON.stringify(optionArgs(request));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(i);
  });
  return [...groups.values()];
}

/** The request's arguments without the input (`-`, stdin). */
function optionArgs(request: ShellcheckRequest): string[] {
  return request.args.filter((a) => a !== "-");
}

/**
 * One ShellCheck process for several scripts: each is written as `<n>.sh` in a fresh temporary folder
 * (with the `.shellcheckrc` that applies to stdin, if any) and passed by name; `json1` names the file of
 * each finding. The folder is removed afterwards. Falls back to one process per script, one after the
 * other (the caller holds one of the runner's places), when the folder cannot be written. Files are
 * written one at a time: all at once, a large batch ran out of file descriptors (EMFILE).
 */
async function runBatch(binary: string, requests: readonly ShellcheckRequest[], rcFile: string | undefined, timeoutMs: number): Promise<Run[]> {
  let dir: string | undefined;
  try {
    dir = await mkdtemp(path.join(os.tmpdir(), "shipshape-shellcheck-"));
    const names = requests.map((_, i) => `${i}.sh`);
    for (let i = 0; i < requests.length; i++) await writeFile(path.join(dir, names[i]!), requests[i]!.stdin, "utf8");
    if (rcFile) await copyFile(rcFile, path.join(dir, ".shellcheckrc"));
    const run = await spawnShellcheck(binary, [...optionArgs(requests[0]!), "--", ...names], { cwd: dir }, timeoutMs);
    if ("error" in run) return requests.map(() => ({ findings: [], error: run.error }));
    const byFile = commentsByFile(run.stdout);
    if (!byFile) return requests.map(() => ({ findings: [], error: "shellcheck printed no JSON" }));
    return requests.map((r, i) => {
      const comments = byFile.get(names[i]!) ?? [];
      return { findings: shellcheckFindings(r, comments), comments };
    });
  } catch {
    const results: Run[] = [];
    for (const r of requests) results.push(await runOnce(binary, r, timeoutMs));
    return results;
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** `json1` comments grouped by their `file`; undefined when the output is not ShellCheck's JSON. */
function commentsByFile(stdout: string): Map<string, unknown[]> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    return undefined;
  }
  const comments = (data as { comments?: unknown })?.comments;
  if (!Array.isArray(comments)) return undefined;
  const out = new Map<string, unknown[]>();
  for (const c of comments) {
    const file = (c as { file?: unknown })?.file;
    if (typeof file !== "string") continue;
    let list = out.get(file);
    if (!list) out.set(file, (list = []));
    list.push(c);
  }
  return out;
}

/**
 * The `.shellcheckrc` ShellCheck reads for stdin: `.shellcheckrc` or `shellcheckrc` in the working
 * folder or the nearest parent that has one. (It falls back to the user's own file in both modes.)
 */
async function findRcFile(start: string): Promise<string | undefined> {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    for (const name of [".shellcheckrc", "shellcheckrc"]) {
      const candidate = path.join(dir, name);
      try {
        if (statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

async function runOnce(binary: string, request: ShellcheckRequest, timeoutMs: number): Promise<Run> {
  const run = await spawnShellcheck(binary, request.args, { stdin: request.stdin }, timeoutMs);
  if ("error" in run) return { findings: [], error: run.error };
  const comments = shellcheckComments(run.stdout);
  return { findings: shellcheckFindings(request, comments ?? []), comments };
}

/** Runs ShellCheck to the end; exit status 0 (no findings) and 1 (findings) are success, the rest an error. */
function spawnShellcheck(
  binary: string,
  args: readonly string[],
  io: { stdin?: string; cwd?: string },
  timeoutMs: number,
): Promise<{ stdout: string } | { error: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: { stdout: string } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(binary, [...args], { stdio: ["pipe", "pipe", "pipe"], windowsHide: true, cwd: io.cwd });
    } catch (error) {
      resolve({ error: `could not start shellcheck: ${String(error)}` });
      return;
    }
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish({ error: `shellcheck timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on("data", (d: Buffer) => stdout.push(d));
    child.stderr?.on("data", (d: Buffer) => stderr.push(d));
    child.on("error", (error) => finish({ error: `shellcheck failed: ${error.message}` }));
    child.on("close", (code) => {
      if (code === 0 || code === 1) {
        finish({ stdout: Buffer.concat(stdout).toString("utf8") });
      } else {
        const message = Buffer.concat(stderr).toString("utf8").trim();
        finish({ error: `shellcheck exited with ${code}${message ? `: ${message}` : ""}` });
      }
    });
    // A process that dies early closes stdin; the write error is reported through "close" instead.
    child.stdin?.on("error", () => undefined);
    child.stdin?.end(io.stdin ?? "", "utf8");
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
