import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The shared corpus's compose folder, read in place (never copied into the repository). */
export const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus/compose");

/** Every file under `dir`, in name order, depth first. */
export function walk(dir: string = corpus, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
