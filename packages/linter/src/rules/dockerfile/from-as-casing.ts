import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "FromAsCasing",
  name: "from-as-casing",
  kind: "dockerfile",
  category: "style",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags an \`AS\` keyword whose case differs from its \`FROM\` keyword (\`FROM image as name\`).

    ## Why is this bad?
    Mixed keyword casing within one instruction reads as a typo and makes the file inconsistent.

    ## Example
    \`\`\`dockerfile
    FROM node:22 as build
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22 AS build
    \`\`\`

    ## Fix safety
    Safe: instruction keywords are case-insensitive, so only the spelling changes.

    ## Differences from BuildKit
    As BuildKit, a \`FROM\` keyword in mixed case (\`From\`) is left to the instruction casing rule.
  `,
  create: (ctx) => ({
    From(node) {
      const as = node.asKeyword;
      if (!as) return;
      const from = node.keywordWord.value;
      const upper = from === from.toUpperCase();
      const lower = from === from.toLowerCase();
      if (!upper && !lower) return;
      const wanted = upper ? as.value.toUpperCase() : as.value.toLowerCase();
      if (as.value === wanted) return;
      ctx.report(as, `'${as.value}' should be written '${wanted}' to match '${from}'`, {
        fix: ctx.fix.replace(as, wanted, `Write '${wanted}'`),
      });
    },
  }),
});
