/**
 * Rule documentation: markdown written inside each rule under fixed headings
 * (`## What it does`, `## Why is this bad?`, `## Example`, `## Use instead`, `## Fix safety`,
 * `## Differences from <tool>`). The code blocks under Example and Use instead are run as tests.
 */

/**
 * Template tag for rule docs, so docs can be indented like the code around them: `defineRule` removes the
 * common indentation and the blank first/last lines when the docs are first read (a lint run never reads
 * them, and dedenting every rule's docs at load showed in the start-up time). Ordinary template-literal
 * escapes apply: write `\\` for one backslash (a Dockerfile line continuation), `\`` for a backtick.
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) text += String(values[i]) + strings[i + 1]!;
  return text;
}

export function dedent(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  while (lines.length > 0 && lines[0]!.trim() === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === "") continue;
    indent = Math.min(indent, line.length - line.trimStart().length);
  }
  if (!Number.isFinite(indent)) indent = 0;
  return lines.map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join("\n");
}

export const DOC_HEADINGS = ["What it does", "Why is this bad?", "Example", "Use instead", "Fix safety"] as const;

/** Splits markdown into its `## ` sections: heading text → body (trimmed). */
export function docSections(docs: string): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let body: string[] = [];
  let inFence = false;
  const flush = () => {
    if (current !== undefined) sections.set(current, body.join("\n").trim());
  };
  for (const line of docs.split("\n")) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const m = !inFence && /^##\s+(.+?)\s*$/.exec(line);
    if (m) {
      flush();
      current = m[1]!;
      body = [];
    } else if (current !== undefined) {
      body.push(line);
    }
  }
  flush();
  return sections;
}

/** A fenced code block: its language, the JSON rule options after it (if any), and its text. */
export interface DocCodeBlock {
  lang: string;
  options?: Record<string, unknown>;
  code: string;
}

/**
 * Code blocks of a markdown section. The info string is `lang` optionally followed by a JSON object of
 * rule options, e.g. ```` ```dockerfile {"trustedRegistries": ["my.registry"]} ````.
 */
export function codeBlocks(section: string): DocCodeBlock[] {
  const blocks: DocCodeBlock[] = [];
  const re = /^```([^\n]*)\n([\s\S]*?)^```\s*$/gm;
  for (let m = re.exec(section); m; m = re.exec(section)) {
    const info = m[1]!.trim();
    const space = info.search(/\s/);
    const lang = space < 0 ? info : info.slice(0, space);
    const rest = space < 0 ? "" : info.slice(space).trim();
    let options: Record<string, unknown> | undefined;
    if (rest.startsWith("{")) {
      try {
        options = JSON.parse(rest) as Record<string, unknown>;
      } catch {
        options = undefined;
      }
    }
    blocks.push({ lang, options, code: m[2]! });
  }
  return blocks;
}

/** The first sentence of "What it does", used as the rule's one-line summary. */
export function docSummary(docs: string): string {
  const what = docSections(docs).get("What it does") ?? "";
  const para = what.split(/\n\s*\n/)[0]!.replace(/\s+/g, " ").trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(para);
  return m ? m[1]! : para;
}
