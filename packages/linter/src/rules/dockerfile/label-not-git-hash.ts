import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { labelSchemaOption, typedLabelVisitor } from "./support/labels.js";

export default defineRule({
  code: "DL3055",
  name: "label-not-git-hash",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  local: true,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption },
  docs: () => md`
    ## What it does
    Flags a label that the \`labelSchema\` option types as \`hash\` when its value is not a git commit
    hash (7 or 40 lowercase hex digits).
    The rule runs when a label schema is configured.

    ## Why is this bad?
    The revision label ties the image to the commit it was built from; a value in another form (a branch
    name, a tag) cannot be resolved to a commit.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.revision": "hash"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision=main
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.revision": "hash"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.revision=3f2a9c1
    \`\`\`

    ## Fix safety
    No fix is offered: the right value is unknown.

    ## Differences from hadolint
    Values written with variables are checked after expanding the \`ARG\`/\`ENV\` values in force, and
    skipped when that value is unknown (\`LABEL revision=\$GIT_SHA\`).
  `,
  create: (ctx) => typedLabelVisitor(ctx, "hash", (key, value) => `Label '${key}' must be a git commit hash (7 or 40 lowercase hex digits), not '${value}'`),
});
