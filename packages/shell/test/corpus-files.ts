import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The shared corpus's Dockerfile folder, read in place (never copied into the repository). */
export const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../shared/corpus/dockerfiles");

/** Every file under `dir`, depth first. */
export function* files(dir: string = corpus): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}
