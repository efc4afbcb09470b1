/**
 * `.dockerignore` exactly as BuildKit reads and applies it: the file reader (moby `ignorefile.ReadAll`),
 * the pattern language (moby `patternmatcher`: anchored at the context root, `*`, `?`, `[...]`, `**`,
 * `\` escapes, `!` exceptions, last match wins) and the context walk (fsutil's filter walk, where every
 * pattern's match result is inherited from the parent directory). Pure: the caller passes paths in.
 */

export interface IgnorePattern {
  /** The cleaned pattern, without the `!`. */
  pattern: string;
  /** A `!` exception (re-includes). */
  negate: boolean;
  /** 1-based line in the file. */
  line: number;
  /** UTF-16 offsets of the trimmed line text (including any `!`) in the file. */
  range: { start: number; end: number };
}

export interface DockerignoreError {
  /** BuildKit's message: `illegal exclusion pattern: "!"` or `syntax error in pattern`. */
  message: string;
  line?: number;
  pattern: string;
}

export interface ParsedDockerignore {
  patterns: IgnorePattern[];
  /** Patterns BuildKit rejects; any one of them fails the build. */
  errors: DockerignoreError[];
}

// ---------------------------------------------------------------------------------------------------
// Reading the file

// Created when first needed: a pattern with Unicode property classes takes V8 about half a millisecond to
// create, which every run would otherwise pay at start-up (most read no .dockerignore).
let goSpace: RegExp | undefined;

/** Go's strings.TrimSpace (Unicode white space). */
function trimSpace(s: string): string {
  return s.replace((goSpace ??= /^\p{White_Space}+|\p{White_Space}+$/gu), "");
}

/** Go's path.Clean for slash-separated paths. */
export function cleanPath(p: string): string {
  if (p === "") return ".";
  const rooted = p.startsWith("/");
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!rooted) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (rooted) return "/" + joined;
  return joined === "" ? "." : joined;
}

/** Reads a `.dockerignore` file as BuildKit does (comments only in column 1, trimming, `!`, path cleaning). */
export function parseDockerignore(text: string): ParsedDockerignore {
  const patterns: IgnorePattern[] = [];
  let offset = 0;
  const lines = text.split("\n");
  // A final newline does not start another line.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((rawLine, index) => {
    const lineStart = offset;
    offset += rawLine.length + 1;
    let line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    let bomShift = 0;
    if (index === 0 && line.startsWith("\uFEFF")) {
      line = line.slice(1);
      bomShift = 1;
    }
    // The comment check comes before trimming: "  #x" is a pattern.
    if (line.startsWith("#")) return;
    let pattern = trimSpace(line);
    if (pattern === "") return;
    const start = lineStart + bomShift + line.indexOf(pattern);
    const range = { start, end: start + pattern.length };
    const negate = pattern.startsWith("!");
    if (negate) pattern = trimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith("/")) pattern = pattern.slice(1);
    }
    patterns.push({ pattern, negate, line: index + 1, range });
  });
  const errors = compilePatterns(patterns).errors;
  return { patterns, errors };
}

// ---------------------------------------------------------------------------------------------------
// Pattern syntax check: Go's filepath.Match reports a malformed pattern even when matching fails.

function isValidGlob(pattern: string): boolean {
  const chars = Array.from(pattern);
  let i = 0;
  const take = (): string | undefined => chars[i++];
  /** One class character, with `\` escapes; undefined for a malformed one. Needs something after it. */
  const classChar = (): string | undefined => {
    let c = chars[i];
    if (c === undefined || c === "-" || c === "]") return undefined;
    if (c === "\\") {
      i++;
      c = chars[i];
      if (c === undefined) return undefined;
    }
    i++;
    return i < chars.length ? c : undefined;
  };
  while (i < chars.length) {
    const c = take();
    if (c === "\\") {
      if (i >= chars.length) return false;
      i++;
    } else if (c === "[") {
      if (chars[i] === "^") i++;
      let ranges = 0;
      for (;;) {
        if (chars[i] === "]" && ranges > 0) {
          i++;
          break;
        }
        if (classChar() === undefined) return false;
        if (chars[i] === "-") {
          i++;
          if (classChar() === undefined) return false;
        }
        ranges++;
      }
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Compiling one pattern (patternmatcher's Pattern.compile), producing a JavaScript regular expression
// equivalent to the Go one BuildKit builds.

type Compiled =
  | { kind: "exact"; text: string }
  | { kind: "prefix"; prefix: string }
  | { kind: "suffix"; suffix: string }
  | { kind: "regexp"; re: RegExp };

const ESCAPED_LITERALS = new Set([".", "+", "(", ")", "|", "{", "}", "$"]);
const JS_SYNTAX = new Set(["^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/"]);
/** Go regexp escapes that mean the same in a JavaScript `u` regular expression. */
const SAME_ESCAPES = new Set(["d", "D", "w", "W", "t", "n", "r", "f", "v"]);
const GO_DOT = "[^\\n]";

/** How Go's regexp reads `\c`, as JavaScript source; undefined when Go would reject it. */
function translateEscape(c: string, inClass: boolean): string | undefined {
  if (/^[A-Za-z0-9]$/.test(c)) {
    if (SAME_ESCAPES.has(c)) return "\\" + c;
    if (c === "a") return "\\x07";
    if (c === "s") return inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]";
    if (c === "S" && !inClass) return "[^\\t\\n\\f\\r ]";
    if ((c === "b" || c === "B") && !inClass) return "\\" + c;
    if (c === "A" && !inClass) return "^";
    if (c === "z" && !inClass) return "$";
    return undefined;
  }
  if (c === "-") return inClass ? "\\-" : "-";
  return JS_SYNTAX.has(c) ? "\\" + c : c;
}

function compilePattern(pattern: string): Compiled | undefined {
  const chars = Array.from(pattern);
  let type: "exact" | "prefix" | "suffix" | "regexp" = "exact";
  let src = "^";
  let inClass = false;
  let i = 0;
  for (let n = 0; i < chars.length; n++) {
    const ch = chars[i++];
    if (ch === "*") {
      if (chars[i] === "*") {
        i++;
        // `**/` is read as `**`.
        if (chars[i] === "/") i++;
        if (i >= chars.length) {
          if (type === "exact") type = "prefix";
          else {
            src += GO_DOT + "*";
            type = "regexp";
          }
        } else {
          src += `(${GO_DOT}*/)?`;
          type = "regexp";
        }
        if (n === 0) type = "suffix";
      } else {
        src += "[^/]*";
        inClass = false;
        type = "regexp";
      }
    } else if (ch === "?") {
      src += "[^/]";
      inClass = false;
      type = "regexp";
    } else if (ESCAPED_LITERALS.has(ch)) {
      src += "\\" + ch;
    } else if (ch === "\\") {
      if (i < chars.length) {
        const t = translateEscape(chars[i++], inClass);
        if (t === undefined) return undefined;
        src += t;
        type = "regexp";
      } else {
        src += "\\\\";
      }
    } else if (ch === "[") {
      src += inClass ? "\\[" : "[";
      inClass = true;
      type = "regexp";
    } else if (ch === "]") {
      src += inClass ? "]" : "\\]";
      inClass = false;
      type = "regexp";
    } else {
      // Everything else is copied as is, as BuildKit does (`^` stays an anchor, `-` a class range).
      src += ch;
    }
  }
  switch (type) {
    case "exact":
      return { kind: "exact", text: pattern };
    case "prefix":
      return { kind: "prefix", prefix: pattern.slice(0, -2) };
    case "suffix":
      return { kind: "suffix", suffix: pattern.slice(2) };
    case "regexp":
      try {
        return { kind: "regexp", re: new RegExp(src + "$", "u") };
      } catch {
        return undefined;
      }
  }
}

function matchCompiled(c: Compiled, path: string): boolean {
  switch (c.kind) {
    case "exact":
      return path === c.text;
    case "prefix":
      return path.startsWith(c.prefix);
    case "suffix":
      // `**/foo` also matches `foo` itself.
      return path.endsWith(c.suffix) || (c.suffix.startsWith("/") && path === c.suffix.slice(1));
    case "regexp":
      return c.re.test(path);
  }
}

interface ActivePattern {
  source: IgnorePattern;
  exclusion: boolean;
  compiled: Compiled;
}

/** patternmatcher.New: trims, cleans again, rejects a lone `!` and malformed patterns. */
function compilePatterns(patterns: readonly IgnorePattern[]): { active: ActivePattern[]; errors: DockerignoreError[] } {
  const active: ActivePattern[] = [];
  const errors: DockerignoreError[] = [];
  for (const source of patterns) {
    let p = trimSpace((source.negate ? "!" : "") + source.pattern);
    if (p === "") continue;
    p = cleanPath(p);
    let exclusion = false;
    if (p.startsWith("!")) {
      if (p.length === 1) {
        errors.push({ message: 'illegal exclusion pattern: "!"', line: source.line, pattern: p });
        continue;
      }
      exclusion = true;
      p = p.slice(1);
    }
    const compiled = isValidGlob(p) ? compilePattern(p) : undefined;
    if (!compiled) {
      errors.push({ message: "syntax error in pattern", line: source.line, pattern: p });
      continue;
    }
    active.push({ source, exclusion, compiled });
  }
  return { active, errors };
}

// ---------------------------------------------------------------------------------------------------
// Matching

/** Per-pattern results of a directory, inherited by its children during the walk. */
export type MatchInfo = readonly boolean[];

export interface DockerignoreMatcher {
  readonly patterns: readonly IgnorePattern[];
  readonly errors: readonly DockerignoreError[];
  /** True when any pattern is a `!` exception. */
  readonly hasExceptions: boolean;
  /**
   * patternmatcher's MatchesOrParentMatches: the path or one of its parent directories matches, last
   * pattern wins. This is what BuildKit's CopyIgnoredFile check uses.
   */
  matches(path: string): boolean;
  /** Only the path itself, no parent matching (MatchesExact). */
  matchesExact(path: string): boolean;
  /**
   * Whether the context walk leaves this path out: every ancestor directory is evaluated top-down and
   * passes its per-pattern results on (MatchesUsingParentResults). This is what `COPY` sees. `isDir`
   * only matters for remembering the result for descendants.
   */
  isExcluded(path: string, isDir?: boolean): boolean;
  /** One step of the walk: the path given its parent directory's match info (absent at the top). */
  evaluate(path: string, parent?: MatchInfo): { excluded: boolean; info: MatchInfo };
}

/** Normalises a context-relative path: `./a//b/` -> `a/b`; the root is `.`. */
export function normalizeContextPath(path: string): string {
  const cleaned = cleanPath(path.replace(/^\/+/, ""));
  return cleaned;
}

function parentDirs(path: string): string[] {
  const parts = path.split("/");
  const out: string[] = [];
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join("/"));
  return out;
}

export function createMatcher(patterns: readonly IgnorePattern[]): DockerignoreMatcher {
  const { active, errors } = compilePatterns(patterns);
  const dirInfo = new Map<string, MatchInfo>();

  const evaluate = (path: string, parent?: MatchInfo): { excluded: boolean; info: MatchInfo } => {
    let matched = false;
    const info: boolean[] = new Array(active.length).fill(false);
    const hasParent = parent !== undefined && parent.length !== 0;
    active.forEach((p, i) => {
      let match = hasParent ? parent[i] : false;
      if (!match) {
        // A pattern that cannot change the current result is skipped, and its bit stays false.
        if (p.exclusion !== matched) return;
        match = matchCompiled(p.compiled, path);
        if (!match && !hasParent) match = parentDirs(path).some((d) => matchCompiled(p.compiled, d));
      }
      info[i] = match;
      if (match) matched = !p.exclusion;
    });
    return { excluded: matched, info };
  };

  const infoOfDir = (dir: string): MatchInfo => {
    const cached = dirInfo.get(dir);
    if (cached) return cached;
    const slash = dir.lastIndexOf("/");
    const parent = slash < 0 ? undefined : infoOfDir(dir.slice(0, slash));
    const { info } = evaluate(dir, parent);
    dirInfo.set(dir, info);
    return info;
  };

  const lastPatternWins = (path: string, withParents: boolean): boolean => {
    let matched = false;
    for (const p of active) {
      if (p.exclusion !== matched) continue;
      let match = matchCompiled(p.compiled, path);
      if (!match && withParents) match = parentDirs(path).some((d) => matchCompiled(p.compiled, d));
      if (match) matched = !p.exclusion;
    }
    return matched;
  };

  return {
    patterns,
    errors,
    hasExceptions: active.some((p) => p.exclusion),
    matches: (path) => {
      const p = normalizeContextPath(path);
      return p !== "." && lastPatternWins(p, true);
    },
    matchesExact: (path) => lastPatternWins(normalizeContextPath(path), false),
    isExcluded: (path, isDir = false) => {
      const p = normalizeContextPath(path);
      if (p === ".") return false;
      const slash = p.lastIndexOf("/");
      const parent = slash < 0 ? undefined : infoOfDir(p.slice(0, slash));
      const result = evaluate(p, parent);
      if (isDir) dirInfo.set(p, result.info);
      return result.excluded;
    },
    evaluate,
  };
}

export interface FilteredContext {
  /** Files that end up in the build context, in input order. */
  included: string[];
  /** Files left out, in input order. */
  excluded: string[];
  /**
   * Directories present in the context: those not excluded, plus excluded ones that still hold a
   * re-included entry (BuildKit sends them as its containers). Sorted.
   */
  directories: string[];
}

/**
 * Applies the patterns to a listing of context files (slash-separated paths relative to the context root;
 * their directories are implied) exactly as the context walk does.
 */
export function filterContext(files: readonly string[], patterns: readonly IgnorePattern[] | DockerignoreMatcher): FilteredContext {
  const matcher = "isExcluded" in patterns ? patterns : createMatcher(patterns);
  const included: string[] = [];
  const excluded: string[] = [];
  const dirs = new Map<string, boolean>();
  const dirExcluded = (dir: string): boolean => {
    let r = dirs.get(dir);
    if (r === undefined) {
      r = matcher.isExcluded(dir, true);
      dirs.set(dir, r);
    }
    return r;
  };
  const present = new Set<string>();
  for (const file of files) {
    const p = normalizeContextPath(file);
    if (p === ".") continue;
    const ancestors = parentDirs(p);
    for (const d of ancestors) if (!dirExcluded(d)) present.add(d);
    if (matcher.isExcluded(p)) {
      excluded.push(file);
    } else {
      included.push(file);
      for (const d of ancestors) present.add(d);
    }
  }
  return { included, excluded, directories: [...present].sort() };
}

// ---------------------------------------------------------------------------------------------------
// Which file applies

export interface SelectedDockerignore {
  path: string;
  /** `dockerfile`: `<Dockerfile>.dockerignore` next to the Dockerfile, which replaces the context's. */
  kind: "dockerfile" | "context";
}

/**
 * BuildKit first looks for `<Dockerfile path>.dockerignore` (e.g. `docker/app.Dockerfile.dockerignore`),
 * then for `.dockerignore` at the context root. `exists` answers for a path; `contextDir` is joined to
 * the root file's name (default: the paths are relative to the context).
 */
export function selectDockerignore(
  dockerfilePath: string | undefined,
  exists: (path: string) => boolean,
  contextDir = "",
): SelectedDockerignore | undefined {
  if (dockerfilePath && dockerfilePath !== "-") {
    const specific = `${dockerfilePath}.dockerignore`;
    if (exists(specific)) return { path: specific, kind: "dockerfile" };
  }
  const root = contextDir === "" ? ".dockerignore" : `${contextDir.replace(/\/+$/, "")}/.dockerignore`;
  return exists(root) ? { path: root, kind: "context" } : undefined;
}
