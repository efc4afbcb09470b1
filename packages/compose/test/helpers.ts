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
