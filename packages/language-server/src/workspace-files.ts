import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/**
 * File access for the linter and the language service, limited to the workspace folders: a config
 * file above the workspace or a Dockerfile a compose file points outside it is not read. Open
 * documents are read from the editor, so unsaved text counts.
 */
export class WorkspaceFiles {
  private roots: string[] = [];
  /** A file the user named explicitly (the `configPath` setting): readable wherever it lives. */
  private extra: string | undefined;

  constructor(private readonly openText: (path: string) => string | undefined) {}

  setRoots(roots: readonly string[]): void {
    this.roots = roots.map((r) => path.resolve(r));
  }

  get firstRoot(): string | undefined {
    return this.roots[0];
  }

  allow(file: string | undefined): void {
    this.extra = file === undefined ? undefined : path.resolve(file);
  }

  inside(p: string): boolean {
    const abs = path.resolve(p);
    return this.roots.some((r) => abs === r || abs.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  }

  readonly read = (p: string): string | undefined => {
    const open = this.openText(path.resolve(p));
    if (open !== undefined) return open;
    if (!this.inside(p) && path.resolve(p) !== this.extra) return undefined;
    try {
      if (!statSync(p).isFile()) return undefined;
      return readFileSync(p, "utf8");
    } catch {
      return undefined;
    }
  };
}
