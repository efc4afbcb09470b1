import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allowedFlags, likelyTypoOf } from "./support/builder.js";

export default defineRule({
  code: "DF103",
  name: "unknown-flag",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags a \`--flag\` the instruction does not take. BuildKit accepts \`--platform\` on \`FROM\`;
    \`--mount\`, \`--network\`, \`--security\` and \`--device\` on \`RUN\`; \`--from\`, \`--chown\`, \`--chmod\`,
    \`--link\`, \`--parents\` and \`--exclude\` on \`COPY\`; \`--chown\`, \`--chmod\`, \`--link\`, \`--checksum\`,
    \`--keep-git-dir\`, \`--unpack\` and \`--exclude\` on \`ADD\`; \`--interval\`, \`--timeout\`,
    \`--start-period\`, \`--start-interval\` and \`--retries\` on \`HEALTHCHECK\`; and no flag on any other
    instruction. A close misspelling gets a suggestion.

    ## Why is this bad?
    The build stops with \`unknown flag\`. Flag names are case-sensitive.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20 AS build
    FROM alpine:3.20
    COPY --form=build /out /app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20 AS build
    FROM alpine:3.20
    COPY --from=build /out /app
    \`\`\`

    ## Fix safety
    Safe when a suggestion is offered: the flag's name is replaced by the one allowed flag at most two
    edits away (no fix when none or two are that close). The value is kept as written.

    ## Relation to dockerfile-utils
    dockerfile-utils reports \`UNKNOWN_ADD_FLAG\`, \`UNKNOWN_COPY_FLAG\`, \`UNKNOWN_FROM_FLAG\` and
    \`UNKNOWN_HEALTHCHECK_FLAG\`; it does not check RUN's flags, nor flags on other instructions, and it
    refuses \`ADD --unpack\`, which BuildKit accepts.
  `,
  create: (ctx) => ({
    Instruction(node) {
      if (node.kind === "Unknown" || node.flags.length === 0) return;
      const allowed = allowedFlags(node.keyword);
      for (const flag of node.flags) {
        const name = flag.name.value;
        if (allowed.includes(name)) continue;
        const guess = likelyTypoOf(name, allowed);
        if (allowed.length === 0) {
          ctx.report(flag.name, `${node.keyword} takes no flags; '--${name}' is unknown`);
        } else if (guess) {
          ctx.report(flag.name, `Unknown flag '--${name}' for ${node.keyword}; did you mean '--${guess}'?`, {
            fix: ctx.fix.replace(flag.name, guess, `Replace '--${name}' with '--${guess}'`),
          });
        } else {
          ctx.report(flag.name, `Unknown flag '--${name}' for ${node.keyword}; it takes ${allowed.map((f) => `--${f}`).join(", ")}`);
        }
      }
    },
  }),
});
