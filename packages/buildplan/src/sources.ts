/**
 * Which context files a COPY/ADD source (or a bind mount's `source`) selects. COPY sources are not
 * .dockerignore patterns: BuildKit resolves their wildcards one path component at a time with Go's
 * `filepath.Match` rules, and a directory source selects everything below it.
 */

export interface CompiledSource {
  /** The cleaned source (`.` for the whole context). */
  text: string;
  whole: boolean;
  wildcard: boolean;
  /** One matcher per path component. */
  parts: ComponentMatcher[];
}

/** Tests one path component: a RegExp for a pattern, a plain comparison for a literal name. */
export interface ComponentMatcher {
  test(name: string): boolean;
}

/** A component without wildcards or escapes matches only itself: no RegExp to build for it. */
export class LiteralComponent implements ComponentMatcher {
  constructor(readonly name: string) {}
  test(name: string): boolean {
    return name === this.name;
  }
}

function componentMatcher(pattern: string): ComponentMatcher {
  return /[*?[\\]/.test(pattern) ? componentToRegex(pattern) : new LiteralComponent(pattern);
}

/** `./a//b/` -> `a/b`; `/`, `.`, `` -> `.`. */
export function cleanPath(p: string): string {
  if (p.includes("\\")) p = p.replace(/\\/g, "/");
  // One pass over the components; a path with nothing to drop is returned as it is.
  const out: string[] = [];
  let dropped = false;
  for (let i = 0; i <= p.length; ) {
    let j = p.indexOf("/", i);
    if (j < 0) j = p.length;
    const part = p.slice(i, j);
    if (part === "" || part === ".") dropped = true;
    else if (part === "..") {
      dropped = true;
      out.pop();
    } else out.push(part);
    i = j + 1;
  }
  if (!dropped) return p;
  return out.length === 0 ? "." : out.join("/");
}

export function isWildcard(p: string): boolean {
  return /[*?[]/.test(p);
}

/** Go `filepath.Match` for one path component, as a regular expression. */
export function componentToRegex(pattern: string): RegExp {
  let out = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "\\" && i + 1 < pattern.length) out += escapeRegex(pattern[++i]!);
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 2);
      if (close < 0) {
        out += "\\[";
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith("^") || body.startsWith("!");
      if (negated) body = body.slice(1);
      out += `[${negated ? "^" : ""}${body.replace(/[\]\\]/g, "\\$&")}]`;
      i = close;
    } else out += escapeRegex(c);
  }
  return new RegExp(out + "$");
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

export function compileSource(source: string): CompiledSource {
  const text = cleanPath(source);
  const whole = text === ".";
  return { text, whole, wildcard: isWildcard(text), parts: whole ? [] : text.split("/").map(componentMatcher) };
}

/** Does the source select `path` (the path itself, or something below a selected directory)? */
export function sourceSelects(src: CompiledSource, path: string): boolean {
  if (src.whole) return true;
  const parts = path.split("/");
  if (parts.length < src.parts.length) return false;
  for (let i = 0; i < src.parts.length; i++) if (!src.parts[i]!.test(parts[i]!)) return false;
  return true;
}

/**
 * Does a change at `path` touch what the source selects? Either the path is selected, or it is a directory
 * above the selected paths (`--changed src` for `COPY src/app.js`).
 */
export function changeTouches(src: CompiledSource, path: string): boolean {
  if (sourceSelects(src, path)) return true;
  const parts = path === "." || path === "" ? [] : path.split("/");
  if (parts.length >= src.parts.length) return false;
  for (let i = 0; i < parts.length; i++) if (!src.parts[i]!.test(parts[i]!)) return false;
  return true;
}

/** Does any file of `files` lie at or below what the source selects? */
export function sourceMatchesAny(src: CompiledSource, files: readonly string[]): boolean {
  for (const f of files) if (sourceSelects(src, f)) return true;
  return false;
}

/** URLs and git references are remote ADD sources, not context paths. */
export function isRemoteSource(src: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/)/i.test(src) || /^[a-z0-9.-]+\.[a-z]+\/.+\.git(#.*)?$/i.test(src);
}
