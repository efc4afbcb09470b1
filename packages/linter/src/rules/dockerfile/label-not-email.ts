import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { labelSchemaOption, typedLabelVisitor } from "./support/labels.js";

export default defineRule({
  code: "DL3058",
  name: "label-not-email",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  local: true,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption },
  docs: () => md`
    ## What it does
    Flags a label that the \`labelSchema\` option types as \`email\` when its value is not a valid
    e-mail address.
    The rule runs when a label schema is configured.

    ## Why is this bad?
    A contact label that is not an address cannot be used to reach the maintainers.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"com.example.maintainer": "email"}}
    FROM alpine:3.20
    LABEL com.example.maintainer="ops at example.com"
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"com.example.maintainer": "email"}}
    FROM alpine:3.20
    LABEL com.example.maintainer=ops@example.com
    \`\`\`

    ## Fix safety
    No fix is offered: the right value is unknown.

    ## Differences from hadolint
    Values written with variables are checked after expanding the \`ARG\`/\`ENV\` values in force, and
    skipped when that value is unknown. An address is an RFC 5322 addr-spec (\`local@domain\`); display
    names (\`Ops <ops@example.com>\`) are not accepted, as in hadolint.
  `,
  create: (ctx) => typedLabelVisitor(ctx, "email", (key, value) => `Label '${key}' must be a valid e-mail address, not '${value}'`),
});
