// Synchronous file access, as everywhere on the lint path: `fs/promises` alone costs a one-file run several
// milliseconds to load, and the walk reads one small file per folder at most.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";

/** The rules of one `.gitignore`, which apply to paths below its folder. */
interface IgnoreLevel {
  dir: string;
  rules: Ignore;
}

/**
 * Git's ignore semantics across folders: every `.gitignore` applies to its own subtree, a deeper file's
 * rules override a shallower one's (including `!` re-includes), and nothing inside an ignored folder can
 * be re-included (the walker simply never enters it).
 */
export class GitignoreStack {
  private constructor(private readonly levels: readonly IgnoreLevel[]) {}

  static empty(): GitignoreStack {
    return new GitignoreStack([]);
  }

  /**
   * The stack for a walk that starts at `dir`: the `.gitignore` files from the enclosing repository's root
   * (the nearest folder with a `.git`) down to `dir`'s parent. Outside a repository, none.
   */
  static async forWalkRoot(dir: string): Promise<GitignoreStack> {
    const walkRoot = path.resolve(dir);
    if (existsSync(path.join(walkRoot, ".git"))) return GitignoreStack.empty();
    const ancestors: string[] = [];
    for (let current = path.dirname(walkRoot); ; current = path.dirname(current)) {
      ancestors.unshift(current);
      if (existsSync(path.join(current, ".git"))) {
        let stack = GitignoreStack.empty();
        for (const a of ancestors) stack = await stack.enter(a);
        return stack;
      }
      if (path.dirname(current) === current) return GitignoreStack.empty();
    }
  }

  /**
   * The stack inside `dir`, with its `.gitignore` (if any) added. `listed` is false when the caller has
   * listed the folder and it has no `.gitignore` (no read is tried then).
   */
  async enter(dir: string, listed = true): Promise<GitignoreStack> {
    if (!listed) return this;
    let text: string;
    try {
      text = readFileSync(path.join(dir, ".gitignore"), "utf8");
    } catch {
      return this;
    }
    return new GitignoreStack([...this.levels, { dir: path.resolve(dir), rules: ignore().add(text) }]);
  }

  /** Whether an absolute path (a folder when `isDir`) is ignored. */
  ignores(absPath: string, isDir: boolean): boolean {
    let ignored = false;
    for (const level of this.levels) {
      const rel = path.relative(level.dir, absPath).split(path.sep).join("/");
      if (!rel || rel.startsWith("..")) continue;
      const result = level.rules.test(isDir ? `${rel}/` : rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}
