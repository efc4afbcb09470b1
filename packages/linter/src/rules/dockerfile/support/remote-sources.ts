/**
 * How BuildKit tells an ADD source is a Git repository or a plain URL (`gitutil.ParseGitRef` and
 * `isURL`), for DF206/DF207. Not a rule.
 */

/** A Git source: `git@host:...`, `git://`, `ssh://`, `github.com/...`, or an http(s) URL ending in `.git`. */
export function isGitSource(src: string): boolean {
  const base = src.split(/[#?]/)[0]!;
  return /^(git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(src) || (/^https?:\/\//.test(base) && /\.git\/?$/.test(base));
}

export function isHttpSource(src: string): boolean {
  return /^https?:\/\//i.test(src) && !isGitSource(src);
}

/**
 * The ref of a Git source: `#ref[:subdir]` (`#v1.2.3`, `#main:docs`, without the subdirectory) or the
 * `?ref=` query of the newer form (`repo.git?ref=v1.2.3&keep-git-dir=1`); undefined when absent.
 */
export function gitRef(src: string): string | undefined {
  const query = /[?&](?:ref|tag|branch|commit)=([^&#]+)/.exec(src);
  if (query) return query[1];
  const hash = src.indexOf("#");
  if (hash < 0) return undefined;
  const ref = src.slice(hash + 1).split(":")[0]!;
  return ref === "" ? undefined : ref;
}
