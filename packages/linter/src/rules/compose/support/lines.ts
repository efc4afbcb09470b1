import type { Range } from "@shipshape/text";

/**
 * The whole lines from `start` to `end` (newline included), or undefined when something else shares
 * the first or last line (flow style, a following key on the same line).
 */
export function wholeLines(text: string, start: number, end: number): Range | undefined {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  if (text.slice(lineStart, start).trim() !== "") return undefined;
  let e = end;
  if (!(e > 0 && text[e - 1] === "\n")) {
    const nl = text.indexOf("\n", e);
    const rest = text.slice(e, nl < 0 ? text.length : nl);
    if (rest.trim() !== "" && !rest.trim().startsWith("#")) return undefined;
    e = nl < 0 ? text.length : nl + 1;
  }
  return { start: lineStart, end: e };
}
