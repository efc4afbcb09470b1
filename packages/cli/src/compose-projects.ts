import path from "node:path";

/** Compose files that `docker compose` would load together. */
export interface ComposeProject {
  /** The files merged in order, as `docker compose -f a -f b`. */
  files: string[];
  /** Every file of the walk this project covers: its own files and those it reaches through include/extends. */
  members: string[];
}

/** The files (spelled as the walk spells them) that a compose file names in `include` or `extends.file`. */
export type ComposeReferences = (file: string) => readonly string[];

const DEFAULT_FILES = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];
const OVERRIDE_FILES = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"];

/**
 * Groups the compose files of one walk into projects:
 * - in each folder, the default file `docker compose` would pick is merged with the override file it would
 *   pick (in compose-go's order of names);
 * - a file that another project reaches through `include` or `extends` is part of that project and not a
 *   project of its own; in a cycle with no outside entry, the first file by path starts the project.
 * Projects come out in the order of their first file in `files`; `members` lists the project's own files
 * first, then the files they reach in the order of `files`.
 */
export function groupComposeProjects(files: readonly string[], references: ComposeReferences = () => []): ComposeProject[] {
  const key = (f: string) => path.normalize(f);
  const byKey = new Map(files.map((f) => [key(f), f]));

  // 1. Units: an override joins its folder's default file; every other file stands alone.
  const unitOf = new Map<string, string[]>();
  const units: string[][] = [];
  const byFolder = new Map<string, string[]>();
  for (const f of files) {
    const dir = path.dirname(key(f));
    let list = byFolder.get(dir);
    if (!list) byFolder.set(dir, (list = []));
    list.push(f);
  }
  const paired = new Set<string>();
  for (const list of byFolder.values()) {
    const base = pick(list, DEFAULT_FILES);
    const override = base && pick(list, OVERRIDE_FILES);
    if (base && override) {
      const unit = [base, override];
      units.push(unit);
      for (const f of unit) {
        unitOf.set(key(f), unit);
        paired.add(key(f));
      }
    }
  }
  for (const f of files) {
    if (paired.has(key(f))) continue;
    const unit = [f];
    units.push(unit);
    unitOf.set(key(f), unit);
  }

  // 2. Edges between units through include/extends, limited to files of this walk.
  const edges = new Map<string[], Set<string[]>>();
  const reached = new Set<string[]>();
  for (const unit of units) {
    const targets = new Set<string[]>();
    for (const f of unit) {
      for (const ref of references(f)) {
        const target = byKey.has(key(ref)) ? unitOf.get(key(ref)) : undefined;
        if (target && target !== unit) targets.add(target);
      }
    }
    edges.set(unit, targets);
    for (const t of targets) reached.add(t);
  }

  // 3. Roots are units nobody reaches; each root covers what it reaches. Cycles left over get a root too.
  const covered = new Set<string[]>();
  const projects = new Map<string[], Set<string[]>>();
  const cover = (root: string[]) => {
    const members = new Set<string[]>();
    const queue = [root];
    while (queue.length) {
      const u = queue.pop()!;
      if (members.has(u) || (u !== root && projects.has(u))) continue;
      members.add(u);
      covered.add(u);
      queue.push(...edges.get(u)!);
    }
    projects.set(root, members);
  };
  for (const u of units) if (!reached.has(u)) cover(u);
  const leftovers = units.filter((u) => !covered.has(u)).sort((a, b) => (key(a[0]!) < key(b[0]!) ? -1 : 1));
  for (const u of leftovers) if (!covered.has(u)) cover(u);

  const position = new Map(files.map((f, i) => [key(f), i]));
  return [...projects.entries()]
    .map(([root, members]) => ({
      files: [...root],
      // The project's own files first (in merge order), then what they reach, in walk order.
      members: [...root, ...[...members].filter((u) => u !== root).flat().sort((a, b) => position.get(key(a))! - position.get(key(b))!)],
    }))
    .sort((a, b) => position.get(key(a.files[0]!))! - position.get(key(b.files[0]!))!);
}

function pick(list: readonly string[], names: readonly string[]): string | undefined {
  for (const name of names) {
    const found = list.find((f) => path.basename(f).toLowerCase() === name);
    if (found) return found;
  }
  return undefined;
}
