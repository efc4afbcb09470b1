import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { labelSchemaOption, typedLabelVisitor } from "./support/labels.js";

export default defineRule({
  code: "DL3054",
  name: "label-not-spdx",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: false,
  local: true,
  enabledByOptions: true,
  options: { labelSchema: labelSchemaOption },
  docs: () => md`
    ## What it does
    Flags a label that the \`labelSchema\` option types as \`spdx\` when its value is not an SPDX
    license identifier or expression.
    The rule runs when a label schema is configured.

    ## Why is this bad?
    License scanners and compliance tools read the license label; a free-form value such as \`Apache 2\`
    cannot be matched to a license.

    ## Example
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.licenses": "spdx"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.licenses="Apache 2"
    \`\`\`

    ## Use instead
    \`\`\`dockerfile {"labelSchema": {"org.opencontainers.image.licenses": "spdx"}}
    FROM alpine:3.20
    LABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT"
    \`\`\`

    ## Fix safety
    No fix is offered: the right value is unknown.

    ## Differences from hadolint
    Hadolint accepts a single license identifier only. Here full SPDX expressions are accepted too
    (\`MIT OR Apache-2.0\`, \`GPL-2.0-only WITH Classpath-exception-2.0\`, \`LicenseRef-...\`), as the
    OCI annotation specification asks for SPDX expressions. Values with unknown variables are skipped.
  `,
  create: (ctx) => typedLabelVisitor(ctx, "spdx", (key, value) => `Label '${key}' must be an SPDX license identifier or expression, not '${value}'`),
});
