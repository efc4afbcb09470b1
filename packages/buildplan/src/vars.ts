/**
 * The plan's only door to variable expansion: BuildKit's lexer lives in @shipshape/semantic; this module
 * adapts its results to what the simulator needs (a value, or an error message, and the names that were unset).
 */
import { expandWord, expandWords, formatExpansionError } from "@shipshape/semantic";

export type Escape = "\\" | "`";

export interface Expanded {
  value: string;
  /** BuildKit's error text (`failed to process "...": ...`) when the lexer fails. */
  error?: string;
  /** Names referenced but not set. */
  unset: string[];
}

/** A look-up function: the lexer copies a Map it is given, and our environments are read far more than copied. */
function lookup(env: ReadonlyMap<string, string>): (name: string) => string | undefined {
  return (name) => env.get(name);
}

export function expand(text: string, env: ReadonlyMap<string, string>, escape: Escape): Expanded {
  if (!text.includes("$") && !text.includes("'") && !text.includes('"') && !text.includes(escape)) {
    return { value: text, unset: [] };
  }
  const r = expandWord(text, lookup(env), { escape });
  if (r.errors.length > 0) return { value: "", error: formatExpansionError(text, r.errors[0]!), unset: r.unmatched };
  return { value: r.value, unset: r.unmatched };
}

/** Expansion with word splitting (EXPOSE). */
export function expandSplit(text: string, env: ReadonlyMap<string, string>, escape: Escape): { words: string[]; error?: string } {
  const r = expandWords(text, lookup(env), { escape });
  if (r.errors.length > 0) return { words: [], error: formatExpansionError(text, r.errors[0]!) };
  return { words: r.words };
}

/** The RUN progress-name form: set variables substituted, unset ones and quotes left as written. */
export function expandForDisplay(text: string, env: ReadonlyMap<string, string>, escape: Escape): string {
  if (!text.includes("$")) return text;
  const r = expandWord(text, lookup(env), { escape, skipUnsetEnv: true, rawQuotes: true, rawEscapes: true });
  return r.errors.length > 0 ? text : r.value;
}

const EMPTY_ENV: ReadonlyMap<string, string> = new Map();

/** BuildKit's test for `COPY --from`: does processing the word with an empty environment change it? */
export function changesUnderExpansion(text: string, escape: Escape): boolean {
  if (!text.includes("$") && !text.includes("'") && !text.includes('"') && !text.includes(escape)) return false;
  const r = expandWord(text, EMPTY_ENV, { escape });
  return r.errors.length > 0 || r.value !== text;
}
