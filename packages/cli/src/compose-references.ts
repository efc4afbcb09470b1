import path from "node:path";
import type { ComposeReferences } from "./compose-projects.js";

/**
 * The files a compose file reaches through `include` (short and long form) and `extends.file`, read
 * from @shipshape/compose's model and spelled relative to the same base as `file` (so they compare
 * with the paths of the walk). Interpolated paths are taken as written.
 */
export async function composeReferenceReader(texts: ReadonlyMap<string, string>): Promise<ComposeReferences> {
  const { parseCompose } = await import("@shipshape/compose");
  return (file) => {
    const text = texts.get(file);
    if (text === undefined) return [];
    const { model } = parseCompose(text, { fileName: file });
    const dir = path.dirname(file);
    const out: string[] = [];
    for (const inc of model.include ?? []) for (const p of inc.path ?? []) if (p.value) out.push(path.join(dir, p.value));
    for (const service of Object.values(model.services ?? {})) {
      const source = service.extends?.source_file?.value;
      if (source) out.push(path.join(dir, source));
    }
    return out;
  };
}
