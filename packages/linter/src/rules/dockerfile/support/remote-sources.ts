/**
 * How BuildKit tells an ADD source is a Git repository or a plain URL (`gitutil.ParseGitRef` and
 * `isURL`), for DF206/DF207. Not a rule.
 */

/** A Git source: `git@host:...`, `git://`, `ssh://`, `github.com/...`, or an http(s) URL ending in `.git`. */
export function isGitSource(src: string): boolean {
  const base = src.split("#")[0]!;
  return /^(git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(src) || (/^https?:\/\//.test(base) && /\.git\/?$/.test(base));
}

export function isHttpSource(src: string): boolean {
  return /^https?:\/\//i.test(src) && !isGitSource(src);
}

/** The `#ref[:subdir]` of a Git source (`#v1.2.3`, `#main:docs`), without the subdirectory; undefined when absent. */
export function gitRef(src: string): string | undefined {
  const hash = src.indexOf("#");
  if (hash < 0) return undefined;
  const ref = src.slice(hash + 1).split(":")[0]!;
  return ref === "" ? undefined : ref;
}
