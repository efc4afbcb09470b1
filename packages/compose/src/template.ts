/**
 * Compose variable interpolation, following compose-go's template rules: `$$` is a literal dollar, `$NAME` and
 * `${NAME}` substitute, `${NAME:-default}` / `${NAME-default}` fall back when unset-or-empty / unset,
 * `${NAME:?message}` / `${NAME?message}` fail, `${NAME:+alt}` / `${NAME+alt}` substitute `alt` when set-and-non-empty
 * / set. The default, message and alternative parts may themselves hold references. A `$` followed by anything
 * else is kept as written; a `${` that doesn't form a valid reference is an error.
 */

export type Lookup = (name: string) => string | undefined;

export interface TemplateProblem {
  kind: "invalid" | "required" | "unset";
  /** The variable concerned (empty for a malformed reference). */
  name: string;
  message: string;
  /** Offsets into the input string of the whole reference (`${...}` or `$NAME`). */
  start: number;
  end: number;
}

export interface VariableUse {
  name: string;
  start: number;
  end: number;
  /** The operator used, if any: `:-`, `-`, `:?`, `?`, `:+` or `+`. */
  operator?: string;
}

export interface TemplateResult {
  value: string;
  problems: TemplateProblem[];
  variables: VariableUse[];
}

const NAME_START = /[_a-zA-Z]/;
const NAME_CHAR = /[_a-zA-Z0-9]/;

/** Substitutes variables in `input`; never throws. Without a lookup, references are only checked, not replaced. */
export function interpolate(input: string, lookup: Lookup | undefined): TemplateResult {
  const problems: TemplateProblem[] = [];
  const variables: VariableUse[] = [];
  const value = substitute(input, 0, input.length, lookup, problems, variables, 0);
  return { value, problems, variables };
}

/** True when the text contains something interpolation would act on. */
export function hasInterpolation(s: string): boolean {
  return s.includes("$");
}

function substitute(s: string, from: number, to: number, lookup: Lookup | undefined, problems: TemplateProblem[], vars: VariableUse[], depth: number): string {
  let out = "";
  let i = from;
  while (i < to) {
    const c = s[i]!;
    if (c !== "$" || i + 1 >= to) {
      out += c;
      i++;
      continue;
    }
    const n = s[i + 1]!;
    if (n === "$") {
      out += "$";
      i += 2;
      continue;
    }
    if (NAME_START.test(n)) {
      let j = i + 2;
      while (j < to && NAME_CHAR.test(s[j]!)) j++;
      const name = s.slice(i + 1, j);
      vars.push({ name, start: i, end: j });
      out += resolvePlain(name, i, j, lookup, problems, s);
      i = j;
      continue;
    }
    if (n !== "{") {
      out += c;
      i++;
      continue;
    }
    const close = matchingBrace(s, i + 2, to);
    let j = i + 2;
    if (j < to && NAME_START.test(s[j]!)) {
      j++;
      while (j < to && NAME_CHAR.test(s[j]!)) j++;
    }
    const name = s.slice(i + 2, j);
    if (close < 0 || name === "") {
      problems.push({ kind: "invalid", name: "", message: "Invalid interpolation format: escape a literal $ as $$", start: i, end: close < 0 ? to : close + 1 });
      // Keep the rest as written so later checks see something sensible.
      out += s.slice(i, close < 0 ? to : close + 1);
      i = close < 0 ? to : close + 1;
      continue;
    }
    if (j === close) {
      vars.push({ name, start: i, end: close + 1 });
      out += resolvePlain(name, i, close + 1, lookup, problems, s);
      i = close + 1;
      continue;
    }
    let op = "";
    if (s[j] === ":" && "-?+".includes(s[j + 1] ?? "")) op = s.slice(j, j + 2);
    else if ("-?+".includes(s[j]!)) op = s[j]!;
    if (!op) {
      problems.push({ kind: "invalid", name, message: "Invalid interpolation format: escape a literal $ as $$", start: i, end: close + 1 });
      out += s.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    vars.push({ name, start: i, end: close + 1, operator: op });
    const argFrom = j + op.length;
    const raw = lookup ? lookup(name) : undefined;
    const set = raw !== undefined;
    const nonEmpty = set && raw !== "";
    const strict = op.startsWith(":");
    // Nested parts are only evaluated when chosen, so `${A:+${A}}` doesn't warn about an unset A.
    const nested = () => (depth > 20 ? s.slice(argFrom, close) : substitute(s, argFrom, close, lookup, problems, vars, depth + 1));
    if (!lookup) {
      nested();
      out += s.slice(i, close + 1);
    } else if (op.endsWith("-")) {
      out += (strict ? nonEmpty : set) ? raw! : nested();
    } else if (op.endsWith("+")) {
      out += (strict ? nonEmpty : set) ? nested() : "";
    } else {
      if (strict ? nonEmpty : set) out += raw!;
      else {
        const msg = nested();
        problems.push({
          kind: "required",
          name,
          message: `Required variable ${name} is missing a value${msg ? `: ${msg}` : ""}`,
          start: i,
          end: close + 1,
        });
      }
    }
    i = close + 1;
  }
  return out;
}

function resolvePlain(name: string, start: number, end: number, lookup: Lookup | undefined, problems: TemplateProblem[], s: string): string {
  if (!lookup) return s.slice(start, end);
  const v = lookup(name);
  if (v === undefined) {
    problems.push({ kind: "unset", name, message: `The "${name}" variable is not set; it defaults to an empty string`, start, end });
    return "";
  }
  return v;
}

/** Index of the `}` closing a `${` whose body starts at `from`, counting nested `${`; -1 if none. */
function matchingBrace(s: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = s[i];
    if (c === "$" && s[i + 1] === "$") {
      i++;
      continue;
    }
    if (c === "$" && s[i + 1] === "{") {
      depth++;
      i++;
      continue;
    }
    if (c === "}") {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}
