/** What the plan knows about the build context: its file list (optional) and the .dockerignore in force. */
import { createMatcher, filterContext, parseDockerignore, type DockerignoreError } from "./dockerignore.js";
import { FileIndex } from "./file-index.js";

export interface ContextView {
  /** Every context file, when the caller listed them. */
  files?: readonly string[];
  /** The files left after .dockerignore (when `files` is known). */
  included?: readonly string[];
  /** `files` and `included` as trees for COPY sources to look paths up in (built on first use). */
  filesIndex(): FileIndex | undefined;
  includedIndex(): FileIndex | undefined;
  /** True when the context walk leaves the path out (what COPY sees). */
  isExcluded(path: string): boolean;
  /** BuildKit's CopyIgnoredFile test (the path or a parent matches; last pattern wins). */
  matchesOrParent(path: string): boolean;
  /** The ignore file has `!` exceptions (BuildKit's CopyIgnoredFile check stays silent then). */
  hasExceptions: boolean;
  hasIgnoreFile: boolean;
  /** Patterns BuildKit rejects. */
  errors: DockerignoreError[];
}

export function buildContextView(files: readonly string[] | undefined, dockerignore: string | undefined): ContextView {
  if (dockerignore === undefined) {
    const index = lazyIndex(files);
    return {
      files, included: files, filesIndex: index, includedIndex: index,
      isExcluded: () => false, matchesOrParent: () => false, hasExceptions: false, hasIgnoreFile: false, errors: [],
    };
  }
  const parsed = parseDockerignore(dockerignore);
  const matcher = createMatcher(parsed.patterns);
  const included = files ? filterContext(files, matcher).included : undefined;
  return {
    files,
    included,
    filesIndex: lazyIndex(files),
    includedIndex: lazyIndex(included),
    isExcluded: (path) => matcher.isExcluded(path),
    matchesOrParent: (path) => matcher.matches(path),
    hasExceptions: matcher.hasExceptions,
    hasIgnoreFile: true,
    errors: [...parsed.errors, ...matcher.errors],
  };
}

function lazyIndex(paths: readonly string[] | undefined): () => FileIndex | undefined {
  let index: FileIndex | undefined;
  return () => (paths === undefined ? undefined : (index ??= new FileIndex(paths)));
}

/** A matcher for `COPY --exclude` patterns (same pattern language), relative to each source root. */
export function excludeMatcher(patterns: readonly string[]): ((path: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const parsed = parseDockerignore(patterns.join("\n"));
  const m = createMatcher(parsed.patterns);
  return (path) => m.isExcluded(path);
}
