import type { ShellAssignment, ShellCommand, ShellScript, ShellWord } from "./types.js";
import { NodeCache } from "@shipshape/text";

/** The last path component of a command name: `/usr/bin/apt-get` -> `apt-get`. Undefined without a name. */
export function commandName(cmd: ShellCommand): string | undefined {
  if (!cmd.name) return undefined;
  return basename(cmd.name.value);
}

function basename(path: string): string {
  // Most names have no slash; `indexOf` is much cheaper than `lastIndexOf` in V8.
  if (path.indexOf("/") < 0) return path;
  const slash = path.lastIndexOf("/");
  return slash >= 0 && slash < path.length - 1 ? path.slice(slash + 1) : path;
}

/** How to read a command's options. */
export interface OptionSyntax {
  /**
   * Options that take a value, in the spelling `hasFlag` accepts (`t`, `-t`, `target-release`,
   * `--target-release`). Their separate value word is not a positional argument, and in a short
   * cluster (`-tfoo`) the rest of the cluster is the value.
   */
  valueFlags?: readonly string[];
}

/** One option occurrence. */
export interface ParsedOption {
  /** Without dashes; for a single-dash long option (`-nv`) the whole word after the dash. */
  name: string;
  kind: "short" | "long" | "single-dash-long";
  /** From `--name=value`, `-n=value`, `-nVALUE` or the next word for a value flag. */
  value?: string;
  /** The word the option was written in (shared by all letters of a cluster). */
  word: ShellWord;
  /** The separate word holding the value, when there is one. */
  valueWord?: ShellWord;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** Arguments that are not options or option values; everything after `--` counts. */
  positionals: ShellWord[];
}

interface FlagName {
  kind: "short" | "long" | "single-dash-long";
  name: string;
}

/** Spellings read so far: callers pass the same few constants again and again. */
const flagNames = new Map<string, FlagName>();

/**
 * Reads a flag spelling: `--x`/`xy` are long, `-x`/`x` short, `-xy` (one dash, several letters)
 * is a single-dash long option such as wget's `-nv`.
 */
function flagName(spelling: string): FlagName {
  let n = flagNames.get(spelling);
  if (!n) {
    n = readFlagName(spelling);
    if (flagNames.size < 4096) flagNames.set(spelling, n);
  }
  return n;
}

function readFlagName(spelling: string): FlagName {
  if (spelling.startsWith("--")) return { kind: "long", name: spelling.slice(2) };
  if (spelling.startsWith("-")) {
    return spelling.length === 2 ? { kind: "short", name: spelling.slice(1) } : { kind: "single-dash-long", name: spelling.slice(1) };
  }
  return spelling.length === 1 ? { kind: "short", name: spelling } : { kind: "long", name: spelling };
}

/** A value-flag list read once: its cache key and its names by kind. */
interface FlagList {
  key: string;
  short: ReadonlySet<string>;
  long: ReadonlySet<string>;
  singleDashLong: ReadonlySet<string>;
}

/**
 * A command's parses, one per value-flag list asked with (rules ask the same command the same
 * question); a short chain, as a command is asked with one or two lists.
 */
interface ParseEntry {
  key: string | typeof ANY_LIST;
  parsed: ParsedArgs;
  next: ParseEntry | undefined;
}

const parseCache = new NodeCache<ShellCommand, ParseEntry>("parsed arguments");
/** Per list object; lists are mostly module constants. */
const flagLists = new NodeCache<readonly string[], FlagList>("flag list");
/** Per list content, for lists built on each call (an array literal, `flagOption`'s name plus list). */
const flagListsByKey = new Map<string, FlagList>();
const NO_SET: ReadonlySet<string> = new Set<string>();
const NO_FLAGS: FlagList = { key: "", short: NO_SET, long: NO_SET, singleDashLong: NO_SET };

function flagList(flags: readonly string[] | undefined): FlagList {
  if (!flags || flags.length === 0) return NO_FLAGS;
  let list = flagLists.get(flags);
  if (list) return list;
  const key = flags.join("\0");
  list = flagListsByKey.get(key);
  if (!list) {
    const short = new Set<string>();
    const long = new Set<string>();
    const singleDashLong = new Set<string>();
    for (const f of flags) {
      const n = flagName(f);
      (n.kind === "short" ? short : n.kind === "long" ? long : singleDashLong).add(n.name);
    }
    list = { key, short, long, singleDashLong };
    if (flagListsByKey.size < 4096) flagListsByKey.set(key, list);
  }
  flagLists.set(flags, list);
  return list;
}

/**
 * Splits arguments into options and positionals, as getopt does: `--name=value`, `--name`, short
 * clusters (`-qy` is `q` and `y`; `-q=2` is `q` with value `2`), `--` ends options, a lone `-` is
 * positional. Words with expansions that start with `-` still count as options. The result is shared
 * by every caller asking the same: do not change it.
 */
export function parseArgs(cmd: ShellCommand, syntax?: OptionSyntax): ParsedArgs {
  const first = parseCache.get(cmd);
  // Without option words every list reads the same: one parse serves them all.
  if (first?.key === ANY_LIST) return first.parsed;
  const list = flagList(syntax?.valueFlags);
  for (let e = first; e; e = e.next) if (e.key === list.key) return e.parsed;
  if (!first && !hasOptionWord(cmd)) {
    const parsed: ParsedArgs = { options: [], positionals: cmd.args.slice() };
    parseCache.set(cmd, { key: ANY_LIST, parsed, next: undefined });
    return parsed;
  }
  const parsed = splitArgs(cmd, list);
  parseCache.set(cmd, { key: list.key, parsed, next: first });
  return parsed;
}

/** The cache key of a parse that holds for every value-flag list. */
const ANY_LIST = Symbol("any value-flag list");

function splitArgs(cmd: ShellCommand, value: FlagList): ParsedArgs {
  const options: ParsedOption[] = [];
  const positionals: ShellWord[] = [];
  const args = cmd.args;
  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i];
    const v = word.value;
    // Most arguments are not options: one character test sends them on.
    if (v.charCodeAt(0) !== 45 /* - */ || v.length === 1) {
      positionals.push(word);
      continue;
    }
    if (v === "--") {
      i++;
      break;
    }
    if (v.charCodeAt(1) === 45) {
      const eq = v.indexOf("=");
      const name = eq >= 0 ? v.slice(2, eq) : v.slice(2);
      const opt: ParsedOption = { name, kind: "long", word };
      if (eq >= 0) opt.value = v.slice(eq + 1);
      else if (value.long.has(name) && i + 1 < args.length) {
        opt.valueWord = args[++i];
        opt.value = opt.valueWord.value;
      }
      options.push(opt);
      continue;
    }
    const body = v.slice(1);
    const eq = body.indexOf("=");
    const head = eq >= 0 ? body.slice(0, eq) : body;
    if (value.singleDashLong.has(head)) {
      const opt: ParsedOption = { name: head, kind: "single-dash-long", word };
      if (eq >= 0) opt.value = body.slice(eq + 1);
      else if (i + 1 < args.length) {
        opt.valueWord = args[++i];
        opt.value = opt.valueWord.value;
      }
      options.push(opt);
      continue;
    }
    // Also record the whole word, so `-nv` can be asked for as a single-dash long option.
    if (head.length > 1) options.push({ name: head, kind: "single-dash-long", word, value: eq >= 0 ? body.slice(eq + 1) : undefined });
    for (let k = 0; k < body.length; k++) {
      const letter = body[k];
      if (body[k + 1] === "=") {
        options.push({ name: letter, kind: "short", word, value: body.slice(k + 2) });
        break;
      }
      if (value.short.has(letter)) {
        const opt: ParsedOption = { name: letter, kind: "short", word };
        if (k + 1 < body.length) opt.value = body.slice(k + 1);
        else if (i + 1 < args.length) {
          opt.valueWord = args[++i];
          opt.value = opt.valueWord.value;
        }
        options.push(opt);
        break;
      }
      options.push({ name: letter, kind: "short", word });
    }
  }
  for (; i < args.length; i++) positionals.push(args[i]);
  return { options, positionals };
}

/** True when some argument starts with `-` (and is not `-` itself): only such a word is an option. */
function hasOptionWord(cmd: ShellCommand): boolean {
  for (const a of cmd.args) if (a.value.length > 1 && a.value.charCodeAt(0) === 45) return true;
  return false;
}

function matches(opt: ParsedOption, n: FlagName): boolean {
  return opt.kind === n.kind && opt.name === n.name;
}

/**
 * True when any of the flags is given (before `--`). Spellings: `y`/`-y` (short, also inside a
 * cluster such as `-qy`), `yes`/`--yes` (long, with or without `=value`), `-nv` (a single-dash
 * long option, matched as a whole word).
 */
export function hasFlag(cmd: ShellCommand, ...names: string[]): boolean {
  const { options } = parseArgs(cmd);
  if (options.length === 0) return false;
  for (const s of names) {
    const n = flagName(s);
    for (const o of options) if (matches(o, n)) return true;
  }
  return false;
}

/** How many times the flags occur in total: `-qq` and `-q -q` both count 2 for `q`. */
export function countFlag(cmd: ShellCommand, ...names: string[]): number {
  const { options } = parseArgs(cmd);
  let count = 0;
  for (const s of names) {
    const n = flagName(s);
    for (const o of options) if (matches(o, n)) count++;
  }
  return count;
}

/**
 * The value of the last occurrence of a flag that takes a value: `--name=v`, `--name v`, `-n v`,
 * `-nv`, `-n=v`. Undefined when the flag is absent or has no value.
 */
export function flagValue(cmd: ShellCommand, name: string, syntax: OptionSyntax = {}): string | undefined {
  return flagOption(cmd, name, syntax)?.value;
}

/** Like `flagValue` but returns the whole option (for its words and ranges). */
export function flagOption(cmd: ShellCommand, name: string, syntax: OptionSyntax = {}): ParsedOption | undefined {
  // Without any option word there is nothing to find (and no list to build).
  if (!hasOptionWord(cmd)) return undefined;
  const { options } = parseArgs(cmd, { valueFlags: [name, ...(syntax.valueFlags ?? [])] });
  const n = flagName(name);
  let found: ParsedOption | undefined;
  for (const o of options) if (matches(o, n)) found = o;
  return found;
}

/** Arguments that are neither options nor the values of `syntax.valueFlags`. */
export function positionalArgs(cmd: ShellCommand, syntax: OptionSyntax = {}): ShellWord[] {
  return parseArgs(cmd, syntax).positionals;
}

/** The first positional argument: `install` in `apt-get -y install curl`. */
export function subcommand(cmd: ShellCommand, syntax: OptionSyntax = {}): ShellWord | undefined {
  return positionalArgs(cmd, syntax)[0];
}

/** True when any argument's value is exactly one of `values` (hadolint's loose `cmdHasArgs`). */
export function hasArg(cmd: ShellCommand, ...values: string[]): boolean {
  return cmd.args.some((a) => values.includes(a.value));
}

interface WrapperSpec {
  /** Options that take a value. */
  valueFlags: string[];
  /** Positional arguments before the wrapped command (`timeout DURATION cmd`, `gosu USER cmd`). */
  leading: number;
  /** `NAME=value` words before the command are assignments (`env`, `sudo`). */
  assignments: boolean;
  /** With any of these flags the wrapper runs no command (`command -v x`, `sudo -l`). */
  noCommandFlags?: string[];
}

/** Commands that run their arguments as another command. */
const WRAPPERS = new Map<string, WrapperSpec>(Object.entries({
  sudo: { valueFlags: ["u", "g", "h", "p", "C", "D", "r", "t", "U", "T", "user", "group", "host", "prompt", "chdir", "close-from", "role", "type", "other-user", "command-timeout"], leading: 0, assignments: true, noCommandFlags: ["l", "list", "v", "validate", "k", "K", "e", "edit", "V", "version"] },
  doas: { valueFlags: ["u", "C"], leading: 0, assignments: false },
  env: { valueFlags: ["u", "unset", "C", "chdir", "S", "split-string"], leading: 0, assignments: true },
  nice: { valueFlags: ["n", "adjustment"], leading: 0, assignments: false },
  nohup: { valueFlags: [], leading: 0, assignments: false },
  time: { valueFlags: ["f", "format", "o", "output"], leading: 0, assignments: false },
  command: { valueFlags: [], leading: 0, assignments: false, noCommandFlags: ["v", "V"] },
  exec: { valueFlags: ["a"], leading: 0, assignments: false },
  xargs: { valueFlags: ["a", "arg-file", "d", "delimiter", "E", "e", "eof", "I", "i", "replace", "L", "l", "max-lines", "n", "max-args", "P", "max-procs", "s", "max-chars", "process-slot-var"], leading: 0, assignments: false },
  timeout: { valueFlags: ["s", "signal", "k", "kill-after"], leading: 1, assignments: false },
  gosu: { valueFlags: [], leading: 1, assignments: false },
  "su-exec": { valueFlags: [], leading: 1, assignments: false },
  chroot: { valueFlags: ["userspec", "groups"], leading: 1, assignments: false },
  stdbuf: { valueFlags: ["i", "o", "e", "input", "output", "error"], leading: 0, assignments: false },
  tini: { valueFlags: ["p", "e"], leading: 0, assignments: false },
} satisfies Record<string, WrapperSpec>));

/** The wrapper commands `unwrapCommand` sees through. */
export const WRAPPER_COMMANDS: readonly string[] = [...WRAPPERS.keys()];

const ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)=/;

/**
 * For a wrapper (`sudo`, `env X=1`, `xargs`, `nice`, `nohup`, `time`, `command`, `exec`, `timeout 5`,
 * `gosu user`, `su-exec user`, `chroot dir`, `stdbuf`, `tini --`), the command it runs, as a view
 * whose `name`/`args` are the inner words, `assignments` include the wrapper's `NAME=value` words,
 * and `wrapper` is the outer command. Undefined when `cmd` is not a wrapper or runs nothing.
 */
export function unwrapCommand(cmd: ShellCommand): ShellCommand | undefined {
  const name = commandName(cmd);
  const spec = name === undefined ? undefined : WRAPPERS.get(name);
  if (!spec) return undefined;
  // One view per wrapper command, so what is cached per command (its parsed arguments) is kept too.
  const known = unwrapped.get(cmd);
  if (known !== undefined) return known ?? undefined;
  const inner = unwrap(cmd, spec);
  unwrapped.set(cmd, inner ?? null);
  return inner;
}

/** The views `unwrapCommand` made, by wrapper command (null: it runs nothing). */
const unwrapped = new NodeCache<ShellCommand, ShellCommand | null>("unwrapped command");

function unwrap(cmd: ShellCommand, spec: WrapperSpec): ShellCommand | undefined {
  const { options, positionals } = parseArgs(cmd, { valueFlags: spec.valueFlags });
  if (spec.noCommandFlags && options.some((o) => spec.noCommandFlags!.some((f) => matches(o, flagName(f))))) return undefined;
  // The wrapped command starts at the first positional, after any fixed leading operands.
  let start = spec.leading;
  const assignments: ShellAssignment[] = [...cmd.assignments];
  while (spec.assignments && start < positionals.length && ASSIGNMENT_WORD.test(positionals[start].value)) {
    assignments.push(assignmentFromWord(positionals[start]));
    start++;
  }
  const first = positionals[start];
  if (!first) return undefined;
  const at = cmd.args.indexOf(first);
  return { ...cmd, name: first, args: cmd.args.slice(at + 1), assignments, wrapper: cmd };
}

function assignmentFromWord(word: ShellWord): ShellAssignment {
  const eq = word.value.indexOf("=");
  const name = word.value.slice(0, eq);
  // Ranges inside the word are exact only when the word was written without quotes before `=`.
  const exact = word.raw.startsWith(`${name}=`) && word.range.end - word.range.start === word.raw.length;
  const valueStart = exact ? word.range.start + eq + 1 : word.range.start;
  const value: ShellWord = {
    ...word,
    value: word.value.slice(eq + 1),
    raw: exact ? word.raw.slice(eq + 1) : word.raw,
    range: { start: valueStart, end: word.range.end },
    scriptRange: exact ? { start: word.scriptRange.start + eq + 1, end: word.scriptRange.end } : word.scriptRange,
  };
  return {
    name,
    nameRange: exact ? { start: word.range.start, end: word.range.start + eq } : word.range,
    value,
    append: false,
    range: word.range,
  };
}

/** The command itself followed by every command it wraps (`sudo env X=1 apt-get` gives three). */
export function commandLayers(cmd: ShellCommand): ShellCommand[] {
  const layers = [cmd];
  let current: ShellCommand | undefined = cmd;
  while (layers.length < MAX_LAYERS && (current = unwrapCommand(current))) layers.push(current);
  return layers;
}

/** How deep wrappers are seen through (`sudo env nice ...`). */
const MAX_LAYERS = 8;

export interface FindOptions {
  /** Also look through wrappers such as `sudo` and `env` (default true). */
  unwrap?: boolean;
}

/**
 * Commands whose basename is `name` (or one of `name`), or that satisfy a predicate. With `unwrap`
 * (the default) a wrapped command is found too and returned as the unwrapped view, so
 * `sudo apt-get install` is found for `apt-get` (and for `sudo`).
 */
export function findCommands(
  script: ShellScript,
  name: string | readonly string[] | ((cmd: ShellCommand) => boolean),
  options: FindOptions = {},
): ShellCommand[] {
  const out: ShellCommand[] = [];
  const depth = options.unwrap === false ? 1 : MAX_LAYERS;
  for (const cmd of script.commands) {
    // The layers of `commandLayers`, walked without building its array.
    let layer: ShellCommand | undefined = cmd;
    for (let d = 0; layer && d < depth; d++) {
      if (layer.name && found(layer, name)) out.push(layer);
      if (d + 1 < depth) layer = unwrapCommand(layer);
    }
  }
  return out;
}

function found(cmd: ShellCommand, name: string | readonly string[] | ((cmd: ShellCommand) => boolean)): boolean {
  if (typeof name === "function") return name(cmd);
  const own = commandName(cmd);
  return typeof name === "string" ? own === name : name.includes(own ?? "");
}

/** True when the script has a pipeline (`a | b`) anywhere. */
export function hasPipe(script: ShellScript): boolean {
  return script.pipelines.length > 0;
}

/** True for `set -o pipefail`, `set -euo pipefail`, `set -eo pipefail` and similar. */
export function setsPipefail(cmd: ShellCommand): boolean {
  if (commandName(cmd) !== "set") return false;
  const args = cmd.args;
  for (let i = 0; i < args.length - 1; i++) {
    const v = args[i].value;
    if (/^-[A-Za-z]*o$/.test(v) && args[i + 1].value === "pipefail") return true;
  }
  return false;
}

/**
 * True when `set -o pipefail` runs before `cmd` at top level of the same script (not inside a
 * subshell, substitution or function, where it would not carry over).
 */
export function pipefailBefore(script: ShellScript, cmd: ShellCommand): boolean {
  for (const c of script.commands) {
    if (c.scriptRange.start >= cmd.scriptRange.start) break;
    if (c.context.depth === 0 && !c.context.inFunction && setsPipefail(c)) return true;
  }
  return false;
}

/**
 * The innermost command whose source range contains `sourceOffset` (end inclusive, so a cursor
 * right after a word still finds it), for editor features such as hover.
 */
export function commandAt(script: ShellScript, sourceOffset: number): ShellCommand | undefined {
  let best: ShellCommand | undefined;
  for (const c of script.commands) {
    if (c.range.start <= sourceOffset && sourceOffset <= c.range.end) {
      if (!best || c.range.end - c.range.start <= best.range.end - best.range.start) best = c;
    }
  }
  return best;
}

/** The word (name, argument or assignment value) at `sourceOffset`, with its command. */
export function wordAt(script: ShellScript, sourceOffset: number): { command: ShellCommand; word: ShellWord } | undefined {
  const command = commandAt(script, sourceOffset);
  if (!command) return undefined;
  const words = [...(command.name ? [command.name] : []), ...command.args, ...command.assignments.flatMap((a) => (a.value ? [a.value] : []))];
  const word = words.find((w) => w.range.start <= sourceOffset && sourceOffset <= w.range.end);
  return word ? { command, word } : undefined;
}
