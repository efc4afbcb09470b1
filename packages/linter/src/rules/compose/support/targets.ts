import type { Named } from "@shipshape/compose";
import type { Range } from "@shipshape/text";
import type { Target } from "../../../rule.js";

/** A range in a given compose file, as a report target (the engine routes it to that file). */
export function located(range: Range, file: string): Target {
  return { range, file } as unknown as Target;
}

/** The name (mapping key) of a service or top-level resource. */
export function nameOf(entry: Named): Target {
  return located(entry.nameRange, entry.nameFile);
}
