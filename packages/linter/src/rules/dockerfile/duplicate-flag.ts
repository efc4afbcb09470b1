import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allowedFlags, REPEATABLE_FLAGS } from "./support/builder.js";

export default defineRule({
  code: "DF104",
  name: "duplicate-flag",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a flag given twice on one instruction (\`COPY --from=a --from=b\`). Only \`--mount\`, \`--device\`
    and \`--exclude\` may be repeated.

    ## Why is this bad?
    BuildKit stops with \`Duplicate flag specified\`; it does not pick one of the values.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    COPY --chown=app --chown=root config /etc/app/
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    COPY --chown=app config /etc/app/
    \`\`\`

    ## Fix safety
    No fix: which of the values was meant is yours to decide.

    ## Relation to dockerfile-utils
    dockerfile-utils reports this as \`FLAG_DUPLICATE\` (on ADD, COPY and HEALTHCHECK); this rule also checks
    \`FROM\` and \`RUN\`. Flags an instruction does not take at all are left to DF103.
  `,
  create: (ctx) => ({
    Instruction(node) {
      // A flag can be given twice only where there are two.
      if (node.flags.length < 2) return;
      const allowed = allowedFlags(node.keyword);
      const seen = new Map<string, (typeof node.flags)[number]>();
      for (const flag of node.flags) {
        const name = flag.name.value;
        if (!allowed.includes(name) || REPEATABLE_FLAGS.has(name)) continue;
        const first = seen.get(name);
        if (!first) {
          seen.set(name, flag);
          continue;
        }
        ctx.report(flag, `'--${name}' is given twice on this ${node.keyword}`, {
          related: [{ message: `first '--${name}'`, target: first }],
        });
      }
    },
  }),
});
