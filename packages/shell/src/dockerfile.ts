import { NodeCache, type Range } from "@shipshape/text";
import type { Heredoc, Instruction, JsonForm, ShellForm } from "@shipshape/dockerfile";
import { isShellReady } from "./init.js";
import { RecentValues } from "./caches.js";
import { parseShell } from "./parse.js";
import { commandName, hasFlag } from "./query.js";
import { piecesFromSegments, shiftPieces, toSourceFromLogical, toSourceFromPieces, type SourcePiece } from "./source-map.js";
import type { ShellCommand, ShellScript, ToSource } from "./types.js";

/**
 * What a script is:
 * - `shell-form`: the shell-form argument of RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD. When the RUN line
 *   has heredocs (`RUN cat <<EOF > /f`, `RUN <<EOF bash`), the script is the line followed by each
 *   heredoc body and terminator, exactly what BuildKit hands to `sh -c`.
 * - `heredoc-script`: `RUN <<EOF` whose line is only the heredoc: BuildKit runs the body itself (with
 *   the stage shell, or its shebang's interpreter).
 * - `heredoc-stdin`: a heredoc fed to a shell on the line (`RUN <<EOF bash`, `RUN sh -e <<EOF`): the
 *   body is a script of that shell. Found only once `initShell()` has resolved.
 * - `exec-form-shell`: the script string of an exec-form shell call, `RUN ["/bin/bash", "-c", "..."]`,
 *   when the JSON string has no escapes (so offsets map straight); `interpreter` is the shell.
 * - `exec-form`: only from `parseInstructionShell`: an exec-form command itself (no script text), so
 *   rules see `RUN ["apt-get", "install", "x"]` as a command too.
 */
export type EmbeddedScriptKind = "shell-form" | "heredoc-script" | "heredoc-stdin" | "exec-form-shell" | "exec-form";

export interface EmbeddedScript {
  kind: EmbeddedScriptKind;
  /** The instruction holding the command (for `ONBUILD RUN`, the RUN trigger). */
  instruction: Instruction;
  text: string;
  /** Maps script offsets to Dockerfile offsets. */
  toSource: ToSource;
  /** Source range of the script text (for a composed script, from the line to the last terminator). */
  range: Range;
  /**
   * For heredoc scripts: the interpreter's basename from the shebang (`#!/usr/bin/env python3` gives
   * `python3`) or from the shell the heredoc is fed to. Absent: the stage's shell runs it.
   */
  interpreter?: string;
  /** The heredoc whose body is the script (heredoc kinds only). */
  heredoc?: Heredoc;
}

/** Instruction kinds whose command runs in a shell when written in shell form. */
function commandOf(instr: Instruction): ShellForm | JsonForm | undefined {
  switch (instr.kind) {
    case "Run": case "Cmd": case "Entrypoint":
      return instr.command;
    case "Healthcheck":
      return instr.type && instr.type.value.toUpperCase() === "CMD" ? instr.command : undefined;
    default:
      return undefined;
  }
}

/**
 * The shell scripts an instruction runs: for RUN, CMD, ENTRYPOINT and HEALTHCHECK CMD in shell form,
 * and `ONBUILD` of those. Exec form (JSON) gives none (see `execFormCommand`). Never throws.
 */
export function shellScriptsOf(instr: Instruction): EmbeddedScript[] {
  try {
    if (instr.kind === "Onbuild") return instr.trigger ? shellScriptsOf(instr.trigger) : [];
    const command = commandOf(instr);
    if (command?.kind === "JsonForm") {
      const script = execShellScript(instr, command);
      return script ? [script] : [];
    }
    if (!command) return [];
    const heredocs = instr.kind === "Run" ? instr.heredocs : [];
    if (heredocs.length === 0) return [lineScript(instr, command)];
    if (isOnlyHeredocMarkers(command.value, heredocs)) {
      const h = heredocs[0];
      return [{ ...bodyScript(instr, h, "heredoc-script"), interpreter: shebangInterpreter(h.content) }];
    }
    const composed = composedScript(instr, command, heredocs);
    return [composed, ...stdinScripts(instr, composed, heredocs)];
  } catch {
    return [];
  }
}

/** `["sh", "-ec", "script"]`, `["/bin/bash", "-o", "pipefail", "-c", "script"]`: the script element. */
function execShellScript(instr: Instruction, form: JsonForm): EmbeddedScript | undefined {
  const elements = form.elements;
  const shell = elements.length > 0 ? basename(elements[0].value) : "";
  if (!STDIN_SHELLS.has(shell)) return undefined;
  let i = 1;
  let dashC = false;
  for (; i < elements.length && /^[-+]./.test(elements[i].value); i++) {
    const v = elements[i].value;
    if (v.startsWith("-") && !v.startsWith("--") && v.includes("c")) dashC = true;
    // `-o name` / `+o name` take the next element.
    if (/^[-+][A-Za-z]*o$/.test(v)) i++;
  }
  const script = elements[i];
  // Without escapes the literal is the value plus its two quotes, so offsets map straight.
  if (!dashC || !script || script.range.end - script.range.start !== script.value.length + 2) return undefined;
  const toSource = toSourceFromPieces([{ script: 0, source: script.range.start + 1, length: script.value.length }]);
  return { kind: "exec-form-shell", instruction: instr, text: script.value, toSource, range: script.range, interpreter: shell };
}

function lineScript(instr: Instruction, form: ShellForm): EmbeddedScript {
  const toSource = toSourceFromLogical(instr.segments, form.logicalOffset, form.value.length);
  return {
    kind: "shell-form",
    instruction: instr,
    text: form.value,
    toSource,
    range: form.range ?? { start: toSource(0), end: toSource(form.value.length) },
  };
}

function bodyScript(instr: Instruction, h: Heredoc, kind: EmbeddedScriptKind): EmbeddedScript {
  const toSource = toSourceFromPieces([{ script: 0, source: h.contentRange.start, length: h.content.length }]);
  return { kind, instruction: instr, text: h.content, toSource, range: h.contentRange, heredoc: h };
}

/** True when the shell-form text is nothing but the heredoc markers (`<<EOF`, `<<-"EOT"`). */
function isOnlyHeredocMarkers(value: string, heredocs: readonly Heredoc[]): boolean {
  let rest = value;
  for (const h of heredocs) rest = rest.replace(h.marker.value, " ");
  return rest.trim() === "";
}

/** The interpreter named by a `#!` line: `#!/bin/bash -e` gives `bash`, `#!/usr/bin/env -S python3 -u` gives `python3`. */
export function shebangInterpreter(content: string): string | undefined {
  if (!content.startsWith("#!")) return undefined;
  const line = content.slice(2, content.search(/\r?\n|$/)).trim();
  const words = line.split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  let i = 0;
  if (basename(words[0]) === "env") {
    i = 1;
    while (i < words.length && (words[i].startsWith("-") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]))) i++;
  }
  return words[i] === undefined ? undefined : basename(words[i]);
}

function basename(path: string): string {
  if (path.indexOf("/") < 0) return path;
  const slash = path.lastIndexOf("/");
  return slash >= 0 ? path.slice(slash + 1) : path;
}

/**
 * The line, then for each heredoc a newline, its body and its terminator: the text BuildKit gives to
 * `sh -c`. The joining newlines map to the end of the text before them.
 */
function composedScript(instr: Instruction, form: ShellForm, heredocs: readonly Heredoc[]): EmbeddedScript {
  const { text: line, pieces } = commandLine(instr, form, heredocs);
  let text = line;
  let end = form.range.end;
  for (const h of heredocs) {
    text += "\n";
    pieces.push({ script: text.length, source: h.contentRange.start, length: h.content.length });
    text += h.content;
    end = h.contentRange.end;
    if (!h.terminatorRange) continue;
    if (h.content.length > 0 && !h.content.endsWith("\n")) text += "\n";
    // The terminator line may be indented with tabs (`<<-`); the name sits at its end.
    const termEnd = h.terminatorRange.end;
    const termText = h.name;
    const termStart = Math.max(h.terminatorRange.start, termEnd - termText.length);
    pieces.push({ script: text.length, source: termStart, length: termText.length });
    text += termText;
    end = termEnd;
  }
  const toSource = toSourceFromPieces(pieces);
  return { kind: "shell-form", instruction: instr, text, toSource, range: { start: form.range.start, end } };
}

/**
 * The RUN line as the parser should see it. tree-sitter-bash cannot read a heredoc before the
 * command name (`<<EOF bash -e`), which POSIX allows, so leading markers are moved after the
 * command (`bash -e <<EOF`), which means the same; the pieces keep every part mapped to its source.
 */
function commandLine(instr: Instruction, form: ShellForm, heredocs: readonly Heredoc[]): { text: string; pieces: SourcePiece[] } {
  const value = form.value;
  const all = () => ({ text: value, pieces: piecesFromSegments(instr.segments, form.logicalOffset, value.length) });
  let p = value.length - value.trimStart().length;
  const markersStart = p;
  let markersEnd = p;
  for (let moved = true; moved;) {
    moved = false;
    for (const h of heredocs) {
      if (h.marker.value && value.startsWith(h.marker.value, p)) {
        p += h.marker.value.length;
        markersEnd = p;
        p += value.slice(p).length - value.slice(p).trimStart().length;
        moved = true;
      }
    }
  }
  if (markersEnd === markersStart || p >= value.length) return all();
  const rest = value.slice(p);
  const markers = value.slice(markersStart, markersEnd);
  const pieces = [
    ...piecesFromSegments(instr.segments, form.logicalOffset + p, rest.length),
    ...shiftPieces(piecesFromSegments(instr.segments, form.logicalOffset + markersStart, markers.length), rest.length + 1),
  ];
  return { text: `${rest} ${markers}`, pieces };
}

const STDIN_SHELLS = new Set(["sh", "bash", "dash", "ash", "ksh", "mksh", "zsh", "busybox"]);

/** Heredocs fed to a shell on the RUN line (`RUN <<EOF bash`): their bodies are scripts too. */
function stdinScripts(instr: Instruction, composed: EmbeddedScript, heredocs: readonly Heredoc[]): EmbeddedScript[] {
  if (!isShellReady()) return [];
  const parsed = parseShell(composed.text, composed.toSource);
  const out: EmbeddedScript[] = [];
  for (const cmd of parsed.commands) {
    const name = commandName(cmd);
    if (!name || !STDIN_SHELLS.has(name) || hasFlag(cmd, "c")) continue;
    for (const r of cmd.redirects) {
      if (!r.heredoc || (r.fd !== undefined && r.fd !== 0)) continue;
      const h = heredocs.find((d) => d.name === r.heredoc!.delimiter && d.contentRange.start === r.heredoc!.bodyRange.start);
      if (h) out.push({ ...bodyScript(instr, h, "heredoc-stdin"), interpreter: name });
    }
  }
  return out;
}

export interface ParsedEmbeddedScript extends EmbeddedScript {
  script: ShellScript;
}

const parsedCache = new NodeCache<Instruction, ParsedEmbeddedScript[]>("parsed scripts");

/**
 * Parsed scripts by what they are made of: an instruction with the same logical text, the same mapping to
 * the same source offsets and the same heredoc bodies has the same scripts with the same ranges. An editor
 * re-lints after every edit with a new AST; instructions the edit did not touch or move come from here.
 * The scripts are plain immutable data (no AST nodes), so sharing them is safe.
 *
 * Keyed by the logical text alone (a string the AST already holds, so the lookup builds no key); the
 * rest of the layout is compared on a hit. A text can sit at a few places in one file (`RUN apt-get
 * update` in several stages), so each text keeps the entries of its last few layouts.
 */
const BY_CONTENT_SIZE = 2048;
/**
 * Places one text is kept at. More places cost memory in an editor (every keystroke moves the lines below
 * it), and a miss for a text already built elsewhere is cheap: `parseShell` copies that build with its
 * ranges moved (see relocate.ts).
 */
const LAYOUTS_PER_TEXT = 4;

interface ContentEntry {
  kind: Instruction["kind"];
  /** `logical, source, length` of each segment, then `contentRange.start` of each heredoc. */
  offsets: number[];
  heredocContents: string[];
  scripts: ShellScript[];
}

const byContent = new RecentValues<string, ContentEntry>(BY_CONTENT_SIZE, LAYOUTS_PER_TEXT);

function contentOffsets(instr: Instruction): number[] {
  const segments = instr.segments;
  const heredocs = instr.heredocs;
  // Made at its final size: kept in the cache, and pushing into an empty array leaves spare room behind.
  const offsets = new Array<number>(segments.length * 3 + heredocs.length);
  let k = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    offsets[k++] = s.logical;
    offsets[k++] = s.source;
    offsets[k++] = s.length;
  }
  for (let i = 0; i < heredocs.length; i++) offsets[k++] = heredocs[i].contentRange.start;
  return offsets;
}

function sameLayout(entry: ContentEntry, instr: Instruction): boolean {
  if (entry.kind !== instr.kind || entry.heredocContents.length !== instr.heredocs.length) return false;
  const offsets = entry.offsets;
  const segments = instr.segments;
  if (offsets.length !== segments.length * 3 + instr.heredocs.length) return false;
  let k = 0;
  for (const s of segments) {
    if (offsets[k] !== s.logical || offsets[k + 1] !== s.source || offsets[k + 2] !== s.length) return false;
    k += 3;
  }
  for (let i = 0; i < instr.heredocs.length; i++, k++) {
    const h = instr.heredocs[i];
    if (offsets[k] !== h.contentRange.start || entry.heredocContents[i] !== h.content) return false;
  }
  return true;
}

function cachedScripts(instr: Instruction, scripts: readonly EmbeddedScript[]): ShellScript[] | undefined {
  const entry = byContent.values(instr.original)?.find((e) => sameLayout(e, instr));
  if (!entry || entry.scripts.length !== scripts.length) return undefined;
  for (let i = 0; i < scripts.length; i++) if (entry.scripts[i].text !== scripts[i].text) return undefined;
  byContent.touch(instr.original);
  return entry.scripts;
}

function cacheScripts(instr: Instruction, scripts: ShellScript[]): void {
  byContent.add(instr.original, { kind: instr.kind, offsets: contentOffsets(instr), heredocContents: instr.heredocs.map((h) => h.content), scripts });
}

/**
 * `shellScriptsOf` plus `parseShell` for each script, cached per instruction object so every rule
 * shares one parse. Heredoc scripts run by a non-shell interpreter (`python3`) are left out.
 *
 * With `keep`, only the scripts it keeps (asked before any parsing, the exec form included) are parsed
 * and returned: a caller that wants POSIX scripts only does not have the bash grammar parse a PowerShell
 * stage's RUN lines. When `keep` keeps everything, the answer is the same as without it (and shared).
 */
export function parseInstructionShell(instr: Instruction, keep?: (script: EmbeddedScript) => boolean): ParsedEmbeddedScript[] {
  const hit = parsedCache.get(instr);
  if (hit) return keep ? keptOf(hit, keep) : hit;
  const out: ParsedEmbeddedScript[] = [];
  const target = instr.kind === "Onbuild" ? instr.trigger : instr;
  const command = target ? commandOf(target) : undefined;
  const exec = command?.kind === "JsonForm" ? execFormCommand(command) : undefined;
  let dropped = false;
  if (target && exec) {
    const script: ShellScript = {
      text: "", toSource: (o) => o, commands: [exec], pipelines: [], comments: [], hasSyntaxError: false, errors: [], parsed: true,
    };
    const embedded: ParsedEmbeddedScript = { kind: "exec-form", instruction: target, text: "", toSource: script.toSource, range: exec.range, script };
    if (!keep || keep(embedded)) out.push(embedded);
    else dropped = true;
  }
  let scripts = shellScriptsOf(instr).filter((s) => s.interpreter === undefined || STDIN_SHELLS.has(s.interpreter));
  if (keep) {
    const kept = keptOf(scripts, keep);
    if (kept !== scripts) {
      dropped = true;
      scripts = kept;
    }
  }
  if (scripts.length > 0) {
    // The layout caches hold whole instructions: a partial list is parsed script by script (each parse
    // still shares parseShell's cache by text).
    let parsed = dropped ? undefined : cachedScripts(instr, scripts);
    if (!parsed) {
      parsed = scripts.map((s) => parseShell(s.text, s.toSource));
      if (!dropped && parsed.every((p) => p.parsed)) cacheScripts(instr, parsed);
    }
    // The scripts were made for this call: each becomes its parsed script in place (no copy).
    for (let i = 0; i < scripts.length; i++) {
      const s = scripts[i] as ParsedEmbeddedScript;
      s.script = parsed[i];
      out.push(s);
    }
  }
  // Only cache real, whole answers, so a call before initShell() does not stick.
  if (!dropped && isShellReady()) parsedCache.set(instr, out);
  return out;
}

/** `scripts` itself when `keep` keeps all of them, else a new list of the ones it keeps; `keep` is asked once per script. */
function keptOf<T extends EmbeddedScript>(scripts: T[], keep: (script: EmbeddedScript) => boolean): T[] {
  for (let i = 0; i < scripts.length; i++) {
    if (keep(scripts[i])) continue;
    const kept = scripts.slice(0, i);
    for (let j = i + 1; j < scripts.length; j++) if (keep(scripts[j])) kept.push(scripts[j]);
    return kept;
  }
  return scripts;
}

/** All commands of an instruction's scripts, in source order. */
export function instructionCommands(instr: Instruction): ShellCommand[] {
  return parseInstructionShell(instr).flatMap((s) => s.script.commands);
}

/**
 * An exec-form (JSON) command as a `ShellCommand`: the first element is the name, the rest are
 * arguments, each word's range is its string literal. No shell parses it, so nothing is expanded.
 */
export function execFormCommand(form: JsonForm): ShellCommand | undefined {
  if (form.elements.length === 0) return undefined;
  const words = form.elements.map((e) => ({
    value: e.value,
    raw: e.value,
    range: e.range,
    scriptRange: e.range,
    isStatic: true,
    hasExpansion: false,
    quoted: true,
    jsonElement: true,
  }));
  return {
    name: words[0],
    args: words.slice(1),
    assignments: [],
    redirects: [],
    range: form.range,
    scriptRange: form.range,
    negated: false,
    background: false,
    context: { inSubstitution: false, inSubshell: false, inFunction: false, inCompound: false, inNestedShell: false, depth: 0 },
    index: 0,
  };
}

/** ShellCheck dialects. */
export type ShellDialect = "sh" | "bash" | "dash" | "ksh";

const NON_POSIX = new Set(["powershell", "pwsh", "cmd", "powershell.exe", "pwsh.exe", "cmd.exe"]);

function shellBasename(argv: readonly string[]): string | undefined {
  let i = 0;
  if (argv.length > 0 && basename(argv[0].replace(/\\/g, "/")).toLowerCase() === "env") {
    i = 1;
    while (i < argv.length && (argv[i].startsWith("-") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i]))) i++;
  }
  const first = argv[i];
  return first === undefined ? undefined : basename(first.replace(/\\/g, "/")).toLowerCase();
}

/**
 * False for a SHELL that is not a POSIX shell: PowerShell (`pwsh`, `powershell`) and `cmd`, in
 * any case and with or without `.exe` or a path. POSIX-shell rules must not run under those. An
 * empty argv is the default `/bin/sh -c` (true).
 */
export function isPosixShell(shellArgv: readonly string[]): boolean {
  const name = shellBasename(shellArgv);
  return name === undefined || !NON_POSIX.has(name);
}

/**
 * The ShellCheck dialect for a SHELL argv or an interpreter name: `bash`, `dash`, `ksh` (also
 * `mksh`), `sh` (also `ash`, `busybox`). Undefined for shells ShellCheck cannot check (zsh,
 * PowerShell, cmd, anything unknown). An empty argv is the default `/bin/sh`.
 */
export function shellDialect(shellArgvOrName: readonly string[] | string): ShellDialect | undefined {
  const name = typeof shellArgvOrName === "string" ? basename(shellArgvOrName).toLowerCase() : shellBasename(shellArgvOrName) ?? "sh";
  switch (name) {
    case "sh": case "ash": case "busybox":
      return "sh";
    case "bash": return "bash";
    case "dash": return "dash";
    case "ksh": case "mksh": case "ksh93": return "ksh";
    default: return undefined;
  }
}
