import path from "node:path";
import type { YamlCache } from "@shipshape/compose";
import type { ComposeReferences } from "./compose-projects.js";
import { primeYaml } from "./lint-runner.js";

/**
 * Whether a compose text can name another file: only through an `include` or `extends` key. A YAML key
 * is spelled out in the text (anchors and merge keys copy keys from the same file), except inside a
 * double-quoted scalar, whose escapes (`"\x69nclude"`) can spell any key; so a text with neither word
 * and no backslash names no file, and is not parsed. Most compose files are such: parsing them all
 * cost a walk over the corpus half a second before any file was linted.
 */
export function mayReference(text: string): boolean {
  return text.includes("include") || text.includes("extends") || text.includes("\\");
}

/**
 * The files a compose file reaches through `include` (short and long form) and `extends.file`, read
 * from @shipshape/compose's model and spelled relative to the same base as `file` (so they compare
 * with the paths of the walk). Interpolated paths are taken as written. The YAML trees of the files it parses
 * are kept in a YAML cache (the one given, else a new one; none when it parses nothing), which it hands back:
 * a lint on this thread reads them from there instead of parsing the files again.
 */
export async function composeReferenceReader(
  texts: ReadonlyMap<string, string>,
  cache?: YamlCache,
): Promise<{ references: ComposeReferences; yamlCache?: YamlCache }> {
  if (![...texts.values()].some(mayReference)) return { references: () => [], yamlCache: cache };
  const { parseCompose, YamlCache } = await import("@shipshape/compose");
  await primeYaml(texts.size);
  const yamlCache = cache ?? new YamlCache();
  const references: ComposeReferences = (file) => {
    const text = texts.get(file);
    if (text === undefined || !mayReference(text)) return [];
    const { model } = parseCompose(text, { fileName: file, yamlCache });
    const dir = path.dirname(file);
    const out: string[] = [];
    for (const inc of model.include ?? []) for (const p of inc.path ?? []) if (p.value) out.push(path.join(dir, p.value));
    for (const service of Object.values(model.services ?? {})) {
      const source = service.extends?.source_file?.value;
      if (source) out.push(path.join(dir, source));
    }
    return out;
  };
  return { references, yamlCache };
}
