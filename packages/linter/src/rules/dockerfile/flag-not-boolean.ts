import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allowedFlags, BOOLEAN_FLAGS } from "./support/builder.js";

export default defineRule({
  code: "DF106",
  name: "flag-not-boolean",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a boolean flag (\`--link\`, \`--parents\`, \`--keep-git-dir\`, \`--unpack\`) whose value is neither
    \`true\` nor \`false\` (any case).

    ## Why is this bad?
    BuildKit stops with \`expecting boolean value for flag\`. \`--link=1\` or \`--link=yes\` do not work.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    COPY --link=yes app /app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    COPY --link app /app
    \`\`\`

    ## Fix safety
    No fix: \`1\`, \`yes\` and the like probably mean \`true\`, but a variable or a typo may not.

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`FLAG_EXPECTED_BOOLEAN_VALUE\` (formerly \`FLAG_INVALID_LINK_VALUE\`).
  `,
  create: (ctx) => ({
    Instruction(node) {
      if (node.flags.length === 0) return;
      const allowed = allowedFlags(node.keyword);
      for (const flag of node.flags) {
        const name = flag.name.value;
        if (!flag.value || !BOOLEAN_FLAGS.has(name) || !allowed.includes(name)) continue;
        const value = flag.value.value.toLowerCase();
        if (value === "true" || value === "false") continue;
        ctx.report(flag.value.range.end > flag.value.range.start ? flag.value : flag, `'--${name}' takes true or false, not '${flag.value.value}'`);
      }
    },
  }),
});
