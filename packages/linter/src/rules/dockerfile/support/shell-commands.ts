/**
 * Shell queries shared by the rules that read the commands of RUN (package managers, pinning, flags).
 * Not a rule: codegen reads only the files directly under rules/dockerfile/.
 *
 * Everything here goes through `ctx.shell` (parsed once per instruction) and never re-splits text.
 */
import { isMovedCopy, type Instruction, type RunInstruction } from "@shipshape/dockerfile";
import {
  commandName,
  findCommands,
  hasFlag,
  isPosixShell,
  positionalArgs,
  type ParsedEmbeddedScript,
  type ShellCommand,
  type ShellWord,
} from "@shipshape/shell";
import type { Scope, Stage as SemanticStage } from "@shipshape/semantic";
import type { Fix } from "@shipshape/text";
import { NodeCache } from "@shipshape/text";
import type { DockerfileRuleContext } from "../../../rule.js";

type Ctx = DockerfileRuleContext<any>;

/**
 * Interpreters that run POSIX shell scripts (a heredoc's shebang or `RUN <<EOF bash`); also the shells that
 * run `-c STRING ARG0 ARG1...` with the extra words as `$0`, `$1`, ... (DF215, DC209).
 */
export const POSIX_INTERPRETERS: ReadonlySet<string> = new Set(["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox"]);

/**
 * The POSIX shell scripts an instruction runs. A stage whose SHELL (or `# hadolint shell=` hint) is
 * PowerShell or cmd gives none, except heredoc bodies that name a POSIX interpreter themselves.
 */
export function posixScripts(ctx: Ctx, node: Instruction): readonly ParsedEmbeddedScript[] {
  return commandIndex(ctx, node).scripts;
}

/**
 * Per instruction, computed once and shared by every rule of this module: the POSIX scripts and all
 * their commands with wrappers seen through. Keyed by the AST node, and checked against the stage shell
 * it was made with (see `commandIndex`).
 */
interface CommandIndex {
  scripts: readonly ParsedEmbeddedScript[];
  commands: readonly FoundCommand[];
  /** The same commands by `commandName`, so a lookup by name does not test (and re-slice) every command. */
  byName: Map<string, FoundCommand[]>;
  /** `commandName` of each of `commands` ("" for none). */
  names: string[];
  /** Whether the stage's shell was POSIX when this was made; undefined for an instruction without scripts. */
  posix: boolean | undefined;
  /**
   * The shell in force (`ctx.shellOf`'s answer, one array per instruction and lint) for which `posix` was
   * last found to hold: for the same array, a hit needs no check.
   */
  checkedFor: readonly string[] | undefined;
}

const indexCache = new NodeCache<Instruction, CommandIndex>("command index");
const ANY_COMMAND = (): boolean => true;

/**
 * The instruction whose kept index was handed out last, and that index: the rules of one RUN ask one
 * after another, so most questions are about it (no map lookups then). Holds at most one node.
 */
let lastNode: Instruction | undefined;
let lastIndex: CommandIndex | undefined;

function remember(node: Instruction, index: CommandIndex): CommandIndex {
  lastNode = node;
  lastIndex = index;
  return index;
}

function commandIndex(ctx: Ctx, node: Instruction): CommandIndex {
  // A node can outlive its file's parse (an editor's re-parse keeps the nodes an edit did not touch) while
  // the shell in force for it changes (an edit to the stage's FROM or SHELL, or a shell pragma): an entry
  // is used only for the stage shell it was made with.
  if (node === lastNode) {
    const last = lastIndex!;
    if (last.posix === undefined || last.checkedFor === ctx.shellOf(node)) return last;
  }
  const hit = indexCache.get(node);
  if (hit && (hit.posix === undefined || hit.checkedFor === ctx.shellOf(node))) return remember(node, hit);
  // The stage shell is looked up once, and only when a script the stage shell runs is asked about.
  let shell: readonly string[] | undefined;
  let posix: boolean | undefined;
  const stageShellIsPosix = (): boolean => {
    if (shell === undefined) posix = isPosixShell((shell = ctx.shellOf(node)));
    return posix!;
  };
  // Kept for another shell array (another lint): still good when the shell is as POSIX as it was.
  if (hit && hit.posix === stageShellIsPosix()) {
    hit.checkedFor = shell;
    return remember(node, hit);
  }
  // Scripts of a PowerShell or cmd stage are not parsed at all (only heredocs naming a POSIX shell are).
  const scripts = ctx.shell(node, (s) => (s.interpreter !== undefined ? POSIX_INTERPRETERS.has(s.interpreter) : stageShellIsPosix()));
  const commands: FoundCommand[] = [];
  const byName = new Map<string, FoundCommand[]>();
  const names: string[] = [];
  for (let i = 0; i < scripts.length; i++) {
    const script = scripts[i]!;
    for (const cmd of findCommands(script.script, ANY_COMMAND)) {
      const found = { cmd, script, order: i * 1e9 + cmd.scriptRange.start };
      commands.push(found);
      const name = commandName(cmd) ?? "";
      names.push(name);
      const same = byName.get(name);
      if (same) same.push(found);
      else byName.set(name, [found]);
    }
  }
  const index = { scripts, commands, byName, names, posix, checkedFor: shell };
  // Before the shell grammar is loaded scripts come back unparsed: do not keep that empty answer.
  if (scripts.every((s) => s.script.parsed)) {
    indexCache.set(node, index);
    remember(node, index);
    if (isMovedCopy(node)) rememberNames(contentKey(ctx, node), byName);
  }
  return index;
}

/**
 * The command names found in instructions, by what decides them: the instruction's logical line and
 * heredoc bodies, and whether the stage shell is POSIX. An editor's re-parse gives every instruction
 * below an edit a new node (a moved copy); a rule that only asks whether such a RUN calls `curl` gets
 * its answer here from the copy before it, without the instruction's scripts being moved and indexed
 * again.
 */
const namesByContent = new Map<string, ReadonlySet<string>>();
const NAMES_KEPT = 4096;
/**
 * Per node: its content key under the shell it was made for and, once looked up, the names known for
 * it (null: none were). Many rules ask before the index is built: the key (the whole instruction
 * text) is compared with the map's once per node, not once per question.
 */
interface ContentKey {
  shell: readonly string[];
  key: string;
  names?: ReadonlySet<string> | null;
}
const contentKeys = new NodeCache<Instruction, ContentKey>("content key");

function contentKey(ctx: Ctx, node: Instruction): string {
  return contentRecord(ctx, node).key;
}

function contentRecord(ctx: Ctx, node: Instruction): ContentKey {
  const shell = ctx.shellOf(node);
  const known = contentKeys.get(node);
  if (known && known.shell === shell) return known;
  let key = `${isPosixShell(shell) ? "P" : "N"}${node.parentOnbuild ? "T" : "I"}${node.original}`;
  for (const h of node.heredocs) key += `\u0000${h.content}`;
  const record: ContentKey = { shell, key };
  contentKeys.set(node, record);
  return record;
}

function rememberNames(key: string, byName: Map<string, FoundCommand[]>): void {
  if (namesByContent.has(key)) return;
  if (namesByContent.size >= NAMES_KEPT) namesByContent.clear();
  namesByContent.set(key, new Set(byName.keys()));
}

/**
 * True when this instruction's text is known (from another node with the same text) to call none of
 * `names`. Only nodes an editor's re-parse moved are looked up (and remembered): a fresh parse's nodes,
 * a CLI run's, pay nothing for it.
 */
function callsNone(ctx: Ctx, node: Instruction, names: string | readonly string[]): boolean {
  if (node === lastNode || indexCache.has(node) || !node.original || !isMovedCopy(node)) return false;
  const record = contentRecord(ctx, node);
  if (record.names === undefined) record.names = namesByContent.get(record.key) ?? null;
  const known = record.names;
  if (!known) return false;
  if (typeof names === "string") return !known.has(names);
  for (const n of names) if (known.has(n)) return false;
  return true;
}

/** A command found in one of an instruction's scripts. */
export interface FoundCommand {
  /** The command (for a wrapped command such as `sudo apt-get`, the unwrapped view). */
  cmd: ShellCommand;
  script: ParsedEmbeddedScript;
  /** Execution order across the instruction's scripts: compare to tell which command runs later. */
  order: number;
}

const NO_COMMANDS: readonly FoundCommand[] = [];

/**
 * Commands named `names` (or matching a predicate), wrappers seen through, in execution order. The list
 * may be the index's own (shared by every rule): read it, do not change it.
 */
export function commandsIn(
  ctx: Ctx,
  node: Instruction,
  names: string | readonly string[] | ((cmd: ShellCommand) => boolean),
): readonly FoundCommand[] {
  if (typeof names !== "function" && callsNone(ctx, node, names)) return NO_COMMANDS;
  const index = commandIndex(ctx, node);
  if (typeof names === "function") return index.commands.filter((f) => names(f.cmd));
  if (typeof names === "string") return index.byName.get(names) ?? NO_COMMANDS;
  // Several names: mostly one of them (or none) is called, and its list is already in execution order.
  let only: readonly FoundCommand[] = NO_COMMANDS;
  for (const name of names) {
    const same = index.byName.get(name);
    if (!same) continue;
    if (only !== NO_COMMANDS) return index.commands.filter((_, i) => names.includes(index.names[i]!));
    only = same;
  }
  return only;
}

/** All commands of an instruction (wrappers seen through), in execution order. */
export function allCommands(ctx: Ctx, node: Instruction): readonly FoundCommand[] {
  return commandIndex(ctx, node).commands;
}

/**
 * A package manager invocation: the command, its subcommand word (`install`) and the positional
 * arguments after it (the packages), with the values of `valueFlags` skipped.
 */
export interface ToolCall extends FoundCommand {
  subcommand: ShellWord;
  operands: ShellWord[];
}

const NO_CALLS: readonly ToolCall[] = [];

/** Invocations of `tool` (one name or several) whose subcommand is one of `subcommands`. */
export function toolCalls(
  ctx: Ctx,
  node: Instruction,
  tool: string | readonly string[],
  subcommands: readonly string[],
  valueFlags: readonly string[] = [],
): readonly ToolCall[] {
  const found = commandsIn(ctx, node, tool);
  if (found.length === 0) return NO_CALLS;
  const out: ToolCall[] = [];
  const syntax = { valueFlags };
  for (const { cmd, script, order } of found) {
    // Operands are copied only for a matching subcommand (most commands of a RUN are not).
    const positionals = positionalArgs(cmd, syntax);
    const sub = positionals[0];
    if (sub && subcommands.includes(sub.value)) out.push({ cmd, script, order, subcommand: sub, operands: positionals.slice(1) });
  }
  return out;
}

/** True when a command found by `commandsIn` runs after `call` and satisfies `test`. */
export function runsLater(calls: readonly FoundCommand[], after: FoundCommand, test: (cmd: ShellCommand) => boolean): boolean {
  return calls.some((c) => c.order > after.order && test(c.cmd));
}

// ---------------------------------------------------------------------------------------------
// pip

/** Options of `pip install` that take a value (their value is not a package). */
const PIP_VALUE_FLAGS = [
  "i", "index-url", "extra-index-url", "e", "editable", "t", "target", "prefix", "root", "platform",
  "python-version", "implementation", "abi", "f", "find-links", "trusted-host", "src", "upgrade-strategy",
  "progress-bar", "cache-dir", "log", "proxy", "retries", "timeout", "exists-action", "cert", "client-cert",
  "global-option", "install-option", "C", "config-settings", "no-binary", "only-binary", "report",
  "r", "requirement", "c", "constraint",
];

const PIP_NAME = /^pip[0-9.]*$/;
const PYTHON_NAME = /^python[0-9.]*$/;

/** `pip install ...`, `pip3.12 install ...` or `python3 -m pip install ...`. */
export interface PipInstall extends FoundCommand {
  /** The command seen from `install` on: for `python -m pip`, a view whose args follow `pip`. */
  pip: ShellCommand;
  install: ShellWord;
  packages: ShellWord[];
}

/** Per command index (so per instruction and stage shell): its pip installs, asked for by two rules. */
const pipCache = new NodeCache<CommandIndex, readonly PipInstall[]>("pip installs");

/** The instruction's pip installs, in execution order. Shared by the rules that ask: read it, do not change it. */
export function pipInstalls(ctx: Ctx, node: Instruction): readonly PipInstall[] {
  const index = commandIndex(ctx, node);
  let installs = pipCache.get(index);
  if (!installs) pipCache.set(index, (installs = findPipInstalls(index)));
  return installs;
}

function isPipName(name: string): boolean {
  return PIP_NAME.test(name) || PYTHON_NAME.test(name);
}

/** Commands named pip* or python*: the index's distinct names are tested, not every command. */
function pipCommands(index: CommandIndex): readonly FoundCommand[] {
  let only: readonly FoundCommand[] = NO_COMMANDS;
  for (const [name, same] of index.byName) {
    if (!isPipName(name)) continue;
    if (only !== NO_COMMANDS) return index.commands.filter((_, i) => isPipName(index.names[i]!));
    only = same;
  }
  return only;
}

function findPipInstalls(index: CommandIndex): PipInstall[] {
  const out: PipInstall[] = [];
  for (const found of pipCommands(index)) {
    let pip = found.cmd;
    if (PYTHON_NAME.test(commandName(pip) ?? "")) {
      // `python -m pip ...`: only the module form runs pip.
      const args = pip.args;
      const m = args.findIndex((a, i) => (a.value === "-m" && args[i + 1]?.value === "pip") || a.value === "-mpip");
      if (m < 0) continue;
      const rest = args[m]!.value === "-mpip" ? m + 1 : m + 2;
      pip = { ...pip, args: args.slice(rest) };
    }
    const [sub, ...packages] = positionalArgs(pip, { valueFlags: PIP_VALUE_FLAGS });
    if (sub?.value !== "install") continue;
    out.push({ ...found, pip, install: sub, packages });
  }
  return out;
}

/** pip's own truthy spellings for boolean environment settings, as hadolint accepts them. */
export const TRUTHY = new Set(["1", "true", "True", "TRUE", "on", "On", "ON", "yes", "Yes", "YES"]);

// ---------------------------------------------------------------------------------------------
// Mounts

/** Targets of the RUN's `--mount=type=cache` and `type=tmpfs` mounts, trailing slashes removed. */
export function cacheMountTargets(node: Instruction): string[] {
  if (node.kind !== "Run") return [];
  const run = node as RunInstruction;
  return run.mounts
    .filter((m) => m.type === "cache" || m.type === "tmpfs")
    .map((m) => m.values["target"] ?? m.values["dst"] ?? m.values["destination"] ?? "")
    .filter((t) => t !== "")
    .map((t) => t.replace(/\/+$/, "") || "/");
}

/** True when a cache or tmpfs mount covers `dir` (is the directory itself or one of its parents). */
export function cacheMountCovers(node: Instruction, dir: string): boolean {
  return cacheMountTargets(node).some((t) => t === dir || dir.startsWith(t === "/" ? "/" : `${t}/`));
}

/** True when an `rm` in `calls` running after `after` removes `dir` or something inside it. */
export function removesLater(calls: readonly FoundCommand[], after: FoundCommand, dir: string): boolean {
  return runsLater(calls, after, (cmd) =>
    commandName(cmd) === "rm" && positionalArgs(cmd).some((a) => removesPath(a.value, dir)));
}

/** `rm` of `/var/lib/apt/lists/*`, `/var/lib/apt/lists`, `/var/lib/apt/lists/` or a parent directory. */
function removesPath(arg: string, dir: string): boolean {
  const path = arg.replace(/\/\*$/, "").replace(/\/+$/, "");
  return path === dir || (path !== "" && dir.startsWith(`${path}/`)) || arg.startsWith(`${dir}/`);
}

// ---------------------------------------------------------------------------------------------
// Stages and variables

/**
 * True when what a stage leaves on disk ends up in an image: the last stage, or a stage another
 * stage builds on (hadolint's condition for the cleanup rules DL3009 and DL3060). The base is the
 * semantic model's, so `FROM ${BASE}` with `ARG BASE=builder` counts.
 */
export function stageLeavesImage(ctx: Ctx, node: Instruction): boolean {
  const stage = ctx.stageOf(node);
  if (!stage) return false;
  if (stage.index === ctx.stages.length - 1) return true;
  return stagesBuiltOn(ctx.semantic.stages).has(stage.index);
}

const builtOn = new NodeCache<readonly SemanticStage[], ReadonlySet<number>>("stages built on");

/** The indexes of the stages another stage builds on (`FROM <stage>`), found once per model. */
function stagesBuiltOn(stages: readonly SemanticStage[]): ReadonlySet<number> {
  let set = builtOn.get(stages);
  if (!set) {
    set = new Set(stages.flatMap((s) => (s.base.kind === "stage" ? [s.base.stage.index] : [])));
    builtOn.set(stages, set);
  }
  return set;
}

/** The instruction whose scope applies: for an ONBUILD trigger, its ONBUILD. */
function scopeHolder(ctx: Ctx, node: Instruction): Instruction {
  if (!node.parentOnbuild) return node;
  const stage = ctx.stageOf(node);
  return stage?.instructions.find((i) => i.kind === "Onbuild" && i.trigger === node) ?? node;
}

/** The ARG/ENV scope in force for a RUN (ARGs are in the environment of RUN too). */
export function scopeOf(ctx: Ctx, node: Instruction): Scope {
  return ctx.semantic.scopeAt(scopeHolder(ctx, node));
}

const SIMPLE_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * The words a shell word stands for, with `$NAME`/`${NAME}` taken from the ARG/ENV scope: a static
 * word gives itself; an unquoted variable holding `a=1 b=2` gives two words. Undefined when any part
 * is unknown (an unset variable, `${V:-x}`, `$(cmd)`): then nothing can be said about the word.
 */
export function resolveWord(ctx: Ctx, node: Instruction, word: ShellWord): string[] | undefined {
  if (word.isStatic) return [word.value];
  const scope = scopeOf(ctx, node);
  let unknown = false;
  const value = word.value.replace(SIMPLE_REFERENCE, (_m, braced: string | undefined, bare: string | undefined) => {
    const v = scope.lookup((braced ?? bare)!);
    if (v === undefined) unknown = true;
    return v ?? "";
  });
  if (unknown || value.includes("$") || value.includes("`")) return undefined;
  const quoted = word.raw.startsWith('"') || word.raw.startsWith("'");
  return quoted ? [value] : value.split(/\s+/).filter(Boolean);
}

/**
 * Reports every operand that `pinned` rejects, once per word: a variable holding several packages
 * gives one finding naming the unpinned ones. A word whose variables cannot be resolved is left alone.
 */
export function reportUnpinned(
  ctx: Ctx,
  node: Instruction,
  words: readonly ShellWord[],
  pinned: (pkg: string) => boolean,
  message: (pkgs: readonly string[]) => string,
): void {
  for (const word of words) {
    // A static word (most packages) is its own value: no lists to build for it.
    if (word.isStatic) {
      if (!pinned(word.value)) ctx.report(word, message([word.value]));
      continue;
    }
    const values = resolveWord(ctx, node, word);
    if (!values) continue;
    const bad = values.filter((v) => !pinned(v));
    if (bad.length > 0) ctx.report(word, message(bad));
  }
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`. */
export function quotedList(items: readonly string[]): string {
  const q = items.map((i) => `'${i}'`);
  return q.length <= 1 ? (q[0] ?? "") : `${q.slice(0, -1).join(", ")} and ${q[q.length - 1]}`;
}

/** "Pin the version of 'curl' in apt-get install (curl=<version>)", plural for several packages. */
export function pinMessage(pkgs: readonly string[], command: string, separator: string, nameOf = (pkg: string) => pkg): string {
  const plural = pkgs.length > 1 ? "s" : "";
  return `Pin the version${plural} of ${quotedList(pkgs)} in ${command} (${nameOf(pkgs[0]!)}${separator}<version>)`;
}

/** yum/dnf options that take a value (their value is not a package or a subcommand). */
export const RPM_TOOL_VALUE_FLAGS = [
  "c", "config", "installroot", "enablerepo", "disablerepo", "x", "exclude", "setopt", "d", "debuglevel", "e",
  "errorlevel", "releasever", "R", "randomwait", "downloaddir", "destdir", "disableplugin", "enableplugin",
  "rpmverbosity", "repo", "repoid", "forcearch", "comment", "color",
];

/**
 * Reports every `install`, `groupinstall` or `localinstall` of an RPM package manager (yum, dnf, microdnf)
 * run without `-y`, with a safe fix that inserts `-y` after the subcommand (DL3030 and DL3038).
 */
export function reportRpmInstallWithoutYes(ctx: Ctx, node: Instruction, tools: readonly string[]): void {
  for (const call of toolCalls(ctx, node, tools, ["install", "groupinstall", "localinstall"], RPM_TOOL_VALUE_FLAGS)) {
    if (hasFlag(call.cmd, "y", "assumeyes")) continue;
    const tool = call.cmd.name!.value.replace(/^.*\//, "");
    ctx.report(call.cmd.name!, `${tool} ${call.subcommand.value} needs -y: a build cannot answer its prompt`, {
      fix: insertAfterWord(ctx, call.subcommand, "-y", `Add -y to ${tool} ${call.subcommand.value}`),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Fixes

/** A fix that replaces a word with `text` (an exec-form element with the JSON string of it). */
export function replaceWord(ctx: Ctx, word: ShellWord, text: string, title: string): Fix {
  return ctx.fix.replace(word.range, word.jsonElement ? JSON.stringify(text) : text, title);
}

/**
 * A fix that inserts ` <text>` right after a word (safe across continuations: the word's end is exact).
 * After an element of an exec-form (JSON) array it inserts elements instead: `"install", "-y"`.
 */
export function insertAfterWord(ctx: Ctx, word: ShellWord, text: string, title: string): Fix {
  if (word.jsonElement) return ctx.fix.insertAfter(word.range, text.split(" ").map((t) => `, ${JSON.stringify(t)}`).join(""), title);
  return ctx.fix.insertAfter(word.range, ` ${text}`, title);
}
