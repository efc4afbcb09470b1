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
    for (const instruction of file.instructions) {
      for (let n: LineNode | undefined = instruction.node; n; n = n.sub) {
        if (n.error) return { ok: false, error: n.error.message };
      }
    }
    let s = "";
    for (const instruction of file.instructions) s += "(" + dumpNode(instruction.node) + ")\n";
    return { ok: true, output: trimSpace(s) + "\n" };
  } catch (e) {
    return { ok: false, error: `internal error: ${(e as Error).message}` };
  }
}

/** `dump(node)`; ONBUILD chains nest as `(onbuild (run ...))`, built from the inside out without recursion. */
function dumpNode(node: LineNode): string {
  const chain: LineNode[] = [];
  for (let n: LineNode | undefined = node; n; n = n.sub) chain.push(n);
  let inner = "";
  for (let i = chain.length - 1; i >= 0; i--) {
    const n = chain[i];
    let s = goToLower(n.keyword.value);
    if (n.flags.length > 0) s += " [" + n.flags.map((f) => goQuote(f.value)).join(" ") + "]";
    if (n.sub) s += " (" + inner + ")";
    for (const a of n.next) s += " " + goQuote(a.value);
    inner = trimSpace(s);
  }
  return inner;
}
