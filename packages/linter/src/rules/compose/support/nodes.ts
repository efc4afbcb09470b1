/** Small readers over the compose YAML tree (`model.root`) for rules that look at how a file is written. */
import type { CMap, CNode } from "@shipshape/compose";
import { getValue as get, isMap } from "@shipshape/compose";

export { isMap, isScalar, isSeq } from "@shipshape/compose";

/** The value under a key of a map (undefined when `map` is not a map). */
export function getValue(map: CNode | undefined, key: string): CNode | undefined {
  return isMap(map) ? get(map, key) : undefined;
}

/** Each service of the file's own tree, with its map. */
export function serviceMaps(root: CMap | undefined): { name: string; map: CMap }[] {
  const services = getValue(root, "services");
  if (!isMap(services)) return [];
  const out: { name: string; map: CMap }[] = [];
  for (const e of services.entries) if (isMap(e.value)) out.push({ name: e.key, map: e.value });
  return out;
}
