import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DF213",
  name: "directive-casing",
  kind: "dockerfile",
  category: "style",
  severity: "style",
  enabledByDefault: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags a parser directive whose name is not lowercase (\`# Syntax=...\`, \`# CHECK=skip=all\`).

    ## Why is this bad?
    BuildKit reads directive names in any case, but the documentation, every example and other tools
    write them lowercase; a capitalised one reads like an ordinary comment and is easy to break by moving
    it below an instruction or another comment.

    ## Example
    \`\`\`dockerfile
    # Syntax=docker/dockerfile:1
    FROM alpine:3.20
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    # syntax=docker/dockerfile:1
    FROM alpine:3.20
    \`\`\`

    ## Fix safety
    Safe: only the directive name's case changes, which BuildKit ignores.

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`CASING_DIRECTIVE\` (for \`escape\` only). A duplicate directive is the
    parser's DF003.
  `,
  create: (ctx) => ({
    Directive(directive) {
      const written = directive.key.value;
      const lower = written.toLowerCase();
      if (written === lower) return;
      ctx.report(directive.key, `Write the parser directive '${written}' in lowercase: '${lower}'`, {
        fix: ctx.fix.replace(directive.key, lower, `Write '${lower}'`),
      });
    },
  }),
});
