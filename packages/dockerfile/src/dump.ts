/** BuildKit's `Node.Dump()` (plus the newline its dumper prints), byte-exact. */
import type { LineNode } from "./buildkit.js";
import { decodeUtf8Lossless, goQuote, goToLower, trimSpace } from "./chars.js";
import { scanDockerfile } from "./scanner.js";

export type DumpResult = { ok: true; output: string } | { ok: false; error: string };

/**
 * Dumps the file as BuildKit's parser test dumper does, or returns the error BuildKit's parser fails
 * with. Pass a `Uint8Array` to keep invalid UTF-8 bytes exact (they print as `\xNN`).
 */
export function dumpBuildkit(input: string | Uint8Array): DumpResult {
  try {
    const text = typeof input === "string" ? input : decodeUtf8Lossless(input);
    const file = scanDockerfile(text);
    if (file.errors.length > 0) {
      const first = [...file.errors].sort((a, b) => a.range.start - b.range.start)[0];
      return { ok: false, error: first.message };
    }
    const error = file.instructions.find((i) => i.node.error ?? i.node.sub?.error);
    if (error) return { ok: false, error: (error.node.error ?? error.node.sub?.error)!.message };
    let s = "";
    for (const instruction of file.instructions) s += "(" + dumpNode(instruction.node) + ")\n";
    return { ok: true, output: trimSpace(s) + "\n" };
  } catch (e) {
    return { ok: false, error: `internal error: ${(e as Error).message}` };
  }
}

function dumpNode(node: LineNode): string {
  let s = goToLower(node.keyword.value);
  if (node.flags.length > 0) s += " [" + node.flags.map((f) => goQuote(f.value)).join(" ") + "]";
  if (node.sub) s += " (" + dumpNode(node.sub) + ")";
  for (const n of node.next) s += " " + goQuote(n.value);
  return trimSpace(s);
}
