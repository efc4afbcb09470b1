import type { AddInstruction, CopyInstruction } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, unquote } from "./support/words.js";

export default defineRule({
  code: "DL3021",
  name: "copy-multiple-sources-dest-slash",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags a \`COPY\` (or \`ADD\`) with several sources whose destination does not end with \`/\`.

    ## Why is this bad?
    Several sources can only go into a directory, and the build insists that the destination says so
    with a trailing slash: without it the build fails.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    COPY package.json package-lock.json /app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    COPY package.json package-lock.json /app/
    \`\`\`

    ## Fix safety
    Safe: the slash is added; the build could not succeed without it.

    ## Differences from hadolint
    Hadolint checks \`COPY\` only; the build refuses the same mistake in \`ADD\`, so both are checked. A
    destination written with a variable (\`\$DEST\`) is not reported: its value may end with a slash. As
    the build, \`.\` and \`..\` (\`COPY go.mod go.sum .\`) and a Windows path ending in \`\\\` count as
    directories.
  `,
  create: (ctx) => {
    const check = (node: CopyInstruction | AddInstruction) => {
      const dest = node.destination;
      if (!dest || node.sources.length < 2) return;
      const path = unquote(dest.value);
      // `.`, `..` and a trailing `\` (Windows) name directories as well as a trailing slash does.
      if (/(?:^|[/\\])\.{1,2}$|[/\\]$/.test(path) || hasVariable(path)) return;
      // In JSON form (or a quoted path) the slash goes inside the closing quote.
      const quoted = node.json || /^(["']).*\1$/.test(dest.value.trim());
      const at = quoted ? { start: dest.range.end - 1, end: dest.range.end - 1 } : { start: dest.range.end, end: dest.range.end };
      ctx.report(dest, `${node.keyword} with ${node.sources.length} sources needs a directory destination ending in '/': write '${path}/'`, {
        fix: ctx.fix.insertBefore(at, "/", `Write '${path}/'`),
      });
    };
    return { Copy: check, Add: check };
  },
});
