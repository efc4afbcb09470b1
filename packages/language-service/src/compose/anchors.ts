// YAML anchors (`&name`) and aliases (`*name`) found in the text: the model has them resolved away.
import type { Range } from "@shipshape/text";

export interface AnchorOccurrence {
  name: string;
  range: Range;
  definition: boolean;
}

export function anchorOccurrences(text: string): AnchorOccurrence[] {
  const out: AnchorOccurrence[] = [];
  const re = /(^|[\s\[{,:-])([&*])([^\s,\[\]{}]+)/g;
  let inComment = false;
  let lineStart = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index + m[1]!.length;
    const nl = text.lastIndexOf("\n", at);
    if (nl + 1 !== lineStart) {
      lineStart = nl + 1;
      inComment = false;
    }
    const before = text.slice(lineStart, at);
    inComment = /(^|\s)#/.test(before) || /^[^'"]*(['"])[^'"]*$/.test(before);
    if (inComment) continue;
    out.push({ name: m[3]!, range: { start: at + 1, end: at + 1 + m[3]!.length }, definition: m[2] === "&" });
  }
  return out;
}

export function anchorAt(text: string, offset: number): { name: string; all: AnchorOccurrence[]; at: AnchorOccurrence } | undefined {
  const all = anchorOccurrences(text);
  const at = all.find((o) => o.range.start - 1 <= offset && offset <= o.range.end);
  if (!at) return undefined;
  return { name: at.name, all: all.filter((o) => o.name === at.name), at };
}
