import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { overriddenInstructions } from "./support/overridden.js";

export default defineRule({
  code: "DL4003",
  name: "multiple-cmd",
  aliases: ["MultipleInstructionsDisallowed"],
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    Flags a \`CMD\` that a later \`CMD\` in the same stage replaces.

    ## Why is this bad?
    An image has one default command: each \`CMD\` overwrites the one before, so only the last \`CMD\` of
    a stage is used. An earlier one is dead code that looks as if it mattered, and is often a sign that
    two fragments of Dockerfile were pasted together.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    CMD ["node", "worker.js"]
    CMD ["node", "server.js"]
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    CMD ["node", "server.js"]
    \`\`\`

    ## Fix safety
    Unsafe: the fix deletes the ignored \`CMD\`. The image does not change, but the line you wrote may
    have been the one you meant to keep.

    ## Differences from hadolint
    Hadolint reports the second and later \`CMD\`; this rule reports the earlier, ignored ones, as
    BuildKit's \`MultipleInstructionsDisallowed\` check does, and points at the one that wins.
    \`MultipleInstructionsDisallowed\` covers \`CMD\`, \`ENTRYPOINT\` and \`HEALTHCHECK\` at once, while
    hadolint has three codes (DL4003, DL4004, DL3012). All three rules carry the check name as an alias, so
    \`# check=skip=MultipleInstructionsDisallowed\` (or \`--ignore\` with it) silences all three.
  `,
  create: (ctx) => overriddenInstructions(ctx, "Cmd"),
});
