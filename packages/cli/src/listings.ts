import type { Dirent } from "node:fs";
import path from "node:path";

const FILE = 1;
const OTHER = 2;
const LINK = 3;

/**
 * The entries of every folder a walk listed, so that the look-ups a lint makes beside each file it lints
 * (config files up the tree, a `.dockerignore` beside each Dockerfile, a compose file's `.env`) need no stat
 * call of their own: a run over the shared corpus made 6,047 stat calls without them and 129 with them. The
 * listings are of the moment of the walk, as is the list of files it found.
 */
export class FolderListings {
  private readonly folders = new Map<string, { exact: Map<string, number>; folded: Set<string> }>();

  record(absDir: string, entries: readonly Dirent[]): void {
    const exact = new Map<string, number>();
    const folded = new Set<string>();
    for (const e of entries) {
      exact.set(e.name, e.isSymbolicLink() ? LINK : e.isFile() ? FILE : OTHER);
      folded.add(e.name.toLowerCase());
    }
    this.folders.set(absDir, { exact, folded });
  }

  /**
   * Whether `absPath` (absolute and normalised) is a regular file by its folder's listing: undefined when the
   * folder was not listed, or the name is a symbolic link, or is absent but differs only in case from a name
   * that is there (a file system that ignores case would find it). A file in an unlisted folder is known to
   * be absent when the folder's own folder was listed without it (`dir/.config/x` where `dir` has no `.config`).
   */
  isFile(absPath: string): boolean | undefined {
    const dir = path.dirname(absPath);
    const folder = this.folders.get(dir);
    if (!folder) return this.absent(dir);
    const name = path.basename(absPath);
    const kind = folder.exact.get(name);
    if (kind === undefined) return folder.folded.has(name.toLowerCase()) ? undefined : false;
    return kind === LINK ? undefined : kind === FILE;
  }

  /** Whether `absDir` was listed. */
  has(absDir: string): boolean {
    return this.folders.has(absDir);
  }

  /** false when `absDir`'s parent was listed and has no entry of that name in any case; else undefined. */
  private absent(absDir: string): false | undefined {
    const parent = this.folders.get(path.dirname(absDir));
    return parent && !parent.folded.has(path.basename(absDir).toLowerCase()) ? false : undefined;
  }
}
