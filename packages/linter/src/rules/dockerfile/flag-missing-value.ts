import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allowedFlags, BOOLEAN_FLAGS } from "./support/builder.js";

export default defineRule({
  code: "DF105",
  name: "flag-missing-value",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a flag written without \`=value\` when it needs one: every flag except the booleans \`--link\`,
    \`--parents\`, \`--keep-git-dir\` and \`--unpack\` (\`COPY --from build\` is the usual slip).

    ## Why is this bad?
    BuildKit stops with \`missing a value on flag\`. Writing the value after a space does not work: it
    becomes the first source or argument instead.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20 AS build
    FROM alpine:3.20
    COPY --from build /out /app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20 AS build
    FROM alpine:3.20
    COPY --from=build /out /app
    \`\`\`

    ## Fix safety
    No fix: joining the next word to the flag is likely but not certain.

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`FLAG_MISSING_VALUE\`. Unknown flags are left to DF103.
  `,
  create: (ctx) => ({
    Instruction(node) {
      if (node.flags.length === 0) return;
      const allowed = allowedFlags(node.keyword);
      for (const flag of node.flags) {
        const name = flag.name.value;
        if (flag.value || BOOLEAN_FLAGS.has(name) || !allowed.includes(name)) continue;
        ctx.report(flag, `'--${name}' needs a value: write '--${name}=<value>'`);
      }
    },
  }),
});
