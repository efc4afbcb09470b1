import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { labelSchemaOption, typedLabelVisitor } from "./support/labels.js";

export default defineRule({
  code: "DL3053",
  name: "label-not-rfc3339",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  local: true,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption },
  docs: () => md`
    ## What it does
    Flags a label that the \`labelSchema\` option types as \`rfc3339\` when its value is not an RFC 3339
    timestamp.
    The rule runs when a label schema is configured.

    ## Why is this bad?
    Build dates are compared and sorted by tools; a date in another format cannot be read reliably.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.created": "rfc3339"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.created="22.11.2026"
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.created": "rfc3339"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.created=2026-11-22T18:30:00Z
    \`\`\`

    ## Fix safety
    No fix is offered: the right value is unknown.

    ## Differences from hadolint
    Values written with variables are checked after expanding the \`ARG\`/\`ENV\` values in force
    (\`LABEL created=\$BUILD_DATE\` with an unknown \`BUILD_DATE\` is not reported). Dates are checked
    for real calendar days and times.
  `,
  create: (ctx) => typedLabelVisitor(ctx, "rfc3339", (key, value) => `Label '${key}' must be an RFC 3339 timestamp, not '${value}'`),
});
