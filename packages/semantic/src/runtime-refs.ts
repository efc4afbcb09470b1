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

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

function readName(text: string, at: number): number {
  let i = at;
  if (i < text.length && NAME_START.test(text[i])) {
    i++;
    while (i < text.length && NAME_CHAR.test(text[i])) i++;
  }
  return i;
}

/** `$NAME`, `${NAME...}`, `${#NAME}` and `${!NAME}` outside single quotes and comments; `$((...))` skipped. */
export function scanPosixRefs(text: string): RuntimeRef[] {
  const refs: RuntimeRef[] = [];
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (!inDouble && ch === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? text.length : close;
      continue;
    }
    if (ch === '"') {
      inDouble = !inDouble;
      continue;
    }
    if (!inDouble && ch === "#" && (i === 0 || /\s/.test(text[i - 1]))) {
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? text.length : eol;
      continue;
    }
    if (ch !== "$") continue;
    if (text.startsWith("$((", i)) {
      const close = text.indexOf("))", i + 3);
      i = close < 0 ? text.length : close + 1;
      continue;
    }
    if (text[i + 1] === "{") {
      let nameStart = i + 2;
      if (text[nameStart] === "#" || text[nameStart] === "!") nameStart++;
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
