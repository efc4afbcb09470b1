import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** Reported by the engine once suppressions are applied (engine/unused.ts); it has no visitor. */
export default defineRule({
  code: "SS001",
  name: "unused-suppression",
  kind: "dockerfile",
  category: "style",
  severity: "warning",
  enabledByDefault: false,
  docs: () => md`
    ## What it does
    Flags a code in a suppression comment that suppresses nothing: the rule it names found nothing there,
    or no rule has that code. It covers \`# hadolint ignore=\`, \`# shipshape ignore=\`, \`# check=skip=\`
    and, in Compose files, \`# dclint disable\` and \`# shipshape ignore=\`.

    ## Why is this bad?
    A stale suppression hides the next real finding at that place, and a misspelt code suppresses nothing
    while looking as if it did.

    ## Example
    \`\`\`dockerfile
    # hadolint ignore=DL3007
    FROM node:22
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Hadolint ignores unknown codes silently. Here a code is reported only when its rule ran on the file
    (it is enabled), or when no rule has that code; names of BuildKit checks shipshape does not
    implement are accepted silently.
  `,
  create: () => ({}),
});
