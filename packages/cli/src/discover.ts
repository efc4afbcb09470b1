// Synchronous file access (see gitignore.ts): no `fs/promises` to load, no trip round the event loop per call.
import { type Dirent, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { GitignoreStack } from "./gitignore.js";
import { type FileKind, kindFromName, kindOfExplicitFile } from "./kinds.js";

export interface FoundFile {
  /** The path to report: the argument as given, or the argument joined with the path inside the walked folder. */
  path: string;
  kind: FileKind;
  /** The argument (a folder) whose walk found this file; undefined for a file named explicitly. */
  walk?: string;
}

export interface Discovery {
  files: FoundFile[];
  /** Arguments that could not be read: they make the exit status 2. */
  errors: { path: string; message: string }[];
  /** What the walks saw in each folder they listed. */
  listings: FolderListings;
}

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

  /** false when `absDir`'s parent was listed and has no entry of that name in any case; else undefined. */
  private absent(absDir: string): false | undefined {
    const parent = this.folders.get(path.dirname(absDir));
    return parent && !parent.folded.has(path.basename(absDir).toLowerCase()) ? false : undefined;
  }
}

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);

/**
 * Expands the command line's paths into files to lint: files named explicitly keep their order and get a
 * kind even when their name is not a recognised one (`kind` forces it); folders are walked in sorted order
 * and contribute recognised names only. A file reached twice is listed once.
 */
export async function discoverFiles(
  args: readonly string[],
  options: { cwd: string; kind?: FileKind; /** gitignore-style patterns, relative to `cwd`, that walks skip */ exclude?: readonly string[] },
): Promise<Discovery> {
  const excluded = options.exclude?.length ? excluder(options.cwd, ignore().add([...options.exclude])) : () => false;
  const files: FoundFile[] = [];
  const errors: Discovery["errors"] = [];
  const listings = new FolderListings();
  const seen = new Set<string>();
  const add = (f: FoundFile) => {
    const key = path.resolve(options.cwd, f.path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
  };

  for (const arg of args) {
    const abs = path.resolve(options.cwd, arg);
    let info;
    try {
      info = statSync(abs);
    } catch (e) {
      errors.push({ path: arg, message: describeFsError(e) });
      continue;
    }
    if (info.isDirectory()) {
      const ignores = await GitignoreStack.forWalkRoot(abs);
      for (const found of await walk(abs, arg, ignores, excluded, listings)) {
        if (options.kind && found.kind !== options.kind) continue;
        add({ ...found, walk: arg });
      }
    } else {
      add({ path: arg, kind: options.kind ?? kindOfExplicitFile(arg) });
    }
  }
  return { files, errors, listings };
}

type Excluded = (absPath: string, isDir: boolean) => boolean;

/** `--exclude` patterns match paths relative to the working directory, with gitignore's rules. */
function excluder(cwd: string, rules: Ignore): Excluded {
  return (absPath, isDir) => {
    const rel = path.relative(cwd, absPath).split(path.sep).join("/");
    if (!rel || rel.startsWith("..") || path.isAbsolute(rel)) return false;
    return rules.ignores(isDir ? `${rel}/` : rel);
  };
}

async function walk(
  absDir: string,
  shownDir: string,
  parentIgnores: GitignoreStack,
  excluded: Excluded,
  listings: FolderListings,
): Promise<{ path: string; kind: FileKind }[]> {
  let entries;
  try {
    entries = readdirSync(absDir, { withFileTypes: true });
  } catch {
    return []; // an unreadable folder inside a walk is skipped, as git does
  }
  listings.record(absDir, entries);
  const ignores = await parentIgnores.enter(absDir, entries.some((e) => e.name === ".gitignore"));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: { path: string; kind: FileKind }[] = [];
  for (const entry of entries) {
    const absPath = path.join(absDir, entry.name);
    const shown = shownDir === "." ? entry.name : path.join(shownDir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRS.has(entry.name) || ignores.ignores(absPath, true) || excluded(absPath, true)) continue;
      out.push(...(await walk(absPath, shown, ignores, excluded, listings)));
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      const kind = kindFromName(entry.name);
      if (!kind || ignores.ignores(absPath, false) || excluded(absPath, false)) continue;
      // Symbolic links to files are followed; links to folders are not walked, so a walk cannot loop.
      if (entry.isSymbolicLink() && !isFile(absPath)) continue;
      out.push({ path: shown, kind });
    }
  }
  return out;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A one-line reason without a stack: "no such file or directory", "permission denied", ... */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "not a directory";
    default:
      return err?.code ? `cannot read (${err.code})` : "cannot read";
  }
}
