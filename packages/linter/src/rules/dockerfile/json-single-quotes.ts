import type { Word } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

const KINDS = new Set(["Cmd", "Entrypoint", "Run", "Volume", "Copy", "Add"]);

/**
 * The elements of `['a', 'b']` when the text is exactly an array of single-quoted strings without
 * backslashes (whose meaning would differ between the two quote styles); undefined otherwise.
 */
export function singleQuotedArray(text: string): string[] | undefined {
  const m = /^\[\s*((?:'[^'\\]*'\s*,\s*)*'[^'\\]*')\s*\]$/.exec(text.trim());
  if (!m) return undefined;
  return [...m[1]!.matchAll(/'([^'\\]*)'/g)].map((x) => x[1]!);
}

function writtenOnOneStretch(word: Word): boolean {
  return word.range.end - word.range.start === word.value.length;
}

export default defineRule({
  code: "DF112",
  name: "json-single-quotes",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags \`CMD\`, \`ENTRYPOINT\`, \`RUN\`, \`VOLUME\`, \`COPY\` and \`ADD\` arguments written as an array with
    single quotes (\`CMD ['node', 'server.js']\`).

    ## Why is this bad?
    JSON strings take double quotes only, so BuildKit does not see an exec form: it runs the text through
    \`/bin/sh -c\`, where \`['node',\` is a command that does not exist, or (for \`COPY\`/\`VOLUME\`) takes the
    brackets and quotes as part of the paths.

    ## Example
    \`\`\`dockerfile
    FROM node:22-alpine
    CMD ['node', 'server.js']
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-alpine
    CMD ["node", "server.js"]
    \`\`\`

    ## Fix safety
    Safe: the quotes are swapped for double quotes (characters JSON needs escaped are escaped), which is
    what the array was written to mean. Arrays containing a backslash or spanning a line continuation are
    not fixed.

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`JSON_IN_SINGLE_QUOTES\` (a warning). \`SHELL\` with single quotes is a
    hard error and is DF111.
  `,
  create: (ctx) => ({
    Instruction(node) {
      if (!KINDS.has(node.kind) || node.args.value === "") return;
      const elements = singleQuotedArray(node.args.value);
      if (!elements) return;
      const json = `[${elements.map((e) => JSON.stringify(e)).join(", ")}]`;
      const fix = writtenOnOneStretch(node.args) ? ctx.fix.replace(node.args, json, "Use double quotes") : undefined;
      ctx.report(node.args, `${node.keyword} is meant as a JSON array but uses single quotes, so it runs as shell form; use double quotes`, { fix });
    },
  }),
});
