import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { labelSchemaOption, typedLabelVisitor } from "./support/labels.js";

export default defineRule({
  code: "DL3052",
  name: "label-not-url",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  local: true,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption },
  docs: () => md`
    ## What it does
    Flags a label that the \`labelSchema\` option types as \`url\` when its value is not a valid URL.
    The rule runs when a label schema is configured.

    ## Why is this bad?
    Tools link to the source, documentation or vendor from URL labels; a value that is not a URL breaks
    those links and usually means the label was filled wrongly.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.source": "url"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.source=github.com/acme/app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.source": "url"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.source=https://github.com/acme/app
    \`\`\`

    ## Fix safety
    No fix is offered: the right value is unknown.

    ## Differences from hadolint
    Values written with variables are checked after expanding the \`ARG\`/\`ENV\` values in force, and
    skipped when that value is unknown. Empty values are DL3051's concern. A URL is an absolute URI with
    a scheme, as hadolint requires.
  `,
  create: (ctx) => typedLabelVisitor(ctx, "url", (key, value) => `Label '${key}' must be a valid URL, not '${value}'`),
});
