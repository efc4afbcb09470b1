import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { overriddenInstructions } from "./support/overridden.js";

export default defineRule({
  code: "DL4004",
  name: "multiple-entrypoint",
  aliases: ["MultipleInstructionsDisallowed"],
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    Flags an \`ENTRYPOINT\` that a later \`ENTRYPOINT\` in the same stage replaces.

    ## Why is this bad?
    Only the last \`ENTRYPOINT\` of a stage is kept in the image. An earlier one does nothing, yet reads
    as if the container started with it.

    ## Example
    \`\`\`dockerfile
    FROM python:3.13-slim
    ENTRYPOINT ["python", "-m", "worker"]
    ENTRYPOINT ["python", "-m", "app"]
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM python:3.13-slim
    ENTRYPOINT ["python", "-m", "app"]
    \`\`\`

    ## Fix safety
    Unsafe: the fix deletes the ignored \`ENTRYPOINT\`; the image stays the same, but it may be the line
    you meant to keep.

    ## Differences from hadolint
    Hadolint reports the second and later \`ENTRYPOINT\`; this rule reports the earlier, ignored ones, as
    BuildKit's \`MultipleInstructionsDisallowed\` does. DL4003, DL4004 and DL3012 all carry that check name,
    so \`# check=skip=MultipleInstructionsDisallowed\` silences all three; \`DL4004\` names this one alone.
  `,
  create: (ctx) => overriddenInstructions(ctx, "Entrypoint"),
});
