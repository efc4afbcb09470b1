import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

const RESERVED = new Set(["scratch", "context"]);

export default defineRule({
  code: "DL3063",
  name: "reserved-stage-name",
  aliases: ["ReservedStageName"],
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a stage named \`scratch\` or \`context\` (in any case).

    ## Why is this bad?
    Both names already mean something: \`scratch\` is the empty image and \`context\` the build context
    (\`COPY --from=context\`, named contexts). A stage with one of these names makes references
    ambiguous.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20 AS scratch
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20 AS base
    \`\`\`

    ## Fix safety
    No fix is offered: references to the stage would need renaming too.

    ## Differences from hadolint
    This is also BuildKit's \`ReservedStageName\` check. Names are compared without regard to case, as
    the build lower-cases them.
  `,
  create: (ctx) => ({
    From(node) {
      const name = node.stageName;
      if (!name || !RESERVED.has(name.value.toLowerCase())) return;
      ctx.report(name, `'${name.value}' is a reserved name and cannot name a stage unambiguously`);
    },
  }),
});
