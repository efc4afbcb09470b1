import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { overriddenInstructions } from "./support/overridden.js";

export default defineRule({
  code: "DL3012",
  name: "multiple-healthcheck",
  aliases: ["MultipleInstructionsDisallowed"],
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    Flags a \`HEALTHCHECK\` that a later \`HEALTHCHECK\` in the same stage replaces.

    ## Why is this bad?
    An image has a single health check: the last \`HEALTHCHECK\` of the stage. Earlier ones are ignored,
    so the probe you read first is not the one that runs.

    ## Example
    \`\`\`dockerfile
    FROM nginx:1.27
    HEALTHCHECK CMD curl -f http://localhost/ || exit 1
    HEALTHCHECK --interval=10s CMD curl -f http://localhost/health || exit 1
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM nginx:1.27
    HEALTHCHECK --interval=10s CMD curl -f http://localhost/health || exit 1
    \`\`\`

    ## Fix safety
    Unsafe: the fix deletes the ignored \`HEALTHCHECK\`; the image is unchanged, but it may be the one you
    meant to keep.

    ## Differences from hadolint
    Hadolint reports the second and later \`HEALTHCHECK\`; this rule reports the earlier, ignored ones, as
    BuildKit's \`MultipleInstructionsDisallowed\` does. DL4003, DL4004 and DL3012 all carry that check name,
    so \`# check=skip=MultipleInstructionsDisallowed\` silences all three; \`DL3012\` names this one alone. \`HEALTHCHECK NONE\` counts as a health check like any other.
  `,
  create: (ctx) => overriddenInstructions(ctx, "Healthcheck"),
});
