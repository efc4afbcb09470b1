// Synchronous file access (see gitignore.ts): no `fs/promises` to load, no trip round the event loop per call.
import { type Dirent, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ignore, { type Ignore } from "ignore";
import { GitignoreStack } from "./gitignore.js";
import { FolderListings } from "./listings.js";
import { type FileKind, kindFromName, kindOfExplicitFile } from "./kinds.js";

export { FolderListings };

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
  /** Folders inside a walk that could not be read: skipped (as git does), with a warning. */
  skipped: { path: string; message: string }[];
  /** What the walks saw in each folder they listed. */
  listings: FolderListings;
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
  const skipped: Discovery["skipped"] = [];
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
      const unreadable = (dir: string, e: unknown) => (dir === arg ? errors : skipped).push({ path: dir, message: describeFsError(e) });
      for (const found of await walk(abs, arg, ignores, excluded, listings, unreadable)) {
        if (options.kind && found.kind !== options.kind) continue;
        add({ ...found, walk: arg });
      }
    } else {
      add({ path: arg, kind: options.kind ?? kindOfExplicitFile(arg) });
    }
  }
  return { files, errors, skipped, listings };
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
  unreadable: (shownDir: string, e: unknown) => void,
): Promise<{ path: string; kind: FileKind }[]> {
  let entries;
  try {
    entries = readdirSync(absDir, { withFileTypes: true });
  } catch (e) {
    unreadable(shownDir, e);
    return [];
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
      out.push(...(await walk(absPath, shown, ignores, excluded, listings, unreadable)));
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
