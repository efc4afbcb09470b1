/**
 * Variable references that are expanded at run time rather than by BuildKit: the shell of RUN, CMD,
 * ENTRYPOINT and HEALTHCHECK expands `$NAME` from the process environment (which holds the ENV values and,
 * for RUN, the ARG values). This is a light scanner, enough to know which names a command reads.
 */

export interface RuntimeRef {
  name: string;
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  nameStart: number;
}

export type ShellKind = "posix" | "powershell" | "cmd" | "other";

function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

/** JavaScript's `\s` (Unicode white space and line terminators, U+FEFF included). */
function isJsSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The characters the scan reacts to; `test` with the g flag finds the next without allocating a match. */
const SPECIAL = /[\\'"#$]/g;

function readName(text: string, at: number): number {
  let i = at;
  if (i < text.length && isNameStart(text.charCodeAt(i))) {
    i++;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
  }
  return i;
}

/** `$NAME`, `${NAME...}`, `${#NAME}` and `${!NAME}` outside single quotes and comments; `$((...))` skipped. */
export function scanPosixRefs(text: string): RuntimeRef[] {
  const refs: RuntimeRef[] = [];
  // every reference starts with `$`: nothing after the last one needs reading (often nothing at all)
  const lastDollar = text.lastIndexOf("$");
  let inDouble = false;
  for (let i = 0; i <= lastDollar; i++) {
    // only these characters change anything: jump to the next one (a regex scan beats a loop in JS)
    SPECIAL.lastIndex = i;
    if (!SPECIAL.test(text)) break;
    i = SPECIAL.lastIndex - 1;
    if (i > lastDollar) break;
    const ch = text.charCodeAt(i);
    if (ch === 0x5c /* \ */) {
      i++;
      continue;
    }
    if (!inDouble && ch === 0x27 /* ' */) {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? text.length : close;
      continue;
    }
    if (ch === 0x22 /* " */) {
      inDouble = !inDouble;
      continue;
    }
    if (!inDouble && ch === 0x23 /* # */ && (i === 0 || isJsSpace(text.charCodeAt(i - 1)))) {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? text.length : eol;
      continue;
    }
    if (ch !== 0x24 /* $ */) continue;
    const next = text.charCodeAt(i + 1);
    if (next === 0x28 && text.charCodeAt(i + 2) === 0x28) {
      // $((...)): arithmetic, skipped
      const close = text.indexOf("))", i + 3);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    if (next === 0x7b /* { */) {
      let nameStart = i + 2;
      const c = text.charCodeAt(nameStart);
      if (c === 0x23 || c === 0x21) nameStart++;
      const nameEnd = readName(text, nameStart);
      if (nameEnd > nameStart) {
        const close = text.indexOf("}", nameEnd);
        refs.push({ name: text.slice(nameStart, nameEnd), start: i, end: close < 0 ? nameEnd : close + 1, nameStart });
      }
      i = nameEnd - 1;
      continue;
    }
    const nameEnd = readName(text, i + 1);
    if (nameEnd > i + 1) {
      refs.push({ name: text.slice(i + 1, nameEnd), start: i, end: nameEnd, nameStart: i + 1 });
      i = nameEnd - 1;
    }
  }
  return refs;
}

/** PowerShell reads the environment as `$env:NAME` (or `${env:NAME}`). */
export function scanPowershellRefs(text: string): RuntimeRef[] {
  const refs: RuntimeRef[] = [];
  for (const m of text.matchAll(/\$\{?env:([A-Za-z_][A-Za-z0-9_]*)\}?/gi)) {
    const nameStart = m.index + m[0].indexOf(":") + 1;
    refs.push({ name: m[1], start: m.index, end: m.index + m[0].length, nameStart });
  }
  return refs;
}

/** cmd.exe expands `%NAME%`. */
export function scanCmdRefs(text: string): RuntimeRef[] {
  const refs: RuntimeRef[] = [];
  for (const m of text.matchAll(/%([A-Za-z_][A-Za-z0-9_]*)%/g)) {
    refs.push({ name: m[1], start: m.index, end: m.index + m[0].length, nameStart: m.index + 1 });
  }
  return refs;
}

export function scanRuntimeRefs(text: string, shell: ShellKind): RuntimeRef[] {
  switch (shell) {
    case "powershell":
      return scanPowershellRefs(text);
    case "cmd":
      return scanCmdRefs(text);
    default:
      return scanPosixRefs(text);
  }
}

/** Classifies a SHELL command line by its program. */
export function classifyShell(shell: readonly string[]): ShellKind {
  const program = (shell[0] ?? "").split(/[\\/]/).pop()!.toLowerCase().replace(/\.exe$/, "");
  if (program === "powershell" || program === "pwsh") return "powershell";
  if (program === "cmd") return "cmd";
  if (["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"].includes(program)) return "posix";
  return "other";
}
