import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { labelSchemaOption, typedLabelVisitor } from "./support/labels.js";

export default defineRule({
  code: "DL3056",
  name: "label-not-semver",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  local: true,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption },
  docs: () => md`
    ## What it does
    Flags a label that the \`labelSchema\` option types as \`semver\` when its value is not a semantic
    version.
    The rule runs when a label schema is configured.

    ## Why is this bad?
    Version labels are compared by tools that expect semantic versions (\`1.4.2\`, \`2.0.0-rc.1\`); a
    value in another form sorts wrongly or not at all.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.version": "semver"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.version=v1.4
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.version": "semver"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.version=1.4.0
    \`\`\`

    ## Fix safety
    No fix is offered: the right value is unknown.

    ## Differences from hadolint
    Values written with variables are checked after expanding the \`ARG\`/\`ENV\` values in force, and
    skipped when that value is unknown. The grammar is semver.org's: no \`v\` prefix and no leading
    zeros.
  `,
  create: (ctx) => typedLabelVisitor(ctx, "semver", (key, value) => `Label '${key}' must be a semantic version, not '${value}'`),
});
