import { parseCompose, type ParseComposeOptions } from "@shipshape/compose";

/** Parses a snippet and returns its findings as [code, the text the range covers, message] triples. */
export function findings(text: string, options: ParseComposeOptions = {}): [string, string, string][] {
  const { errors } = parseCompose(text, { fileName: "compose.yaml", ...options });
  return errors.map((e) => [e.code, text.slice(e.range.start, e.range.end), e.message]);
}

/** Just [code, covered text] pairs, for compact expectations. */
export function codes(text: string, options: ParseComposeOptions = {}): [string, string][] {
  return findings(text, options).map(([c, t]) => [c, t]);
}

/** An in-memory file system for loadProject. */
export function memoryReader(files: Record<string, string>): (path: string) => string | undefined {
  return (p) => (Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined);
}

/** Joins lines, so that YAML snippets in tests need no indentation games. */
export function yaml(...lines: string[]): string {
  return lines.join("\n") + "\n";
}

/** A small deterministic random generator (a test must fail the same way every time): `next(n)` is in [0, n). */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // The high bits: an LCG's low bits repeat with short periods (`s % 4` cycles through 4 values).
    return Math.floor((s / 4294967296) * n);
  };
}

/** One random edit, mostly like typing: a quarter of the time 1-3 characters cut, else one of `pieces` inserted. */
export function typingEdit(text: string, next: (n: number) => number, pieces: readonly string[]): string {
  const at = next(text.length + 1);
  const kind = next(4);
  const cut = kind === 0 ? 1 + next(3) : 0;
  const insert = kind === 0 ? "" : pieces[next(pieces.length)]!;
  return text.slice(0, at) + insert + text.slice(Math.min(text.length, at + cut));
}
