/**
 * What BuildKit's `instructions` package accepts, as data: the flags of each instruction, which of them
 * are booleans or repeatable, Go's duration syntax and the signal names STOPSIGNAL takes. Shared by the
 * builder-error rules (DF1xx).
 */
import { editDistance } from "./words.js";

/** Flags each instruction accepts (BuildKit, dockerfile frontend 1.x incl. labs); others take none. */
export const ALLOWED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  ADD: ["chown", "chmod", "link", "keep-git-dir", "checksum", "unpack", "exclude"],
  COPY: ["chown", "chmod", "from", "link", "exclude", "parents"],
  FROM: ["platform"],
  HEALTHCHECK: ["interval", "timeout", "start-period", "start-interval", "retries"],
  RUN: ["mount", "network", "security", "device"],
};

/** Flags that may be given more than once. */
export const REPEATABLE_FLAGS: ReadonlySet<string> = new Set(["mount", "device", "exclude"]);

/** Flags BuildKit parses as booleans (`--link`, `--link=true`, `--link=false`). */
export const BOOLEAN_FLAGS: ReadonlySet<string> = new Set(["link", "parents", "keep-git-dir", "unpack"]);

/** HEALTHCHECK flags holding a Go duration. */
export const DURATION_FLAGS: ReadonlySet<string> = new Set(["interval", "timeout", "start-period", "start-interval"]);

const ALLOWED_BY_KEYWORD = new Map<string, readonly string[]>(Object.entries(ALLOWED_FLAGS));
const NO_FLAGS: readonly string[] = [];

/**
 * A Map, not a property look-up: keywords are slices of the file's text, and looking one up as a
 * property name (absent for most instructions) first turns it into an interned string each time.
 */
export function allowedFlags(keyword: string): readonly string[] {
  return ALLOWED_BY_KEYWORD.get(keyword) ?? NO_FLAGS;
}

const UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  "\u00b5s": 1e-3,
  "\u03bcs": 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

export type DurationResult = { ok: true; milliseconds: number } | { ok: false; message: string };

/**
 * Go's `time.ParseDuration`: a sign, then one or more `<number><unit>` (`1h30m`, `1.5s`); `0` alone is
 * allowed. Error messages are Go's (`time: missing unit in duration "10"`).
 */
export function parseGoDuration(text: string): DurationResult {
  const quoted = JSON.stringify(text);
  let s = text;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  if (s === "0") return { ok: true, milliseconds: 0 };
  if (s === "") return { ok: false, message: `time: invalid duration ${quoted}` };
  let total = 0;
  while (s !== "") {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (num[0] === "" || num[0] === ".") return { ok: false, message: `time: invalid duration ${quoted}` };
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === "") return { ok: false, message: `time: missing unit in duration ${quoted}` };
    const factor = UNITS[unit];
    if (factor === undefined) return { ok: false, message: `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}` };
    total += Number(num[0].startsWith(".") ? "0" + num[0] : num[0]) * factor;
    s = s.slice(unit.length);
  }
  return { ok: true, milliseconds: sign * total };
}

/** Signal names moby's `signal.ParseSignal` knows on Linux (without `SIG`). */
const SIGNALS = new Set([
  "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE",
  "POLL", "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU",
  "URG", "USR1", "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX",
  ...Array.from({ length: 15 }, (_, i) => `RTMIN+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `RTMAX-${i + 1}`),
]);

/** A signal as `signal.ParseSignal` reads it: a positive number, or a name with or without `SIG`, any case. */
export function isValidSignal(text: string): boolean {
  if (/^\d+$/.test(text)) return Number(text) > 0;
  const upper = text.toUpperCase();
  return SIGNALS.has(upper.startsWith("SIG") ? upper.slice(3) : upper);
}

/**
 * The candidate closest to `word` (case ignored) when it is at most two edits away and no more than half
 * the word's length, and no other candidate is as close: a likely typo, safe to replace.
 */
export function likelyTypoOf(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.min(2, Math.ceil(lower.length / 2));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let tie = false;
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance) {
      tie = true;
    }
  }
  return best !== undefined && !tie ? best : undefined;
}
